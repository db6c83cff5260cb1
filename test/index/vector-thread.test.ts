// The vector index in its worker thread: same answers as the in-thread index, messages in order, errors that keep
// their codes across the thread, filters, the ingest backlog bound, and a process that can exit while it idles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ids, randomVectors as random } from './random-vectors.ts';
import { VectorIndex } from '../../index/vector-index.ts';
import { VectorIndexThread } from '../../index/vector-thread.ts';
import type { ArchiveError } from '../../lib/errors.ts';

const identity = { name: 'test', dimension: 16, version: 'v1' };
const dirs: string[] = [];
const open: VectorIndexThread[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vt-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const track = (t: VectorIndexThread) => (open.push(t), t);

const randomVectors = (n: number, seed = 1) => random(n, identity.dimension, seed);

describe('VectorIndexThread', () => {
  it('answers like the in-thread index, and a search sent after an add or remove sees it', async () => {
    const vecs = randomVectors(300);
    const local = VectorIndex.create(tempDir(), identity);
    local.add(ids(300), vecs);
    const t = track(await VectorIndexThread.create(tempDir(), identity));
    t.add(ids(300), vecs);
    for (const q of randomVectors(10, 9)) expect(await t.search(q, 10)).toEqual(local.search(q, 10));
    t.remove([5]);
    t.add([1000], [vecs[5]!]);
    const hits = await t.search(vecs[5]!, 1);
    expect(hits[0]).toMatchObject({ id: 1000 });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(t.size).toBe(300);
  });

  it('applies a filter to the live ids', async () => {
    const t = track(await VectorIndexThread.create(tempDir(), identity));
    t.add(ids(100), randomVectors(100));
    const hits = await t.search(randomVectors(1, 3)[0]!, 10, (id) => id % 2 === 0);
    expect(hits).toHaveLength(10);
    expect(hits.every((h) => h.id % 2 === 0)).toBe(true);
    expect(await t.search(randomVectors(1, 3)[0]!, 10, () => false)).toEqual([]);
  });

  it('saves and reopens in the background: ready once open; a damaged or foreign saved index is replaced by an empty one, its error code said', async () => {
    const dir = tempDir();
    const t = track(await VectorIndexThread.create(dir, identity));
    t.add(ids(50), randomVectors(50));
    await t.save('7');
    const said: ArchiveError[] = [];
    const start = (id: typeof identity) => {
      const o = VectorIndexThread.opening(dir, id, (e) => said.push(e));
      track(o.thread);
      return o;
    };
    const good = start(identity);
    await good.ready;
    expect([good.thread.size, good.thread.savedTag, said.length]).toEqual([50, '7', 0]);
    const foreign = start({ ...identity, version: 'v2' });
    await foreign.ready;
    expect([foreign.thread.size, foreign.thread.savedTag, foreign.thread.identity.version]).toEqual([0, null, 'v2']);
    writeFileSync(join(dir, 'hnsw.bin'), readFileSync(join(dir, 'hnsw.bin')).subarray(0, 100));
    const damaged = start(identity);
    await damaged.ready;
    expect(damaged.thread.size).toBe(0);
    expect(said).toMatchObject([
      { code: 'ERR_EMBEDDER_MISMATCH', message: expect.stringContaining('version v2') },
      { code: 'ERR_INDEX_CORRUPT', message: expect.stringContaining('bytes') },
    ]);
    // The replacement works: what is added is found.
    damaged.thread.add([3], [randomVectors(1, 4)[0]!]);
    expect((await damaged.thread.search(randomVectors(1, 4)[0]!, 1))[0]).toMatchObject({ id: 3 });
  });

  it('refuses wrong vectors at the caller, and settle() bounds the backlog of unindexed vectors', async () => {
    const t = track(await VectorIndexThread.create(tempDir(), identity));
    expect(() => t.add([1], [new Float32Array(8)])).toThrow(expect.objectContaining({ code: 'ERR_EMBEDDER_MISMATCH' }));
    expect(() => t.add([-1], randomVectors(1))).toThrow(/non-negative integer/);
    await expect(t.search(new Float32Array(8), 5)).rejects.toMatchObject({ code: 'ERR_EMBEDDER_MISMATCH' });
    const vecs = randomVectors(3000, 5);
    for (let i = 0; i < 3000; i += 500) t.add(ids(500, i), vecs.slice(i, i + 500));
    await t.settle(0);
    expect(t.size).toBe(3000);
    expect((await t.search(vecs[2999]!, 1))[0]).toMatchObject({ id: 2999 });
  });

  it('rejects requests after close, and an idle thread does not keep the process alive', async () => {
    const t = await VectorIndexThread.create(tempDir(), identity);
    await t.close();
    await expect(t.search(randomVectors(1)[0]!, 1)).rejects.toMatchObject({ code: 'ERR_INDEX_CORRUPT' });
    // A script that opens an index, searches and never closes it still exits by itself.
    const script = join(tempDir(), 'idle.mts');
    writeFileSync(script, `import { VectorIndexThread } from ${JSON.stringify(resolve('index/vector-thread.ts'))};
const t = await VectorIndexThread.create(${JSON.stringify(tempDir())}, ${JSON.stringify(identity)});
t.add([1], [new Float32Array(16).fill(0.25)]);
// Waiting on the backlog alone (no answer owed) must not let the process exit early.
for (let i = 0; i < 20; i++) t.add([100 + i], [new Float32Array(16).fill(i + 1)]);
await t.settle(0);
console.log((await t.search(new Float32Array(16).fill(0.25), 30)).length, t.size);\n`);
    const out = execFileSync(process.execPath, [resolve('bin/run-ts.js'), script], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('21 21');
  });
});
