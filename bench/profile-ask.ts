// Profiles answers on an existing archive, as /api/ask composes them: node --cpu-prof --cpu-prof-dir=<dir>
//   bin/run-ts.js bench/profile-ask.ts <dataDir> [n=600]; then summarise with bench/cpuprofile-top.ts <dir>.
import { openArchive } from '../archive/archive.ts';
import { ask } from '../answer/ask.ts';
import { queries as loadQueries } from './lib/sources.ts';
import { summarize } from './lib/stats.ts';

const [dir, n = '600'] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-ask.ts <dataDir> [n]');
const archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
const qs = loadQueries();
const lat: number[] = [];
for (let i = 0; i < Number(n); i++) {
  const t0 = performance.now();
  await ask(archive, { question: qs[i % qs.length]!.slice(0, 1000), k: 10 });
  lat.push(performance.now() - t0);
}
console.error(JSON.stringify({ passages: archive.health().passages, ...summarize(lat.slice(20)) }));
await archive.close();
