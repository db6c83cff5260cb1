// How many documents of an archive lost the spaces of their text layer: per document, the share of its runs of letters
// that are glued words (language/spaces.ts gluedWords), the count at 2 % or more and the worst four.
//   node bin/run-ts.js tools/ingest/glued-share.ts <archive.sqlite> [...]
import Database from 'better-sqlite3';
import { gluedWords, rankedVocabulary } from '../../language/spaces.ts';
import { loadWordVectors } from '../../language/word-vectors.ts';
const k = rankedVocabulary(loadWordVectors().words);
for (const f of process.argv.slice(2)) {
  const db = new Database(f, { readonly: true });
  const rows = db.prepare('select file_name as f, text from documents').all() as { f: string; text: string }[];
  const rates = rows.map((r) => { let n = 0, g = 0; for (const m of r.text.matchAll(/\p{L}+/gu)) { n++; if (gluedWords(m[0].toLowerCase(), k)) g++; } return { f: r.f, rate: g / Math.max(1, n) }; }).sort((a, b) => b.rate - a.rate);
  console.log(f, rows.length, '>=0.02:', rates.filter((r) => r.rate >= 0.02).length, 'max', rates[0]?.f, rates[0]?.rate.toFixed(3), rates.slice(0, 4).map((r) => `${r.f} ${r.rate.toFixed(3)}`).join('; '));
}
