// `raadsarchief ask "<vraag>"`: an extractive answer with citations (the same JSON as POST /api/ask).
import type { Command } from 'commander';
import { rankingDefaults } from '../lib/config.ts';
import { ask } from '../answer/ask.ts';
import type { Citation } from '../answer/types.ts';
import { command, intOption, ocrLabel, print, withArchive, type Globals } from './common.ts';
import { truncate } from './terminal.ts';

/** Whose words: the document's title (a long one cut, its closing full stop dropped: titles of text files are often
 *  their first sentence), organisation (else its file name) and year. */
function whose(d: { title: string; organisation: string | null; fileName: string; year: number | null }): string {
  const title = truncate(d.title, 90).replace(/[.:;,]$/, '');
  return [title, d.organisation ?? d.fileName, d.year].filter((x) => x !== null && x !== '').join(', ');
}

type CitationLine = Pick<Citation, 'n' | 'docId' | 'title' | 'organisation' | 'fileName' | 'year' | 'place' | 'ocr' | 'otherSource'>;

/** One line per document cited, in the order of its first citation: whose words, then where each sentence stands.
 *  Sentences from one place share it ("[1, 3] Verkiezingsprogramma, SGP, 1998, p. 4"); from several places each place
 *  carries its numbers ("[2, 3] Wat drijft en bindt PvdA-wethouders?, PvdA, 2014: alinea 13 [2], alinea 16 [3]"). */
export function citationLines(citations: readonly CitationLine[]): string[] {
  const documents = new Map<string, CitationLine[]>();
  for (const ci of citations) documents.set(ci.docId, [...(documents.get(ci.docId) ?? []), ci]);
  return [...documents.values()].map((cs) => {
    const places = new Map<string, number[]>();
    for (const ci of cs) {
      const where = `${ci.place}${ocrLabel(ci.ocr)}`;
      places.set(where, [...(places.get(where) ?? []), ci.n]);
    }
    const where = places.size === 1 ? `, ${[...places.keys()][0]}` : `: ${[...places].map(([p, ns]) => `${p} [${ns.join(', ')}]`).join(', ')}`;
    return `[${cs.map((c) => c.n).join(', ')}] ${whose(cs[0])}${where}${cs[0].otherSource ? ' — let op: niet de bron uit de vraag' : ''}`;
  });
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
          const closest = r.closest.map((h) => `- ${whose(h.document)}, ${h.place}: ${truncate(h.text, 160)}`);
          return `${[r.answer, r.note].filter(Boolean).join(' ')}\n\nDichtstbijzijnde passages (geen antwoord, wel het meest verwant):\n${closest.join('\n')}`;
        }
        return `${r.answer}\n\n${citationLines(r.citations).join('\n')}`;
      });
    });
}
