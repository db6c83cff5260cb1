// `raadsarchief ask "<vraag>"`: an extractive answer with citations (the same JSON as POST /api/ask).
import type { Command } from 'commander';
import { answerDefaults, rankingDefaults } from '../lib/config.ts';
import { ask } from '../answer/ask.ts';
import { command, intOption, locationLabel, print, withArchive, type Globals } from './common.ts';
import { truncate } from './terminal.ts';

export function registerAsk(program: Command): void {
  command(program, 'ask', 'answer a question with cited sentences from the archive (same JSON as POST /api/ask)')
    .argument('<question>', 'a Dutch question')
    .addOption(intOption('--k <n>', 'passages to draw the answer from', 1, rankingDefaults.maxK))
    .action(async (question: string, o: { k?: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const r = await withArchive(g, (a) => ask(a, { question, k: o.k }));
      print(g.json, r, () => {
        if (!r.answered) {
          const closest = r.hits.slice(0, answerDefaults.closestHits).map((h) => `- ${h.document.title}, p. ${h.pageFirst}: ${truncate(h.text, 160)}`);
          return `${r.answer}\n\nDichtstbijzijnde passages:\n${closest.join('\n')}`;
        }
        const cites = r.citations.map((ci) => `[${ci.n}] ${ci.title}, ${locationLabel(ci.pageFirst, ci.pageLast)}`);
        return `${r.answer}\n\n${cites.join('\n')}`;
      });
    });
}
