// Small dense/sparse linear algebra for fitting the built-in embedder: a seeded RNG, a CSR sparse matrix,
// and a randomized truncated SVD (Halko, Martinsson & Tropp 2011). Dense matrices are row-major Float64Array.

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same fit on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform source. */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Compressed sparse rows. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

// ---- kernels: each computes a range of output rows, so two threads can share one product ---------------------
// Every output element is summed in the same order whatever the split, so the fit is bit-identical with one thread
// or two (tested).

/** Work for the helper thread: the product and its output, in shared memory (linalg-helper.ts). */
export type Kernel =
  /** out (m x l) = A (m x n sparse) · X (n x l); rows of A. */
  | { op: 'spmm'; a: Csr; x: Float64Array; l: number; out: Float64Array }
  /** Upper triangle of out (l x l) = Xᵀ X for X (m x l); rows of out. */
  | { op: 'gram'; x: Float64Array; m: number; l: number; out: Float64Array }
  /** q (m x l) := q · R⁻¹ for upper-triangular R (zero pivot: column zeroed); rows of q. */
  | { op: 'solve'; q: Float64Array; l: number; r: Float64Array }
  /** out (m x k) = Y (m x l) · W[:, :k] for W (l x l); rows of Y. */
  | { op: 'matmul'; y: Float64Array; w: Float64Array; l: number; k: number; out: Float64Array };

export function runKernel(job: Kernel, from: number, to: number): void {
  switch (job.op) {
    case 'spmm': {
      const { a, x, l, out } = job;
      for (let i = from; i < to; i++) {
        const o = i * l;
        for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
          const v = a.values[p]!;
          const xo = a.indices[p]! * l;
          for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
        }
      }
      return;
    }
    case 'gram': {
      const { x, m, l, out } = job;
      for (let r = 0; r < m; r++) {
        const o = r * l;
        for (let i = from; i < to; i++) {
          const xi = x[o + i]!;
          if (xi === 0) continue;
          const gi = i * l;
          for (let j = i; j < l; j++) out[gi + j]! += xi * x[o + j]!;
        }
      }
      return;
    }
    case 'solve': {
      const { q, l, r } = job;
      for (let row = from; row < to; row++) {
        const o = row * l;
        for (let j = 0; j < l; j++) {
          const rjj = r[j * l + j]!;
          if (rjj === 0) {
            q[o + j] = 0;
            continue;
          }
          let v = q[o + j]!;
          for (let k = 0; k < j; k++) v -= q[o + k]! * r[k * l + j]!;
          q[o + j] = v / rjj;
        }
      }
      return;
    }
    case 'matmul': {
      const { y, w, l, k, out } = job;
      for (let i = from; i < to; i++) {
        for (let j = 0; j < k; j++) {
          let acc = 0;
          for (let t = 0; t < l; t++) acc += y[i * l + t]! * w[t * l + j]!;
          out[i * k + j] = acc;
        }
      }
    }
  }
}

/** Runs a kernel over rows [0, total): the helper thread takes [split, total) while this one does the rest. */
export interface Splitter {
  run(job: Kernel, total: number, split: number): Promise<void>;
}

/** Without a helper thread: both parts here, in the same order. */
export const inThisThread: Splitter = {
  async run(job, total, split) {
    runKernel(job, 0, split);
    runKernel(job, split, total);
  },
};

/** A Float64Array in shared memory: the helper thread reads and fills it without a copy. */
export function sharedF64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

function sharedI32(from: Int32Array): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(from.length * 4));
  out.set(from);
  return out;
}

/** The matrix in shared memory, and its transpose (CSR of Aᵀ, entries in ascending row order of A, so Aᵀ·Y sums
 *  each element in the same order as a row-by-row pass over A would). */
function sharedWithTranspose(a: Csr): { a: Csr; at: Csr } {
  const values = sharedF64(a.values.length);
  values.set(a.values);
  const shared: Csr = { ...a, indptr: sharedI32(a.indptr), indices: sharedI32(a.indices), values };
  const count = new Int32Array(a.cols + 1);
  for (let p = 0; p < a.indices.length; p++) count[a.indices[p]! + 1]!++;
  for (let c = 0; c < a.cols; c++) count[c + 1]! += count[c]!;
  const indptr = new Int32Array(new SharedArrayBuffer((a.cols + 1) * 4));
  indptr.set(count);
  const indices = new Int32Array(new SharedArrayBuffer(a.indices.length * 4));
  const tValues = sharedF64(a.values.length);
  const fill = count.slice(0, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const at = fill[a.indices[p]!]!++;
      indices[at] = i;
      tValues[at] = a.values[p]!;
    }
  }
  return { a: shared, at: { rows: a.cols, cols: a.rows, indptr, indices, values: tValues } };
}

