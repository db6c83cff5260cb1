import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ids, randomVectors as random } from './random-vectors.ts';
import { VectorIndex } from '../../index/vector-index.ts';

const identity = { name: 'test', dimension: 16, version: 'v1' };
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vi-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const randomVectors = (n: number, seed = 1) => random(n, identity.dimension, seed);

describe('VectorIndex', () => {
  it('finds a stored vector first with cosine similarity 1', () => {
    const vi = VectorIndex.create(tempDir(), identity);
    const vs = randomVectors(50);
    vi.add(ids(50), vs);
    const hits = vi.search(vs[7]!, 5);
    expect(hits[0]).toMatchObject({ id: 7 });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('clamps k to the live count and honours a filter', () => {
    const vi = VectorIndex.create(tempDir(), identity);
    vi.add(ids(5), randomVectors(5));
    expect(vi.search(randomVectors(1, 9)[0]!, 100)).toHaveLength(5);
    expect(vi.search(randomVectors(1, 9)[0]!, 100, (id) => id % 2 === 0).map((h) => h.id).sort()).toEqual([0, 2, 4]);
    expect(VectorIndex.create(tempDir(), identity).search(randomVectors(1)[0]!, 10)).toEqual([]);
  });

  it('grows past its capacity by doubling', () => {
    const vi = VectorIndex.create(tempDir(), identity, { initialCapacity: 4 });
    vi.add(ids(37), randomVectors(37));
    expect(vi.size).toBe(37);
    expect(vi.capacity).toBe(64);
  });

  it('removes vectors from results and reuses their slots', () => {
    const vi = VectorIndex.create(tempDir(), identity, { initialCapacity: 8 });
    const vs = randomVectors(8);
    vi.add(ids(8), vs);
    vi.remove([3, 4]);
    expect(vi.size).toBe(6);
    expect(vi.search(vs[3]!, 8).map((h) => h.id)).not.toContain(3);
    vi.add([100, 101], randomVectors(2, 5));
    expect(vi.capacity).toBe(8); // deleted slots taken, no resize
    vi.add([3], [vs[3]!]); // a removed id comes back
    expect(vi.search(vs[3]!, 1)[0]!.id).toBe(3);
    expect(vi.size).toBe(9);
  });

  it('round-trips through save and open, restoring efSearch, deletions and contents', () => {
    const dir = tempDir();
    const vi = VectorIndex.create(dir, identity, { efSearch: 77 });
    const vs = randomVectors(30);
    vi.add(ids(30), vs);
    vi.remove([5]);
    vi.save();
    const back = VectorIndex.open(dir, identity);
    expect(back.efSearch).toBe(77);
    expect(back.size).toBe(29);
    expect(back.has(5)).toBe(false);
    expect(back.search(vs[12]!, 1)[0]!.id).toBe(12);
    back.add([5], [vs[5]!]);
    expect(back.search(vs[5]!, 1)[0]!.id).toBe(5);
  });

  it('detects a truncated index file and ignores a leftover temp file', () => {
    const dir = tempDir();
    const vi = VectorIndex.create(dir, identity);
    vi.add(ids(20), randomVectors(20));
    vi.save();
    // A save that died before its renames leaves temp files; the renamed pair still opens. An old temp file is
    // removed, a fresh one may belong to another process saving right now and stays.
    writeFileSync(join(dir, 'hnsw.bin.111.tmp'), 'partial');
    writeFileSync(join(dir, 'hnsw.bin.222.tmp'), 'partial');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dir, 'hnsw.bin.111.tmp'), old, old);
    expect(VectorIndex.open(dir, identity).size).toBe(20);
    expect(existsSync(join(dir, 'hnsw.bin.111.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'hnsw.bin.222.tmp'))).toBe(true);
    const bytes = readFileSync(join(dir, 'hnsw.bin'));
    writeFileSync(join(dir, 'hnsw.bin'), bytes.subarray(0, bytes.length - 100));
    expect(() => VectorIndex.open(dir, identity)).toThrow(expect.objectContaining({ code: 'ERR_INDEX_CORRUPT' }));
    bytes[bytes.length - 1] ^= 0xff; // same size, different content
    writeFileSync(join(dir, 'hnsw.bin'), bytes);
    expect(() => VectorIndex.open(dir, identity)).toThrow(/checksum/);
  });

  it('refuses another embedder with a clear message', () => {
    const dir = tempDir();
    const vi = VectorIndex.create(dir, identity);
    vi.add([1], randomVectors(1));
    vi.save();
    const other = { ...identity, version: 'v2' };
    expect(() => VectorIndex.open(dir, other)).toThrow(expect.objectContaining({ code: 'ERR_EMBEDDER_MISMATCH' }));
    expect(() => VectorIndex.open(dir, other)).toThrow(/built with test \(dimension 16, version v1\).*version v2/);
    expect(() => vi.add([2], [new Float32Array(8)])).toThrow(expect.objectContaining({ code: 'ERR_EMBEDDER_MISMATCH' }));
  });
});

describe('scaledEf', () => {
  it('keeps the configured efSearch up to 10k vectors, then grows with the index up to the cap', async () => {
    const { scaledEf } = await import('../../index/vector-index.ts');
    expect(scaledEf(128, 500)).toBe(128);
    expect(scaledEf(128, 10_000)).toBe(128);
    expect(scaledEf(128, 50_000)).toBe(640);
    expect(scaledEf(128, 1_000_000)).toBe(1024);
  });
});
