// `raadsarchief reindex`: re-embed every passage from the store and rebuild the indexes.
import type { Command } from 'commander';
import { command, print, withArchive, type Globals } from './common.ts';
import { ProgressBar } from './terminal.ts';

export function registerReindex(program: Command): void {
  command(program, 'reindex', 're-embed every passage from the store (refits the built-in embedder) and rebuild the indexes').action(
    async (_o, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const bar = new ProgressBar(!g.json);
      const r = await withArchive(g, (a) => a.reindex((d, t) => bar.update(d, t, 'passages embedded')));
      bar.done();
      print(g.json, r, () => `re-indexed ${r.passages} passages in ${(r.ms / 1000).toFixed(1)} s`);
    },
  );
}
