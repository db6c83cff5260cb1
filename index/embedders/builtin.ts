// The built-in embedder: word vectors learned from the archive itself (PPMI of a window co-occurrence
// matrix, truncated by randomized SVD), pooled over a passage with SIF weights and the common component
// removed (Arora et al. 2017). Words outside the vocabulary borrow the vectors of known words that share
// character 5-grams, so compounds and inflections ("oriënteren" / "oriëntatiedagen") still land nearby.
// With a lexicon folder the word vectors are retrofitted to its synonyms at fit time (retrofit.ts), and each
// word keeps a share of a random direction of its own, so an exact word match outweighs a near neighbour.
// Chosen over LSA and hashed n-grams by measurement (dev set and LegalQA-NL, dense alone and fused with BM25).
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decode, encode } from '@msgpack/msgpack';
import { lexiconDir as defaultLexiconDir } from '../../lib/config.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { gaussian, normalizeInPlace, randomizedSvd, seededRandom, type Csr } from './linalg.ts';
import { startLinalgPool } from './linalg-helper.ts';
import type { FittableEmbedder } from '../types.ts';
import { defaultGraphOptions, defaultRetrofitOptions, lexiconGraph, retrofit, type LexiconGraphOptions, type RetrofitOptions } from './retrofit.ts';

export type Tokenize = (text: string) => string[];

export interface BuiltinOptions {
  tokenize: Tokenize;
  /** Vector length. */
  dimension?: number;
  /** Seeds passage sampling and the SVD: the same archive gives the same vectors. */
  seed?: number;
  /** Fit on a seeded sample of at most this many passages; the rest are folded in by `embedPassages`. */
  maxFitPassages?: number;
  /** Most frequent words kept; bounds fit time and state size. */
  maxVocabulary?: number;
  /** When set, every fit writes the state here (atomically), so a restart finds the same vectors. */
  statePath?: string;
  /** Lexicon folder whose synonyms the word vectors are retrofitted to at fit time; undefined: lib/config's
   *  lexiconDir(); null: none (archive-only vectors). Loading saved state never needs it. */
  lexiconDir?: string | null;
  /** Fit and pooling parameters (defaults chosen by measurement; see BUILTIN_TUNING). */
  tuning?: Partial<BuiltinTuning>;
  /** Retrofitting parameters (tuning); false turns it off. */
  retrofit?: false | (Partial<RetrofitOptions> & Partial<LexiconGraphOptions>);
}

const DEFAULTS = { dimension: 256, seed: 42, maxFitPassages: 20_000, maxVocabulary: 30_000 };

export interface BuiltinTuning {
  /** Co-occurrence window (words each side, weighted 1/distance). */
  window: number;
  /** Context-distribution smoothing for PPMI (Levy, Goldberg & Dagan 2015). */
  contextAlpha: number;
  /** Word vectors are U·S^eigenPower. */
  eigenPower: number;
  /** SIF smoothing: a / (a + p(w)) weighs rare words up and function words down. */
  sifA: number;
  /** Pooling weight of a compound part that follows its word in the token stream (the analyser's passageTerms). */
  partWeight: number;
  /** Share (of squared length) of each word's vector given to a fixed random direction of its own, so the
   *  same word matches itself more than it matches its neighbours (0: pure distributional vectors). */
  identity: number;
}

// Measured with the analyser's tokens (dev set of 131 LangChain 1000/200 chunks; LegalQA-NL, 6,708 chunks,
// document nDCG@10), retrofitting on: identity 0.5 + partWeight 0.5 raised dense-alone LegalQA nDCG@10 from
// 0.417 to 0.528 and dev MRR@10 from 0.574 to 0.644; fused (convex, dense 0.2) LegalQA 0.711 -> 0.717, dev
// within one question. Window 2, eigenPower 0, sifA 1e-4 and dimension 384 were no better on either set.
export const BUILTIN_TUNING: BuiltinTuning = { window: 5, contextAlpha: 0.75, eigenPower: 0.5, sifA: 1e-3, partWeight: 0.5, identity: 0.5 };
const GRAM = 5;
const STATE_FORMAT = 2;

