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

/** Builds a CSR matrix from per-row maps of column -> value. */
export function csrFromRows(rows: Map<number, number>[], cols: number): Csr {
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

/** A (m x n sparse) times X (n x l dense) -> m x l. */
function spmm(a: Csr, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const o = i * l;
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const v = a.values[p]!;
      const xo = a.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
    }
  }
  return out;
}

/** Aᵀ (n x m) times Y (m x l dense) -> n x l. */
function spmmT(a: Csr, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const v = a.values[p]!;
      const o = a.indices[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * y[yo + j]!;
    }
  }
  return out;
}

/** Gram matrix XᵀX (l x l) of an m x l matrix, accumulated row by row (cache-friendly for row-major data). */
function gram(x: Float64Array, m: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let r = 0; r < m; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const xi = x[o + i]!;
      if (xi === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j]! += xi * x[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]!;
  return g;
}

/**
 * Orthonormalises the l columns of an m x l matrix in place by Cholesky QR, done twice for accuracy
 * (CholeskyQR2): one Gram matrix and one triangular solve per row, no l x l eigen-solve. Directions with
 * no energy (rank below l) become zero columns.
 */
function orthonormalizeColumns(q: Float64Array, m: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(q, m, l);
    // Upper-triangular R with RᵀR = G; a vanishing pivot marks a dependent column.
    const r = new Float64Array(l * l);
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
    for (let row = 0; row < m; row++) {
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
 *  embedder's word vectors need no right side; computing it cost ~3 s of a 30k-word fit). */
export function randomizedSvd(a: Csr, rank: number, opts: { seed: number; oversample?: number; powerIterations?: number }): TruncatedSvd {
  const l = Math.min(rank + (opts.oversample ?? 10), a.rows, a.cols);
  const normal = gaussian(seededRandom(opts.seed));
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal();
  let y = spmm(a, omega, l);
  orthonormalizeColumns(y, a.rows, l);
  // Power iterations sharpen the spectrum so the top singular vectors are captured well.
  for (let it = 0; it < (opts.powerIterations ?? 2); it++) {
    const z = spmmT(a, y, l);
    orthonormalizeColumns(z, a.cols, l);
    y = spmm(a, z, l);
    orthonormalizeColumns(y, a.rows, l);
  }
  // B = Qᵀ A (l x n), kept transposed as Bt = Aᵀ Q (n x l).
  const bt = spmmT(a, y, l);
  const bbt = gram(bt, a.cols, l);
  const { values, vectors: w } = symmetricEigen(bbt, l);
  let k = 0;
  while (k < Math.min(rank, l) && values[k]! > 1e-10 * Math.max(values[0]!, 1e-300)) k++;
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = Math.sqrt(values[j]!);
  const u = new Float64Array(a.rows * k);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let t = 0; t < l; t++) acc += y[i * l + t]! * w[t * l + j]!;
      u[i * k + j] = acc;
    }
  }
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