/** A (m x n sparse) times X (n x l dense) -> m x l, the two threads splitting A's non-zeros evenly. */
async function spmm(a: Csr, x: Float64Array, l: number, pool: Splitter): Promise<Float64Array> {
  const out = sharedF64(a.rows * l);
  const half = a.indptr[a.rows]! / 2;
  let split = 0;
  while (split < a.rows && a.indptr[split]! < half) split++;
  await pool.run({ op: 'spmm', a, x, l, out }, a.rows, split);
  return out;
}

/** Gram matrix XᵀX (l x l) of an m x l matrix; row i of the upper triangle holds l - i entries, so the split
 *  point halves the work, not the rows. */
async function gram(x: Float64Array, m: number, l: number, pool: Splitter): Promise<Float64Array> {
  const g = sharedF64(l * l);
  await pool.run({ op: 'gram', x, m, l, out: g }, l, Math.round(l * (1 - Math.SQRT1_2)));
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]!;
  return g;
}

/**
 * Orthonormalises the l columns of an m x l matrix in place by Cholesky QR, done twice for accuracy
 * (CholeskyQR2): one Gram matrix and one triangular solve per row, no l x l eigen-solve. Directions with
 * no energy (rank below l) become zero columns.
 */
async function orthonormalizeColumns(q: Float64Array, m: number, l: number, pool: Splitter): Promise<void> {
  for (let pass = 0; pass < 2; pass++) {
    const g = await gram(q, m, l, pool);
    // Upper-triangular R with RᵀR = G; a vanishing pivot marks a dependent column.
    const r = sharedF64(l * l);
    let top = 0;
    for (let i = 0; i < l; i++) top = Math.max(top, g[i * l + i]!);
    for (let j = 0; j < l; j++) {
      let d = g[j * l + j]!;
      for (let k = 0; k < j; k++) d -= r[k * l + j]! ** 2;
      if (d <= 1e-10 * top) continue; // row j of R stays zero: column j is dropped
      const rjj = Math.sqrt(d);
      r[j * l + j] = rjj;
      for (let c = j + 1; c < l; c++) {
        let v = g[j * l + c]!;
        for (let k = 0; k < j; k++) v -= r[k * l + j]! * r[k * l + c]!;
        r[j * l + c] = v / rjj;
      }
    }
    await pool.run({ op: 'solve', q, l, r }, m, m >> 1);
  }
}

/** Eigen-decomposition of a symmetric n x n matrix by cyclic Jacobi rotations: values descending, vectors as columns. */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i * n + j]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => m[y * n + y]! - m[x * n + x]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src]!;
  });
  return { values, vectors };
}

export interface TruncatedSvd {
  /** Rank actually kept (<= requested, zero singular values dropped). */
  k: number;
  /** m x k, row-major. */
  u: Float64Array;
  s: Float64Array;
}

/** Randomized truncated SVD of a sparse matrix, seeded: left singular vectors and singular values (the built-in
 *  embedder's word vectors need no right side; computing it cost ~3 s of a 30k-word fit). The dense products run
 *  on two threads when `pool` has a helper; the result is the same either way. */
export async function randomizedSvd(
  input: Csr,
  rank: number,
  opts: { seed: number; oversample?: number; powerIterations?: number },
  pool: Splitter = inThisThread,
): Promise<TruncatedSvd> {
  const { a, at } = sharedWithTranspose(input);
  const l = Math.min(rank + (opts.oversample ?? 10), a.rows, a.cols);
  const normal = gaussian(seededRandom(opts.seed));
  const omega = sharedF64(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal();
  let y = await spmm(a, omega, l, pool);
  await orthonormalizeColumns(y, a.rows, l, pool);
  // Power iterations sharpen the spectrum so the top singular vectors are captured well.
  for (let it = 0; it < (opts.powerIterations ?? 2); it++) {
    const z = await spmm(at, y, l, pool);
    await orthonormalizeColumns(z, a.cols, l, pool);
    y = await spmm(a, z, l, pool);
    await orthonormalizeColumns(y, a.rows, l, pool);
  }
  // B = Qᵀ A (l x n), kept transposed as Bt = Aᵀ Q (n x l).
  const bt = await spmm(at, y, l, pool);
  const bbt = await gram(bt, a.cols, l, pool);
  const { values, vectors } = symmetricEigen(bbt, l);
  let k = 0;
  while (k < Math.min(rank, l) && values[k]! > 1e-10 * Math.max(values[0]!, 1e-300)) k++;
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = Math.sqrt(values[j]!);
  const w = sharedF64(l * l);
  w.set(vectors);
  const u = sharedF64(a.rows * k);
  await pool.run({ op: 'matmul', y, w, l, k, out: u }, a.rows, a.rows >> 1);
  return { k, u, s };
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalizeInPlace(x: Float32Array | Float64Array): void {
  let n = 0;
  for (let i = 0; i < x.length; i++) n += x[i]! * x[i]!;
  if (n === 0) return;
  const inv = 1 / Math.sqrt(n);
  for (let i = 0; i < x.length; i++) x[i]! *= inv;
}
