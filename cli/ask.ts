// `raadsarchief ask "<vraag>"`: an extractive answer with citations (the same JSON as POST /api/ask).
import type { Command } from 'commander';
import { rankingDefaults } from '../lib/config.ts';
import { ask } from '../answer/ask.ts';
import { command, intOption, locationLabel, ocrLabel, print, withArchive, type Globals } from './common.ts';
import { truncate } from './terminal.ts';

/** Whose words: the document's title, organisation (else its file name) and year. */
function whose(d: { title: string; organisation: string | null; fileName: string; year: number | null }): string {
  return [d.title, d.organisation ?? d.fileName, d.year].filter((x) => x !== null && x !== '').join(', ');
}

export function registerAsk(program: Command): void {
  command(program, 'ask', 'answer a question with cited sentences from the archive (same JSON as POST /api/ask)')
    .argument('<question>', 'a Dutch question')
    .addOption(intOption('--k <n>', 'passages to draw the answer from', 1, rankingDefaults.maxK))
    .action(async (question: string, o: { k?: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const r = await withArchive(g, (a) => ask(a, { question, k: o.k }));
      print(g.json, r, () => {
        if (!r.answered) {
          const closest = r.closest.map((h) => `- ${whose(h.document)}, ${locationLabel(h.pageFirst, h.pageLast, h.document.pageKind, h.headingPath)}: ${truncate(h.text, 160)}`);
          return `${[r.answer, r.note].filter(Boolean).join(' ')}\n\nDichtstbijzijnde passages (geen antwoord, wel het meest verwant):\n${closest.join('\n')}`;
        }
        const cites = r.citations.map((ci) => `[${ci.n}] ${whose(ci)}, ${locationLabel(ci.pageFirst, ci.pageLast, ci.pageKind, ci.headingPath)}${ocrLabel(ci.ocr)}${ci.otherSource ? ' — let op: niet de bron uit de vraag' : ''}`);
        return `${r.answer}\n\n${cites.join('\n')}`;
      });
    });
}
