// The randomized SVD behind the built-in embedder: right on a matrix with a known spectrum, and the same to the last
// bit whether its products run on one thread or two (so a fit does not depend on the machine's core count).
import { describe, expect, it } from 'vitest';
import { inThisThread, randomizedSvd, seededRandom, type Csr } from '../../../index/embedders/linalg.ts';
import { startLinalgPool } from '../../../index/embedders/linalg-helper.ts';

/** Builds a CSR matrix from per-row maps of column -> value. */
function csrFromRows(rows: Map<number, number>[], cols: number): Csr {
  let nnz = 0;
  for (const r of rows) nnz += r.size;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  rows.forEach((r, i) => {
    for (const [c, v] of [...r].sort((a, b) => a[0] - b[0])) {
      indices[p] = c;
      values[p] = v;
      p++;
    }
    indptr[i + 1] = p;
  });
  return { rows: rows.length, cols, indptr, indices, values };
}

/** A sparse rows x cols matrix with ~density non-zeros, seeded. */
function sparse(rows: number, cols: number, density: number, seed: number) {
  const r = seededRandom(seed);
  return Array.from({ length: rows }, () => {
    const m = new Map<number, number>();
    for (let c = 0; c < cols; c++) if (r() < density) m.set(c, r() * 2 - 1);
    return m;
  });
}

describe('randomizedSvd', () => {
  it('recovers the singular values of a diagonal matrix', async () => {
    const diag = [9, 7, 5, 3, 1].map((v, i) => new Map([[i, v]]));
    const svd = await randomizedSvd(csrFromRows(diag, 5), 3, { seed: 1, powerIterations: 2 });
    expect(svd.k).toBe(3);
    expect(Array.from(svd.s).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([9, 7, 5]);
    // Left singular vectors of a diagonal matrix are unit vectors (up to sign).
    for (let j = 0; j < 3; j++) expect(Math.abs(svd.u[j * 3 + j]!)).toBeCloseTo(1, 6);
  });

  it('gives bit-identical results with a helper thread and without', async () => {
    const a = csrFromRows(sparse(700, 500, 0.02, 3), 500);
    const one = await randomizedSvd(a, 40, { seed: 42, powerIterations: 1 }, inThisThread);
    const pool = await startLinalgPool();
    try {
      const two = await randomizedSvd(a, 40, { seed: 42, powerIterations: 1 }, pool);
      expect(two.k).toBe(one.k);
      expect(Array.from(two.s)).toEqual(Array.from(one.s));
      expect(Buffer.from(two.u.buffer).equals(Buffer.from(one.u.buffer))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