interface State {
  dimension: number;
  /** Archive words first, then words only the lexicon knows (retrofitted from their archive synonyms). */
  words: string[];
  /** How many of `words` come from the archive; only these lend their vectors to unknown words by 5-grams. */
  archiveWords: number;
  /** Unigram probability per word. */
  probs: Float32Array;
  /** words.length x dimension, unit rows. */
  vectors: Float32Array;
  /** Common component removed from every pooled vector. */
  commonComponent: Float32Array;
  sifA: number;
  partWeight: number;
  identity: number;
}

export class BuiltinEmbedder implements FittableEmbedder {
  readonly name = 'builtin-sif';
  readonly dimension: number;
  private readonly tokenize: Tokenize;
  private readonly opts: typeof DEFAULTS;
  private readonly statePath?: string;
  private readonly lexDir: string | null;
  private readonly tuning: BuiltinTuning;
  private readonly retrofitOpts: false | (RetrofitOptions & LexiconGraphOptions);
  private state: State | null = null;
  private serialized: Buffer | null = null;
  private wordIndex = new Map<string, number>();
  private gramWords = new Map<string, number[]>();
  private oovCache = new Map<string, Float32Array | null>();
  private identityCache = new Map<string, Float32Array>();
  private _version = 'unfitted';

  constructor(opts: BuiltinOptions) {
    this.tokenize = opts.tokenize;
    this.opts = { ...DEFAULTS, ...stripUndefined(opts) };
    this.statePath = opts.statePath;
    this.dimension = this.opts.dimension;
    this.tuning = { ...BUILTIN_TUNING, ...stripUndefined(opts.tuning ?? {}) };
    this.lexDir = opts.lexiconDir === undefined ? defaultLexiconDir() : opts.lexiconDir;
    this.retrofitOpts = opts.retrofit === false ? false : { ...defaultGraphOptions, ...defaultRetrofitOptions, ...stripUndefined(opts.retrofit ?? {}) };
  }

  /** Restores a fitted embedder from `serialize()` output. */
  static load(state: Buffer, tokenize: Tokenize, statePath?: string): BuiltinEmbedder {
    const s = decodeState(state);
    const e = new BuiltinEmbedder({ tokenize, dimension: s.dimension, statePath });
    e.install(s, state);
    return e;
  }

  get fitted(): boolean {
    return this.state !== null;
  }

  get version(): string {
    return this._version;
  }

  async fit(texts: string[]): Promise<void> {
    const { dimension, seed, maxFitPassages, maxVocabulary } = this.opts;
    const sample = seededSample(texts, maxFitPassages, seed);
    const tokens = sample.map((t) => this.tokenize(t));

    const counts = new Map<string, number>();
    for (const ts of tokens) for (const w of ts) counts.set(w, (counts.get(w) ?? 0) + 1);
    // Words seen once carry no co-occurrence signal; ties broken alphabetically for determinism.
    const words = [...counts]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxVocabulary)
      .map(([w]) => w);
    if (words.length < 2) throw new ArchiveError('ERR_MODEL_UNAVAILABLE', 'too little text to fit the built-in embedder');
    const index = new Map(words.map((w, i) => [w, i]));
    let total = 0;
    for (const c of counts.values()) total += c;
    const probs = Float32Array.from(words, (w) => counts.get(w)! / total);

