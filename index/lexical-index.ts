// In-memory BM25 inverted index over analysed passage terms. Postings live in typed arrays that grow by
// doubling; scoring is term-at-a-time into a reused score buffer, so a query allocates almost nothing.
// Rebuilt from the store's stored terms at start-up: add() is the hot path (one Map lookup per token).
import type { ScoredId, WeightedTerm } from './types.ts';
import { lexicalDefaults } from '../lib/config.ts';

export interface Bm25Params {
  k1: number;
  b: number;
}

/** One term's postings: slots of documents and term frequencies, `length` of them in use. */
interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
  length: number;
}

export class LexicalIndex {
  readonly params: Bm25Params;
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  /** External passage id -> internal slot; slots of removed passages are reused. */
  private readonly slotOf = new Map<number, number>();
  private idOfSlot = new Int32Array(1024);
  private lengthOfSlot = new Float32Array(1024);
  /** The distinct term ids of each slot, for remove(). */
  private termsOfSlot: (Int32Array | null)[] = [];
  private freeSlots: number[] = [];
  private slotCount = 0;
  private totalLength = 0;
  // Scratch buffers reused by add() and search().
  private tfScratch = new Int32Array(1024);
  private scores = new Float32Array(1024);
  private touched = new Int32Array(1024);

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { k1: params.k1 ?? lexicalDefaults.k1, b: params.b ?? lexicalDefaults.b };
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Passages containing `term`. */
  docFreq(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.postings[t].length;
  }

  /** Indexes a passage's terms (repeats count as term frequency); replaces an earlier add of the same id. */
  add(id: number, terms: string[]): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.slotCount++;
    this.ensureSlots(slot + 1);
    // Count term frequencies in a dense scratch array indexed by term id.
    const distinct: number[] = [];
    for (const term of terms) {
      let t = this.termIds.get(term);
      if (t === undefined) {
        t = this.postings.length;
        this.termIds.set(term, t);
        this.postings.push({ docs: new Int32Array(4), tfs: new Uint16Array(4), length: 0 });
        if (t >= this.tfScratch.length) this.tfScratch = grow(this.tfScratch, t + 1);
      }
      if (this.tfScratch[t]++ === 0) distinct.push(t);
    }
    for (const t of distinct) {
      const p = this.postings[t];
      if (p.length === p.docs.length) {
        p.docs = grow(p.docs, p.length + 1);
        p.tfs = grow(p.tfs, p.length + 1);
      }
      p.docs[p.length] = slot;
      p.tfs[p.length] = Math.min(this.tfScratch[t], 65535);
      p.length++;
      this.tfScratch[t] = 0;
    }
    this.slotOf.set(id, slot);
    this.idOfSlot[slot] = id;
    this.lengthOfSlot[slot] = terms.length;
    this.termsOfSlot[slot] = Int32Array.from(distinct);
    this.totalLength += terms.length;
  }

  /** Removes a passage; unknown ids are ignored. */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const t of this.termsOfSlot[slot]!) {
      const p = this.postings[t];
      // Swap-remove: postings need no order, scoring is term-at-a-time.
      const i = p.docs.subarray(0, p.length).indexOf(slot);
      p.length--;
      p.docs[i] = p.docs[p.length];
      p.tfs[i] = p.tfs[p.length];
    }
    this.totalLength -= this.lengthOfSlot[slot];
    this.termsOfSlot[slot] = null;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
  }

  /** The k best passages for weighted query terms, best first. Repeated terms add up. `filter` sees
   *  external ids and is asked only about passages that match some term. */
  search(query: WeightedTerm[], k: number, filter?: (id: number) => boolean): ScoredId[] {
    const n = this.size;
    if (n === 0 || k <= 0) return [];
    const { k1, b } = this.params;
    const avgLength = this.totalLength / n;
    const scores = this.scores;
    const touched = this.touched;
    let touchedCount = 0;
    for (const { term, weight } of query) {
      const t = this.termIds.get(term);
      if (t === undefined || weight <= 0) continue;
      const p = this.postings[t];
      if (p.length === 0) continue;
      const idf = Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5));
      const w = weight * idf * (k1 + 1);
      const docs = p.docs;
      const tfs = p.tfs;
      for (let i = 0; i < p.length; i++) {
        const slot = docs[i];
        const tf = tfs[i];
        const norm = k1 * (1 - b + (b * this.lengthOfSlot[slot]) / avgLength);
        if (scores[slot] === 0) touched[touchedCount++] = slot;
        scores[slot] += (w * tf) / (tf + norm);
      }
    }
    const top = new TopK(k);
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      const s = scores[slot];
      scores[slot] = 0;
      if (s > top.floor() && (!filter || filter(this.idOfSlot[slot]))) top.push(this.idOfSlot[slot], s);
    }
    return top.sorted();
  }

  private ensureSlots(count: number): void {
    if (count <= this.idOfSlot.length) return;
    this.idOfSlot = grow(this.idOfSlot, count);
    this.lengthOfSlot = grow(this.lengthOfSlot, count);
    this.scores = grow(this.scores, count);
    this.touched = grow(this.touched, count);
  }
}

type Growable = Int32Array | Uint16Array | Float32Array;

function grow<T extends Growable>(a: T, min: number): T {
  let size = a.length * 2;
  while (size < min) size *= 2;
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}

/** A bounded min-heap of (id, score): keeps the k best without sorting all candidates. */
class TopK {
  private readonly ids: number[] = [];
  private readonly vals: number[] = [];
  constructor(private readonly k: number) {}

  floor(): number {
    return this.vals.length < this.k ? -Infinity : this.vals[0];
  }

  push(id: number, score: number): void {
    const { ids, vals } = this;
    if (vals.length < this.k) {
      ids.push(id);
      vals.push(score);
      let i = vals.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (vals[parent] <= vals[i]) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    ids[0] = id;
    vals[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < vals.length && vals[l] < vals[m]) m = l;
      if (r < vals.length && vals[r] < vals[m]) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): ScoredId[] {
    return this.ids.map((id, i) => ({ id, score: this.vals[i] })).sort((a, b) => b.score - a.score || a.id - b.id);
  }

  private swap(i: number, j: number): void {
    [this.ids[i], this.ids[j]] = [this.ids[j], this.ids[i]];
    [this.vals[i], this.vals[j]] = [this.vals[j], this.vals[i]];
  }
}
