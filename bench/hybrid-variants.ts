// The default hybrid against the previous one (lexical + dense) on one archive, alternating so both see the same load:
// library latency per stage (retrieve()'s trace) and HTTP latency through the real server (BENCHMARKS.md, issue 14).
//   node bin/run-ts.js bench/hybrid-variants.ts <dataDir>      (e.g. one built by bench/build-archive.ts)
import { openArchive } from '../archive/archive.ts';
import type { RetrieveTuning } from '../retrieval/retrieve.ts';
import { queries as loadQueries } from './lib/sources.ts';
import { startApi, httpLatency } from './sections/http.ts';
import { load } from './lib/stats.ts';

const VARIANTS: Record<string, RetrieveTuning> = {
  now: {},
  before: { signals: ['lexical', 'dense'], fusion: { method: 'convex', weights: { lexical: 0.8, dense: 0.2 } } },
};
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: bench/hybrid-variants.ts <dataDir>');
const archive = await openArchive({ dataDir, embedder: 'builtin' });
const qs = loadQueries();
const pct = (v: number[], p: number) => [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(v.length * p))]!.toFixed(2);
try {
  console.log(`${archive.health().passages} passages, ${qs.length} questions, load ${load()}`);
  for (const q of qs.slice(0, 20)) await archive.search(q, { k: 10 });
  const stages: Record<string, Record<string, number[]>> = {};
  for (let round = 0; round < 3; round++) {
    for (const q of qs) {
      for (const [name, tuning] of Object.entries(VARIANTS)) {
        archive.tuning = tuning;
        const trace: Record<string, number> = {};
        const t0 = performance.now();
        await archive.search(q, { k: 10, trace });
        trace.total = performance.now() - t0;
        for (const [k, v] of Object.entries(trace)) ((stages[name] ??= {})[k] ??= []).push(v);
      }
    }
  }
  for (const [name, st] of Object.entries(stages)) {
    console.log(`library, ${name} (ms p50 / p95 / p99):`);
    for (const [k, v] of Object.entries(st)) console.log(`  ${k.padEnd(16)} ${pct(v, 0.5)} / ${pct(v, 0.95)} / ${pct(v, 0.99)}`);
  }
  const { app, url } = await startApi(archive);
  try {
    for (const name of ['now', 'before', 'now']) {
      archive.tuning = VARIANTS[name]!;
      const r = await httpLatency(url, qs, 300);
      const cell = (t: string) => `${r.byTarget[t]!.p50.toFixed(1)} / ${r.byTarget[t]!.p95.toFixed(1)} / ${r.byTarget[t]!.p99.toFixed(1)}`;
      console.log(`HTTP, ${name}: hybrid ${cell('hybrid')}, ask ${cell('ask')} (load ${r.load})`);
    }
  } finally {
    await app.close();
  }
} finally {
  await archive.close();
}
