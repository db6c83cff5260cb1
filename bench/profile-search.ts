// Profiles searches on an existing archive: node --cpu-prof --cpu-prof-dir=<dir> bin/run-ts.js \
//   bench/profile-search.ts <dataDir> [mode=hybrid] [n=2000]; then summarise with bench/cpuprofile-top.ts <dir>.
import { openArchive } from '../archive/archive.ts';
import { queries as loadQueries } from './lib/sources.ts';
import { summarize } from './lib/stats.ts';
import type { SearchMode } from '../lib/types.ts';

const [dir, mode = 'hybrid', n = '2000'] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-search.ts <dataDir> [mode] [n]');
const archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
const qs = loadQueries();
const lat: number[] = [];
for (let i = 0; i < Number(n); i++) {
  const t0 = performance.now();
  await archive.search(qs[i % qs.length]!, { mode: mode as SearchMode, k: 10 });
  lat.push(performance.now() - t0);
}
console.error(JSON.stringify({ passages: archive.health().passages, mode, ...summarize(lat) }));
await archive.close();
