// Start-up cost of an existing archive, measured in a fresh process: time of openArchive and the RSS/heap it
// adds. Prints one JSON line. Usage: node --expose-gc bin/run-ts.js bench/open-child.ts <dataDir>
import { openArchive } from '../archive/archive.ts';
import { gc, memory } from './lib/stats.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-child.ts <dataDir>');
// Load the modules the archive needs before the baseline, so the delta is the archive's data, not code.
gc();
const before = memory();
const t0 = performance.now();
const archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
const openMs = performance.now() - t0;
const t1 = performance.now();
await archive.search('Wat staat er over de gemeenteraad?', { mode: 'hybrid', k: 10 });
const firstQueryMs = performance.now() - t1;
gc();
const after = memory();
const h = archive.health();
await archive.close();
process.stdout.write(JSON.stringify({ openMs, firstQueryMs, before, after, passages: h.passages, vectors: h.vectors }) + '\n');
