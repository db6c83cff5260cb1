// `raadsarchief search "<vraag>"`: ranked passages with document, pages, heading and score.
import { Option, type Command } from 'commander';
import { rankingDefaults } from '../lib/config.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import type { SearchMode } from '../lib/types.ts';
import { command, intOption, ocrLabel, print, withArchive, type Globals } from './common.ts';
import { truncate } from './terminal.ts';

export function registerSearch(program: Command): void {
  command(program, 'search', 'search the archive')
    .argument('<query>', 'a Dutch question or keywords')
    .addOption(new Option('--mode <mode>', 'retrieval mode').choices(Object.keys(rankingDefaults.modes)).default(rankingDefaults.mode))
    .addOption(intOption('--k <n>', 'number of results', 1, rankingDefaults.maxK).default(5))
    .action(async (query: string, o: { mode: SearchMode; k: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const hits = await withArchive(g, (a) => a.search(query, { mode: o.mode, k: o.k }));
      print(g.json, { query, mode: o.mode, hits }, () =>
        hits.length === 0
          ? 'Niets gevonden.'
          : hits
              .map((h) => {
                const head = h.headingPath.length ? ` · ${h.headingPath.join(' > ')}` : '';
                const where = `${h.document.title} (${h.docId}, ${h.place})${head}${ocrLabel(h.ocr)}`;
                return `${h.rank}. ${where}  score ${h.score.toFixed(4)}\n   ${highlightTerminal(truncate(h.text, 300), h.highlights)}`;
              })
              .join('\n\n'),
      );
    });
}

function highlightTerminal(text: string, words: string[]): string {
  if (!process.stdout.isTTY || words.length === 0) return text;
  const escaped = words.map(escapeRegExp);
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), '\x1b[1;33m$1\x1b[0m');
}