    const pool = await startLinalgPool();
    let svd;
    try {
      svd = await randomizedSvd(ppmiMatrix(tokens, index, this.tuning), dimension, { seed, powerIterations: 1 }, pool);
    } finally {
      await pool.close();
    }
    // Word vectors U·S^½ (symmetric weighting), unit length.
    let vectors: Float32Array = new Float32Array(words.length * dimension);
    for (let i = 0; i < words.length; i++) {
      const row = vectors.subarray(i * dimension, (i + 1) * dimension);
      for (let j = 0; j < svd.k; j++) row[j] = svd.u[i * svd.k + j]! * svd.s[j]! ** this.tuning.eigenPower;
      normalizeInPlace(row);
    }
    let allWords = words;
    let allProbs = probs;
    if (this.lexDir && this.retrofitOpts) {
      const graph = lexiconGraph(this.lexDir, (lemma) => this.tokenize(lemma)[0] ?? null, this.retrofitOpts);
      if (graph.size > 0) {
        ({ words: allWords, vectors } = retrofit(words, vectors, dimension, graph, this.retrofitOpts));
        // Words the archive never uses are as rare as can be: probability 0, full SIF weight.
        allProbs = new Float32Array(allWords.length);
        allProbs.set(probs);
      }
    }
    const partial: State = { dimension, words: allWords, archiveWords: words.length, probs: allProbs, vectors,
      commonComponent: new Float32Array(dimension), sifA: this.tuning.sifA, partWeight: this.tuning.partWeight, identity: this.tuning.identity };
    this.install(partial, null);
    partial.commonComponent = firstPrincipalComponent(sample.map((t) => this.pool(t)), dimension, seed);
    this.install(partial, null);
    if (this.statePath) writeAtomically(this.statePath, this.serialized!);
  }

  serialize(): Buffer {
    if (!this.serialized) throw notFitted();
    return this.serialized;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    if (!this.state) throw notFitted();
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    if (!this.state) throw notFitted();
    return this.embed(text);
  }

  private embed(text: string): Float32Array {
    const v = this.pool(text);
    const pc = this.state!.commonComponent;
    let d = 0;
    for (let j = 0; j < v.length; j++) d += v[j]! * pc[j]!;
    for (let j = 0; j < v.length; j++) v[j]! -= d * pc[j]!;
    normalizeInPlace(v);
    return v;
  }

  /** SIF-weighted sum of word vectors (unnormalised). */
  private pool(text: string): Float32Array {
    const s = this.state!;
    const dim = s.dimension;
    const out = new Float32Array(dim);
    let word = '';
    for (const w of this.tokenize(text)) {
      // The analyser follows a compound with its parts ("gemeenteraad gemeente raad").
      const part = w !== word && word.includes(w);
      if (!part) word = w;
      const i = this.wordIndex.get(w);
      const vec = i === undefined ? this.oovVector(w) : s.vectors.subarray(i * dim, (i + 1) * dim);
      if (!vec) continue;
      // An unseen word is as rare as can be: full SIF weight.
      const weight = (part ? s.partWeight : 1) * (s.sifA / (s.sifA + (i === undefined ? 0 : s.probs[i]!)));
      if (s.identity > 0) {
        const own = this.identityVector(w);
        const a = weight * Math.sqrt(1 - s.identity);
        const b = weight * Math.sqrt(s.identity);
        for (let j = 0; j < dim; j++) out[j]! += a * vec[j]! + b * own[j]!;
      } else {
        for (let j = 0; j < dim; j++) out[j]! += weight * vec[j]!;
      }
    }
    return out;
  }

  /** A word's own fixed random unit direction (seeded by the word). */
  private identityVector(w: string): Float32Array {
    let v = this.identityCache.get(w);
    if (v) return v;
    let h = 0x811c9dc5;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
    const g = gaussian(seededRandom(h >>> 0));
    v = Float32Array.from({ length: this.state!.dimension }, g);
    normalizeInPlace(v);
    if (this.identityCache.size > 100_000) this.identityCache.clear();
    this.identityCache.set(w, v);
    return v;
  }

  /** Mean vector of the known words sharing character 5-grams with `w`, weighted by how many they share. */
  private oovVector(w: string): Float32Array | null {
    const cached = this.oovCache.get(w);
    if (cached !== undefined) return cached;
    const s = this.state!;
    const dim = s.dimension;
    const shared = new Map<number, number>();
    for (const g of charGrams(w)) for (const i of this.gramWords.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let vec: Float32Array | null = null;
    if (shared.size > 0) {
      vec = new Float32Array(dim);
      for (const [i, n] of shared) for (let j = 0; j < dim; j++) vec[j]! += n * s.vectors[i * dim + j]!;
      normalizeInPlace(vec);
    }
    // Bounded so a stream of novel queries cannot grow memory without limit.
    if (this.oovCache.size > 50_000) this.oovCache.clear();
    this.oovCache.set(w, vec);
    return vec;
  }

  private install(s: State, serialized: Buffer | null): void {
    this.state = s;
    this.wordIndex = new Map(s.words.map((w, i) => [w, i]));
    this.gramWords = new Map();
    s.words.forEach((w, i) => {
      if (i >= s.archiveWords) return;
      for (const g of new Set(charGrams(w))) {
        const list = this.gramWords.get(g);
        if (list) list.push(i);
        else this.gramWords.set(g, [i]);
      }
    });
    this.oovCache.clear();
    this.serialized = serialized ?? encodeState(s);
    this._version = createHash('sha256').update(this.serialized).digest('hex').slice(0, 16);
  }
}

