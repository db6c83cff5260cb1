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
import { embedderDefaults, lexiconDir as defaultLexiconDir } from '../../lib/config.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { gaussian, normalizeInPlace, randomizedSvd, seededRandom } from './linalg.ts';
import { startLinalgPool } from './linalg-helper.ts';
import { ppmiMatrix } from './ppmi.ts';
import { decodeState, encodeState, type State } from './builtin-state.ts';
import type { FittableEmbedder } from '../types.ts';
import { lexiconGraph, retrofit, type LexiconGraphOptions, type RetrofitOptions } from './retrofit.ts';

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
  /** Fit and pooling parameters (defaults chosen by measurement; lib/config.ts embedderDefaults). */
  tuning?: Partial<BuiltinTuning>;
  /** Retrofitting parameters (tuning); false turns it off. */
  retrofit?: false | (Partial<RetrofitOptions> & Partial<LexiconGraphOptions>);
}


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

const GRAM = 5;
/** Below this many repeated words the fit uses every word (a first archive of one short note). */
const MIN_FIT_WORDS = 50;


export class BuiltinEmbedder implements FittableEmbedder {
  readonly name = 'builtin-sif';
  readonly dimension: number;
  private readonly tokenize: Tokenize;
  private readonly opts: typeof embedderDefaults.builtin.fit;
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
    this.opts = { ...embedderDefaults.builtin.fit, ...stripUndefined(opts) };
    this.statePath = opts.statePath;
    this.dimension = this.opts.dimension;
    this.tuning = { ...embedderDefaults.builtin.tuning, ...stripUndefined(opts.tuning ?? {}) };
    this.lexDir = opts.lexiconDir === undefined ? defaultLexiconDir() : opts.lexiconDir;
    this.retrofitOpts = opts.retrofit === false ? false : { ...embedderDefaults.retrofit, ...stripUndefined(opts.retrofit ?? {}) };
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
    // Words seen once carry no co-occurrence signal; ties broken alphabetically for determinism. A first archive of one
    // short note has few repeated words: then every word counts, and words that never co-occur keep only their
    // identity direction (exact matches still work; `reindex` refits once the archive has grown).
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const repeated = ranked.filter(([, c]) => c >= 2);
    const words = (repeated.length >= MIN_FIT_WORDS ? repeated : ranked).slice(0, maxVocabulary).map(([w]) => w);
    if (words.length === 0) throw new ArchiveError('ERR_NO_TEXT', 'no words to fit the built-in embedder on');
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


function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
