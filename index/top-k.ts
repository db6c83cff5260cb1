// The k best (id, score) pairs of a stream of candidates, for the lexical index's term-at-a-time scoring.
import type { ScoredId } from './types.ts';

/** A bounded min-heap of (id, score): keeps the k best without sorting all candidates. Equal scores are ordered by
 *  id (lower first), so the result never depends on the order candidates arrive in. */
export class TopK {
  private readonly ids: number[] = [];
  private readonly vals: number[] = [];
  constructor(private readonly k: number) {}

  /** The score to reach (ties are decided by id): -Infinity until k candidates are in. */
  floor(): number {
    return this.vals.length < this.k ? -Infinity : this.vals[0];
  }

  /** Whether (id, score) would enter. */
  admits(id: number, score: number): boolean {
    return this.vals.length < this.k || score > this.vals[0] || (score === this.vals[0] && id < this.ids[0]);
  }

  /** Adds (id, score), which must be admitted; returns the new floor. */
  push(id: number, score: number): number {
    const { ids, vals } = this;
    if (vals.length < this.k) {
      ids.push(id);
      vals.push(score);
      let i = vals.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return this.floor();
    }
    ids[0] = id;
    vals[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < vals.length && this.worse(l, m)) m = l;
      if (r < vals.length && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return this.floor();
  }

  sorted(): ScoredId[] {
    return this.ids.map((id, i) => ({ id, score: this.vals[i] })).sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** Entry i ranks below entry j. */
  private worse(i: number, j: number): boolean {
    return this.vals[i] < this.vals[j] || (this.vals[i] === this.vals[j] && this.ids[i] > this.ids[j]);
  }

  private swap(i: number, j: number): void {
    [this.ids[i], this.ids[j]] = [this.ids[j], this.ids[i]];
    [this.vals[i], this.vals[j]] = [this.vals[j], this.vals[i]];
  }
}
