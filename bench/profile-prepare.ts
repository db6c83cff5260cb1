// Profiles parse + clean + chunk on the shared PDFs (or the given files), one at a time:
//   node --cpu-prof --cpu-prof-dir=<dir> bin/run-ts.js bench/profile-prepare.ts [files…]
// Also prints how the time splits between parsing (parseFile) and the rest (clean, split, metadata).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { prepareDocument } from '../ingest/prepare.ts';
import { parseFile } from '../ingest/formats/index.ts';
import { pdfFiles } from './lib/sources.ts';
import { load } from './lib/stats.ts';

const files = process.argv.length > 2 ? process.argv.slice(2) : pdfFiles();
let pages = 0, parseMs = 0, prepareMs = 0;
for (const f of files) {
  const bytes = () => new Uint8Array(readFileSync(f));
  let t0 = performance.now();
  const parsed = await parseFile(bytes(), basename(f)).catch(() => null);
  parseMs += performance.now() - t0;
  t0 = performance.now();
  const p = await prepareDocument(bytes(), { id: 'bench', fileName: basename(f), sourcePath: f }).catch(() => null);
  prepareMs += performance.now() - t0;
  pages += parsed?.pages.length ?? 0;
  if (p) process.stderr.write('.');
}
console.log(JSON.stringify({
  files: files.length, pages, parseMs: Math.round(parseMs), prepareMs: Math.round(prepareMs),
  parsePagesPerS: +(pages / (parseMs / 1000)).toFixed(1), preparePagesPerS: +(pages / (prepareMs / 1000)).toFixed(1),
  cleanSplitMetaMs: Math.round(prepareMs - parseMs), load: load(),
}));
