// In-memory BM25 inverted index over analysed passage terms. Postings live in typed arrays that grow by doubling;
// scoring is term-at-a-time into a reused score buffer, so a query allocates almost nothing. Read back from its saved
// snapshot (index/lexical-file.ts) or built from the stored terms (add() is that hot path).
import type { ScoredId } from './types.ts';
import type { LexicalSnapshot } from './lexical-file.ts';
import { TopK } from './top-k.ts';
import type { WeightedTerm } from '../language/analyser.ts';
import { lexicalDefaults } from '../lib/config.ts';

export interface Bm25Params {
  k1: number;
  b: number;
  /** BM25+ lower bound added per matching term (Lv & Zhai 2011): long passages are not starved. */
  delta: number;
  /** Final score x (summed weight of the query terms matched)^coordination: a passage matching more of
   *  the query's distinct terms ranks above one repeating a single term (MiniSearch multiplies by the count). */
  coordination: number;
}

/** A passage filter; `ids`, when given, lists every passage it allows. */
export type IdFilter = ((id: number) => boolean) & { ids?: readonly number[] };

export class LexicalIndex {
  readonly params: Bm25Params;
  private readonly termIds = new Map<string, number>();
  /** Term id -> term (ids are never reused, so a caller may cache per term id for the index's life). */
  private readonly termNames: string[] = [];
  // Postings per term id, as parallel arrays: slots holding the term, their term frequencies, count in use.
  private readonly postDocs: Int32Array[] = [];
  private readonly postTfs: Uint16Array[] = [];
  private postLength = new Int32Array(1024);
  /** External passage id -> internal slot; slots of removed passages are reused. */
  private readonly slotOf = new Map<number, number>();
  private idOfSlot = new Int32Array(1024);
  private lengthOfSlot = new Float32Array(1024);
  /** The distinct term ids of each slot, for remove(): one arena, slot -> [start, start + count).
   *  A re-used slot appends anew; the arena is never compacted (removals are rare next to adds). */
  private arena = new Int32Array(1 << 16);
  private arenaLength = 0;
  private arenaStart = new Int32Array(1024);
  private arenaCount = new Int32Array(1024);
  private freeSlots: number[] = [];
  private slotCount = 0;
  private totalLength = 0;
  // Scratch buffers reused by add() and search().
  private tfScratch = new Int32Array(1024);
  private scores = new Float32Array(1024);
  private matched = new Float32Array(1024);
  private touched = new Int32Array(1024);
  private normOfSlot = new Float64Array(0);
  /** Slots a listed filter allows, marked for one search. */
  private mark = new Uint8Array(0);
  /** Bumped by every add/remove; normOfSlot is valid while normVersion equals it. */
  private version = 0;
  private normVersion = -1;

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = {
      k1: params.k1 ?? lexicalDefaults.k1,
      b: params.b ?? lexicalDefaults.b,
      delta: params.delta ?? lexicalDefaults.delta,
      coordination: params.coordination ?? lexicalDefaults.coordination,
    };
  }

  /** An index holding exactly what `snap` holds (postings stay views into its arrays until they grow; each slot's
   *  distinct terms, for remove, come from the postings by counting sort). */
  static fromSnapshot(snap: LexicalSnapshot, params: Partial<Bm25Params> = {}): LexicalIndex {
    const x = new LexicalIndex(params);
    const { ids, lengths, terms, postStart, postRows, postTfs } = snap;
    x.ensureSlots((x.slotCount = ids.length));
    ids.forEach((id, row) => {
      x.slotOf.set(id, row);
      x.idOfSlot[row] = id;
      x.lengthOfSlot[row] = lengths[row];
      x.totalLength += lengths[row];
    });
    x.tfScratch = new Int32Array(Math.max(1024, terms.length));
    x.postLength = new Int32Array(Math.max(1024, terms.length));
    terms.forEach((term, t) => {
      x.termIds.set(term, t);
      x.termNames.push(term);
      x.postDocs.push(postRows.subarray(postStart[t], postStart[t + 1]));
      x.postTfs.push(postTfs.subarray(postStart[t], postStart[t + 1]));
      x.postLength[t] = postStart[t + 1] - postStart[t];
    });
    const { arenaCount: count, arenaStart: start } = x;
    for (let i = 0; i < postRows.length; i++) count[postRows[i]]++;
    for (let row = 1; row < ids.length; row++) start[row] = start[row - 1] + count[row - 1];
    const arena = (x.arena = new Int32Array(Math.max(1 << 16, postRows.length)));
    x.arenaLength = postRows.length;
    const fill = start.slice(0, ids.length);
    for (let t = 0; t < terms.length; t++) for (let i = postStart[t]; i < postStart[t + 1]; i++) arena[fill[postRows[i]]++] = t;
    x.version++;
    return x;
  }

  /** Number of passages indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Changes with every add and remove: lets callers cache what they derive from the indexed passages. */
  get revision(): number {
    return this.version;
  }

  /** Passages containing `term`. */
  docFreq(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.postLength[t];
  }

  /** The id of a term, or -1 when no passage has ever held it. */
  termId(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  /** The term of a term id. */
  termName(t: number): string {
    return this.termNames[t];
  }

  /** Number of term ids handed out so far. */
  get termCount(): number {
    return this.termNames.length;
  }

  /** BM25's IDF of a term (as search() weighs it); an unknown term gets the IDF of a term in no passage. */
  idf(term: string): number {
    const df = this.docFreq(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The distinct term ids of a passage (a view: copy it before the index changes), or null for an unknown id. */
  distinctTermIds(id: number): Int32Array | null {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return null;
    const start = this.arenaStart[slot];
    return this.arena.subarray(start, start + this.arenaCount[slot]);
  }

  /** Indexes a passage's terms (repeats count as term frequency); replaces an earlier add of the same id. */
  add(id: number, terms: string[]): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.slotCount++;
    this.ensureSlots(slot + 1);
    // Count term frequencies in a dense scratch array indexed by term id; distinct ids go to the arena.
    if (this.arenaLength + terms.length > this.arena.length) this.arena = grow(this.arena, this.arenaLength + terms.length);
    const arena = this.arena;
    const start = this.arenaLength;
    let end = start;
    for (const term of terms) {
      let t = this.termIds.get(term);
      if (t === undefined) {
        t = this.postDocs.length;
        this.termIds.set(term, t);
        this.termNames.push(term);
        this.postDocs.push(new Int32Array(2));
        this.postTfs.push(new Uint16Array(2));
        if (t >= this.tfScratch.length) {
          this.tfScratch = grow(this.tfScratch, t + 1);
          this.postLength = grow(this.postLength, t + 1);
        }
      }
      if (this.tfScratch[t]++ === 0) arena[end++] = t;
    }
    const tfScratch = this.tfScratch;
    const postLength = this.postLength;
    for (let i = start; i < end; i++) {
      const t = arena[i];
      const n = postLength[t];
      if (n === this.postDocs[t].length) {
        this.postDocs[t] = grow(this.postDocs[t], n + 1);
        this.postTfs[t] = grow(this.postTfs[t], n + 1);
      }
      this.postDocs[t][n] = slot;
      this.postTfs[t][n] = tfScratch[t] > 65535 ? 65535 : tfScratch[t];
      postLength[t] = n + 1;
      tfScratch[t] = 0;
    }
    this.arenaLength = end;
    this.arenaStart[slot] = start;
    this.arenaCount[slot] = end - start;
    this.slotOf.set(id, slot);
    this.idOfSlot[slot] = id;
    this.lengthOfSlot[slot] = terms.length;
    this.totalLength += terms.length;
    this.version++;
  }

  /** Removes a passage; unknown ids are ignored. */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const start = this.arenaStart[slot];
    for (let a = start; a < start + this.arenaCount[slot]; a++) {
      const t = this.arena[a];
      const docs = this.postDocs[t];
      const tfs = this.postTfs[t];
      // Swap-remove: postings need no order, scoring is term-at-a-time.
      const n = --this.postLength[t];
      const i = docs.subarray(0, n + 1).indexOf(slot);
      docs[i] = docs[n];
      tfs[i] = tfs[n];
    }
    this.totalLength -= this.lengthOfSlot[slot];
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.version++;
  }

  /** Everything the index holds, compacted: free slots and terms no passage holds any more are left out. */
  snapshot(): LexicalSnapshot {
    const free = new Set(this.freeSlots);
    const rowOfSlot = new Int32Array(this.slotCount);
    const ids: number[] = [];
    const lengths: number[] = [];
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (free.has(slot)) continue;
      rowOfSlot[slot] = ids.length;
      ids.push(this.idOfSlot[slot]);
      lengths.push(this.lengthOfSlot[slot]);
    }
    const held = this.termNames.flatMap((_, t) => (this.postLength[t] > 0 ? [t] : []));
    const postStart = new Int32Array(held.length + 1);
    held.forEach((t, k) => (postStart[k + 1] = postStart[k] + this.postLength[t]));
    const postRows = new Int32Array(postStart[held.length]);
    const postTfs = new Uint16Array(postRows.length);
    held.forEach((t, k) => {
      postTfs.set(this.postTfs[t].subarray(0, this.postLength[t]), postStart[k]);
      for (let i = 0; i < this.postLength[t]; i++) postRows[postStart[k] + i] = rowOfSlot[this.postDocs[t][i]];
    });
    return { ids: Int32Array.from(ids), lengths: Int32Array.from(lengths), terms: held.map((t) => this.termNames[t]), postStart, postRows, postTfs };
  }

  /** The k best passages for weighted query terms, best first. Repeated terms add up. `filter` sees external ids and
   *  is asked only about passages that match some term. A filter that lists its passages (`ids`: the documents a
   *  question names, a document filter) is applied while scoring instead: the other passages' postings are skipped
   *  and the filter is never called (asked per candidate, a filtered search cost twice an unfiltered one at 100k). */
  search(query: WeightedTerm[], k: number, filter?: IdFilter): ScoredId[] {
    const n = this.size;
    if (n === 0 || k <= 0) return [];
    const within = filter?.ids ? this.markSlots(filter.ids) : null;
    try {
      return this.scoreTerms(query, k, within ? undefined : filter, within?.mark ?? null);
    } finally {
      if (within) for (const slot of within.slots) within.mark[slot] = 0;
    }
  }

  /** Marks the slots of `ids` in a reused buffer (cleared again by search). */
  private markSlots(ids: Iterable<number>): { mark: Uint8Array; slots: number[] } {
    if (this.mark.length < this.idOfSlot.length) this.mark = new Uint8Array(this.idOfSlot.length);
    const slots: number[] = [];
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined && this.mark[slot] === 0) {
        this.mark[slot] = 1;
        slots.push(slot);
      }
    }
    return { mark: this.mark, slots };
  }

  private scoreTerms(query: WeightedTerm[], k: number, filter: IdFilter | undefined, mark: Uint8Array | null): ScoredId[] {
    const n = this.size;
    const { k1, delta, coordination } = this.params;
    const normOf = this.norms();
    const scores = this.scores;
    const matched = this.matched;
    const touched = this.touched;
    let touchedCount = 0;
    for (const { term, weight } of query) {
      const t = this.termIds.get(term);
      if (t === undefined || weight <= 0) continue;
      const df = this.postLength[t];
      if (df === 0) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const w = weight * idf * (k1 + 1);
      const floor = weight * idf * delta;
      const docs = this.postDocs[t];
      const tfs = this.postTfs[t];
      // Two loops, so that the unfiltered one (most searches) carries no check per posting.
      if (mark) {
        for (let i = 0; i < df; i++) {
          const slot = docs[i];
          if (mark[slot] === 0) continue;
          const tf = tfs[i];
          if (scores[slot] === 0) touched[touchedCount++] = slot;
          scores[slot] += (w * tf) / (tf + normOf[slot]) + floor;
          matched[slot] += weight;
        }
        continue;
      }
      for (let i = 0; i < df; i++) {
        const slot = docs[i];
        const tf = tfs[i];
        const norm = normOf[slot];
        if (scores[slot] === 0) touched[touchedCount++] = slot;
        scores[slot] += (w * tf) / (tf + norm) + floor;
        matched[slot] += weight;
      }
    }
    const top = new TopK(k);
    let floor = -Infinity; // the heap's: most touched passages fall below it ("de" is in nearly every passage)
    for (let i = 0; i < touchedCount; i++) {
      const slot = touched[i];
      const s = coordination === 1 ? scores[slot] * matched[slot] : coordination === 0 ? scores[slot] : scores[slot] * matched[slot] ** coordination;
      scores[slot] = matched[slot] = 0;
      const id = this.idOfSlot[slot];
      if (s >= floor && top.admits(id, s) && (!filter || filter(id))) floor = top.push(id, s);
    }
    return top.sorted();
  }

  /** BM25's length normalisation k1·(1 − b + b·length/avgLength) per slot, recomputed only after the index
   *  changed: saves a division per posting on the long postings of function words. */
  private norms(): Float64Array {
    if (this.normVersion === this.version) return this.normOfSlot;
    const { k1, b } = this.params;
    const avgLength = this.totalLength / this.size;
    if (this.normOfSlot.length < this.idOfSlot.length) this.normOfSlot = new Float64Array(this.idOfSlot.length);
    for (let slot = 0; slot < this.slotCount; slot++) this.normOfSlot[slot] = k1 * (1 - b + (b * this.lengthOfSlot[slot]) / avgLength);
    this.normVersion = this.version;
    return this.normOfSlot;
  }

  private ensureSlots(count: number): void {
    if (count <= this.idOfSlot.length) return;
    this.idOfSlot = grow(this.idOfSlot, count);
    this.lengthOfSlot = grow(this.lengthOfSlot, count);
    this.arenaStart = grow(this.arenaStart, count);
    this.arenaCount = grow(this.arenaCount, count);
    this.scores = grow(this.scores, count);
    this.matched = grow(this.matched, count);
    this.touched = grow(this.touched, count);
  }
}

type Growable = Int32Array | Uint16Array | Float32Array;

function grow<T extends Growable>(a: T, min: number): T {
  let size = Math.max(2, a.length * 2);
  while (size < min) size *= 2;
  const bigger = new (a.constructor as new (n: number) => T)(size);
  bigger.set(a);
  return bigger;
}