/**
 * PPMI of the symmetric, distance-weighted (1/d) co-occurrence counts within the window, as CSR (columns ascending).
 * The counts live in one open-addressing table over typed arrays: a Map per word cost 12 s of a 20k-passage fit. Each
 * row's cells are also chained in first-seen order, so every sum is taken in the same order as before and the fitted
 * state did not change (same sha256).
 */
function ppmiMatrix(tokens: string[][], index: Map<string, number>, t: BuiltinTuning): Csr {
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

/** Dominant direction of the pooled vectors (power iteration), removed as the "common discourse" part. */
function firstPrincipalComponent(rows: Float32Array[], dim: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  let u = Float32Array.from({ length: dim }, () => rand() - 0.5);
  normalizeInPlace(u);
  for (let it = 0; it < 30; it++) {
    const next = new Float32Array(dim);
    for (const x of rows) {
      let d = 0;
      for (let j = 0; j < dim; j++) d += x[j]! * u[j]!;
      for (let j = 0; j < dim; j++) next[j]! += d * x[j]!;
    }
    normalizeInPlace(next);
    u = next;
  }
  return u;
}

function charGrams(w: string): string[] {
  const s = `<${w}>`;
  const out: string[] = [];
  for (let i = 0; i + GRAM <= s.length; i++) out.push(s.slice(i, i + GRAM));
  return out;
}

/** A seeded sample of at most n texts, in their original order. */
function seededSample(texts: string[], n: number, seed: number): string[] {
  if (texts.length <= n) return texts;
  const rand = seededRandom(seed);
  const idx = Array.from(texts, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => texts[i]!);
}

function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function notFitted(): ArchiveError {
  return new ArchiveError('ERR_MODEL_UNAVAILABLE', 'the built-in embedder is not fitted yet; run `raadsarchief reindex`');
}

function encodeState(s: State): Buffer {
  const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.from(
    encode({
      format: STATE_FORMAT,
      dimension: s.dimension,
      words: s.words,
      archiveWords: s.archiveWords,
      probs: bytes(s.probs),
      vectors: bytes(s.vectors),
      commonComponent: bytes(s.commonComponent),
      sifA: s.sifA,
      partWeight: s.partWeight,
      identity: s.identity,
    }),
  );
}

function decodeState(buf: Buffer): State {
  let raw: Record<string, unknown>;
  try {
    raw = decode(buf) as Record<string, unknown>;
  } catch (e) {
    throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `built-in embedder state unreadable (${(e as Error).message})`);
  }
  // Format 1 (before retrofitting) differs only by lacking archiveWords: all its words came from the archive.
  if (raw.format === 1) raw.archiveWords = (raw.words as string[]).length;
  else if (raw.format !== STATE_FORMAT) throw new ArchiveError('ERR_MODEL_UNAVAILABLE', 'built-in embedder state has an unknown format; run `raadsarchief reindex`');
  // Copy so the Float32Array views are 4-byte aligned whatever offset msgpack decoded them at.
  const floats = (b: unknown) => new Float32Array(Uint8Array.from(b as Uint8Array).buffer);
  return {
    dimension: raw.dimension as number,
    words: raw.words as string[],
    archiveWords: raw.archiveWords as number,
    probs: floats(raw.probs),
    vectors: floats(raw.vectors),
    commonComponent: floats(raw.commonComponent),
    sifA: (raw.sifA as number | undefined) ?? 1e-3,
    partWeight: (raw.partWeight as number | undefined) ?? 1,
    identity: (raw.identity as number | undefined) ?? 0,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
