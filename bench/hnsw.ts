// HNSW parameter bench (not part of `npm test`): recall@10 against exact search, build time and queries/s
// for a few M / efSearch values, on a clustered synthetic set (and the shared corpus with the built-in embedder).
// Usage: node bin/run-ts.js bench/hnsw.ts [count=100000] [dim=256]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { sharedDir } from '../tools/shared-dir.ts';
import { BuiltinEmbedder } from '../index/embedders/builtin.ts';
import { gaussian, normalizeInPlace, seededRandom } from '../index/embedders/linalg.ts';
import { VectorIndex } from '../index/vector-index.ts';

const count = Number(process.argv[2] ?? 100_000);
const dim = Number(process.argv[3] ?? 256);
const QUERIES = 200;
const K = 10;

/** Unit vectors around 100 random centres: passages cluster by topic, which is what makes ANN hard. */
function clustered(n: number, seed: number): Float32Array[] {
  // Same centres for data and queries (seed 0); the seed varies only the scatter around them.
  const centreNormal = gaussian(seededRandom(0));
  const centres = Array.from({ length: 100 }, () => Float32Array.from({ length: dim }, centreNormal));
  const normal = gaussian(seededRandom(seed));
  return Array.from({ length: n }, (_, i) => {
    const c = centres[(i * 7919 + seed) % centres.length]!;
    const v = Float32Array.from(c, (x) => x + 0.8 * normal());
    normalizeInPlace(v);
    return v;
  });
}

function exactTopK(q: Float32Array, data: Float32Array[]): Set<number> {
  const scores = data.map((v, id) => {
    let s = 0;
    for (let j = 0; j < q.length; j++) s += v[j]! * q[j]!;
    return { id, s };
  });
  return new Set(scores.sort((a, b) => b.s - a.s).slice(0, K).map((x) => x.id));
}

function run(label: string, data: Float32Array[], queries: Float32Array[], configs: { M: number; efConstruction: number }[], efs: number[]) {
  const truth = queries.map((q) => exactTopK(q, data));
  const ids = data.map((_, i) => i);
  console.log(`\n${label}: ${data.length} vectors, dim ${data[0]!.length}, ${queries.length} queries, recall@${K} vs exact`);
  console.log('| M | efConstruction | build s | efSearch | recall@10 | queries/s |\n|---|---|---|---|---|---|');
  for (const c of configs) {
    const dir = mkdtempSync(join(tmpdir(), 'hnsw-bench-'));
    const vi = VectorIndex.create(dir, { name: 'bench', dimension: data[0]!.length, version: '1' }, { ...c, initialCapacity: 1024 });
    let t = performance.now();
    vi.add(ids, data);
    const build = (performance.now() - t) / 1000;
    for (const ef of efs) {
      vi.setEfSearch(ef);
      t = performance.now();
      let hit = 0;
      queries.forEach((q, i) => {
        for (const h of vi.search(q, K)) if (truth[i]!.has(h.id)) hit++;
      });
      const qps = queries.length / ((performance.now() - t) / 1000);
      console.log(`| ${c.M} | ${c.efConstruction} | ${build.toFixed(1)} | ${ef} | ${(hit / (queries.length * K)).toFixed(4)} | ${qps.toFixed(0)} |`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const configs = [
  { M: 16, efConstruction: 200 },
  { M: 24, efConstruction: 200 },
];
const efs = [32, 64, 128, 256];

const shared = sharedDir();
if (shared) {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const texts: string[] = [];
  const dir = join(shared, 'corpus');
  for (const f of readdirSync(dir).sort()) texts.push(...(await splitter.splitText(readFileSync(join(dir, f), 'utf8'))));
  const tokenize = (t: string) => t.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const e = new BuiltinEmbedder({ tokenize, dimension: dim });
  await e.fit(texts);
  const vecs = await e.embedPassages(texts);
  run('shared corpus, built-in embedder', vecs, vecs.slice(0, Math.min(QUERIES, vecs.length)), configs, efs);
} else {
  console.log('shared corpus not found: corpus run skipped');
}
const data = clustered(count, 1);
run('clustered synthetic', data, clustered(QUERIES, 2), configs, efs);
