// PPMI of window co-occurrence counts, the matrix the built-in embedder factorises.
import type { Csr } from './linalg.ts';
import type { BuiltinTuning } from './builtin.ts';

/**
 * PPMI of the symmetric, distance-weighted (1/d) co-occurrence counts within the window, as CSR (columns ascending).
 * The counts live in one open-addressing table over typed arrays: a Map per word cost 12 s of a 20k-passage fit. Each
 * row's cells are also chained in first-seen order, so every sum is taken in the same order as before and the fitted
 * state did not change (same sha256).
 */
export function ppmiMatrix(tokens: string[][], index: Map<string, number>, t: BuiltinTuning): Csr {
  const n = index.size;
  const counts = new CellTable(n);
  for (const ts of tokens) {
    const ids = ts.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (let d = 1; d <= t.window && i + d < ids.length; d++) {
        const b = ids[i + d]!;
        if (b < 0) continue;
        counts.add(a, b, 1 / d);
        counts.add(b, a, 1 / d);
      }
    }
  }
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let e = counts.head[i]!; e >= 0; e = counts.next[e]!) sum += counts.value[e]!;
    rowSum[i] = sum;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += rowSum[i]!;
  const ctx = Float64Array.from(rowSum, (x) => x ** t.contextAlpha);
  let ctxTotal = 0;
  for (let i = 0; i < n; i++) ctxTotal += ctx[i]!;

  const indptr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const row: { j: number; v: number }[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    for (let e = counts.head[i]!; e >= 0; e = counts.next[e]!) {
      const j = counts.key[e]! % n;
      const pmi = Math.log(counts.value[e]! / total / ((rowSum[i]! / total) * (ctx[j]! / ctxTotal)));
      if (pmi > 0) row.push({ j, v: pmi });
    }
    row.sort((x, y) => x.j - y.j);
    for (const { j, v } of row) cols.push(j), vals.push(v);
    indptr[i + 1] = cols.length;
  }
  return { rows: n, cols: n, indptr, indices: Int32Array.from(cols), values: Float64Array.from(vals) };
}

/** Sums per (row, column) cell: cells in insertion order in typed arrays, found through an open-addressing index,
 *  and chained per row in first-seen order. Keys are row * n + column (n ≤ 46,340 keeps them in an int32). */
class CellTable {
  key = new Int32Array(1 << 16);
  value = new Float64Array(1 << 16);
  next = new Int32Array(1 << 16);
  readonly head: Int32Array;
  private readonly tail: Int32Array;
  private slots = new Int32Array(1 << 17).fill(-1);
  private count = 0;

  constructor(private readonly n: number) {
    if (n * n > 0x7fffffff) throw new Error(`vocabulary of ${n} words is too large for the co-occurrence table`);
    this.head = new Int32Array(n).fill(-1);
    this.tail = new Int32Array(n).fill(-1);
  }

  add(row: number, col: number, v: number): void {
    const key = row * this.n + col;
    const mask = this.slots.length - 1;
    let s = Math.imul(key, 0x9e3779b1) & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e < 0) break;
      if (this.key[e] === key) {
        this.value[e]! += v;
        return;
      }
      s = (s + 1) & mask;
    }
    const e = this.count++;
    if (e === this.key.length) this.growCells();
    this.key[e] = key;
    this.value[e] = 0 + v;
    this.next[e] = -1;
    if (this.tail[row]! < 0) this.head[row] = e;
    else this.next[this.tail[row]!] = e;
    this.tail[row] = e;
    this.slots[s] = e;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private growCells(): void {
    const size = this.key.length * 2;
    const key = new Int32Array(size);
    key.set(this.key);
    const value = new Float64Array(size);
    value.set(this.value);
    const next = new Int32Array(size);
    next.set(this.next);
    [this.key, this.value, this.next] = [key, value, next];
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let s = Math.imul(this.key[e]!, 0x9e3779b1) & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = e;
    }
  }
}
