// `raadsarchief stats`: counts, the active embedder, the lexicon.
import type { Command } from 'commander';
import { command, print, withArchive, type Globals } from './common.ts';

export function registerStats(program: Command): void {
  command(program, 'stats', 'counts, embedder and index status').action(async (_o, c: Command) => {
    const g = c.optsWithGlobals<Globals>();
    const stats = await withArchive(g, async (a) => ({ ...a.health(), pages: a.listDocuments().reduce((s, d) => s + d.pageCount, 0) }));
    print(g.json, stats, () =>
      [
        `documents  ${stats.documents}`,
        `pages      ${stats.pages}`,
        `passages   ${stats.passages}`,
        `vectors    ${stats.vectors}`,
        `embedder   ${stats.embedder.name} (${stats.embedder.dimension} dims): ${stats.embedder.note}`,
        `lexical    ${stats.lexicalIndex.loadedFrom === 'file' ? 'read from its saved file' : 'built from the stored terms'} in ${(stats.lexicalIndex.ms / 1000).toFixed(1)} s`,
        `lexicon    ${stats.lexicon ? 'Dutch lexicon in use' : 'none (set LEXICON_DIR for synonym expansion)'}`,
        `data       ${stats.dataDir}`,
      ].join('\n'),
    );
  });
}
