// Dutch background word vectors for soft term matching ("salaris" ~ "bezoldiging"), shipped in the repository as
// int8 rows (language/word-vectors/README.md says where they come from). The matrix stays int8 in memory and is
// dequantised per lookup: 60k words cost ~6 MB instead of ~24 MB as float32.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHeader, HEADER_BYTES } from './word-vectors/format.ts';
import { foldDiacritics } from './stem.ts';
import { LINKS } from './compounds.ts';

/** The vectors that ship with the product. */
export const DEFAULT_VECTORS_PATH = join(import.meta.dirname, 'word-vectors', 'nl-gov-d100.q8.bin');

export interface Neighbour {
  word: string;
  similarity: number;
}

export interface WordVectors {
  readonly dim: number;
  /** Number of words. */
  readonly size: number;
  /** Hex sha256 of the file the vectors were built from. */
  readonly sourceSha256: string;
  /** The vocabulary, most frequent first. */
  readonly words: readonly string[];
  has(word: string): boolean;
  /** The unit vector of a word (tried as given, then lower-cased), or null when it is not in the vocabulary. */
  vector(word: string): Float32Array | null;
  /** The row of a word (as given, then lower-cased), -1 when unknown: for callers that cache lookups by row. */
  row(word: string): number;
  /** Cosine of a unit vector with the word at `row`, straight from the int8 row (no dequantised copy). */
  rowSimilarity(q: Float32Array, row: number): number;
  /** Cosine of two words, or null when either is unknown. */
  similarity(a: string, b: string): number | null;
  /** The word's own vector when known; otherwise a unit vector built from its known compound parts (any order,
   *  e.g. CompoundSplitter.split's output; see compositionWeights), or null when no part is known. */
  composed(word: string, parts: readonly string[]): Float32Array | null;
  /** The k most similar words to a word (itself left out) or to a unit vector, by brute force (debugging, tests). */
  nearest(query: string | Float32Array, k?: number): Neighbour[];
}

const loaded = new Map<string, WordVectors>();

/** Loads (once per path) a word-vector file written by language/word-vectors/build.ts. */
export function loadWordVectors(path: string = DEFAULT_VECTORS_PATH): WordVectors {
  const key = resolve(path);
  let vectors = loaded.get(key);
  if (!vectors) {
    vectors = wordVectorsFromBytes(readFileSync(key));
    loaded.set(key, vectors);
  }
  return vectors;
}

/** Folded word -> row of its most frequent spelling, per vector set: index terms are diacritic-folded. */
const foldedRows = new WeakMap<WordVectors, Map<string, number>>();

/** The vector row of a (diacritic-folded) term, -1 when the vocabulary has no spelling of it. */
export function rowOfTerm(vectors: WordVectors, term: string): number {
  let folded = foldedRows.get(vectors);
  if (!folded) {
    folded = new Map();
    vectors.words.forEach((w, i) => {
      const f = foldDiacritics(w);
      if (!folded!.has(f)) folded!.set(f, i);
    });
    foldedRows.set(vectors, folded);
  }
  return folded.get(term) ?? -1;
}

/** Whether a lower-case word is a Dutch word the vocabulary knows: itself, a compound whose head is known and whose
 *  modifier is known in turn, with or without a linking s/e/en ("duidingsrapportage", "kunstkoopregeling"), or a
 *  hyphenated word whose last part is known ("notificatie-app", "Eural-regelgeving"). OCR rubble ("ecentrum",
 *  "partijst") is not. Parts are four letters or more, so chance splits of rubble into short words do not count. */
export function knownWord(vectors: WordVectors, word: string): boolean {
  const parts = word.split(/[-'’]/).filter((p) => p.length > 0);
  const last = parts[parts.length - 1];
  return last !== undefined && compoundKnown(vectors, foldDiacritics(last));
}

function compoundKnown(vectors: WordVectors, w: string): boolean {
  if (rowOfTerm(vectors, w) >= 0) return true;
  if (w.length > 40) return false; // glued text ("titHisHnietHhetHland…"), not a word; and the search stays small
  for (let i = 4; i <= w.length - 4; i++) {
    if (rowOfTerm(vectors, w.slice(i)) < 0) continue;
    const modifier = w.slice(0, i);
    for (const link of LINKS) {
      if (link && !modifier.endsWith(link)) continue;
      const m = modifier.slice(0, modifier.length - link.length);
      if (m.length >= 4 && compoundKnown(vectors, m)) return true;
    }
  }
  return false;
}

export function wordVectorsFromBytes(bytes: Uint8Array): WordVectors {
  return new QuantisedWordVectors(bytes);
}

/** Which known parts compose an unknown compound, and their weights. Longest parts first, each kept if it does not
 *  overlap the word span of one already kept: for CompoundSplitter's [gemeenteraad, gemeente, raad, verkiezingen]
 *  that is gemeenteraad + verkiezingen, the top-level modifier and head (or gemeente + raad + verkiezingen when
 *  gemeenteraad has no vector). Weights are part lengths, as fastText builds a word's vector from its character
 *  n-grams. On 1,708 in-vocabulary compounds this came closest to the real vectors (mean cosine 0.792, against 0.772
 *  for an equal mean of all parts and 0.756 with the head weighted double; language/word-vectors/README.md). */
export function compositionWeights(word: string, knownParts: readonly string[]): Array<{ part: string; weight: number }> {
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
  const chosen: string[] = [];
  for (const part of [...new Set(knownParts)].sort((a, b) => b.length - a.length)) {
    const first = word.indexOf(part);
    // A part that is not spelled inside the word (a caller's lemma, say) cannot overlap anything.
    if (first < 0) {
      chosen.push(part);
      continue;
    }
    const start = [first, word.lastIndexOf(part)].find((s) => free(s, s + part.length));
    if (start === undefined) continue;
    taken.push([start, start + part.length]);
    chosen.push(part);
  }
  return chosen.map((part) => ({ part, weight: part.length }));
}

/** A unit vector from weighted unit vectors, or null when there are none (or they cancel out). */
export function weightedUnitSum(vectors: readonly Float32Array[], weights: readonly number[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const sum = new Float32Array(vectors[0]!.length);
  vectors.forEach((v, i) => {
    for (let j = 0; j < sum.length; j++) sum[j] += weights[i]! * v[j]!;
  });
  let norm = 0;
  for (const x of sum) norm += x * x;
  if (norm === 0) return null;
  const inv = 1 / Math.sqrt(norm);
  for (let j = 0; j < sum.length; j++) sum[j] *= inv;
  return sum;
}

/** The vocabulary's form of a word: lower-cased NFC (the build keeps only precomposed lower-case letters). */
function fold(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

class QuantisedWordVectors implements WordVectors {
  readonly dim: number;
  readonly size: number;
  readonly sourceSha256: string;
  readonly words: readonly string[];
  private readonly rows = new Map<string, number>();
  private readonly matrix: Int8Array;
  /** 1 / |row|: the rows are int8 approximations of unit vectors, re-normalised here rather than in the file. */
  private readonly inverseNorms: Float32Array;

  constructor(bytes: Uint8Array) {
    const header = decodeHeader(bytes);
    this.dim = header.dim;
    this.size = header.count;
    this.sourceSha256 = header.sourceSha256;
    const block = bytes.subarray(HEADER_BYTES, HEADER_BYTES + header.wordBytes);
    const words = new TextDecoder().decode(block).split('\n', header.count);
    if (words.length !== header.count) throw new Error('word-vector file has fewer words than its header says');
    words.forEach((w, i) => this.rows.set(w, i));
    this.words = words;
    this.matrix = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + header.wordBytes, header.count * header.dim);
    this.inverseNorms = new Float32Array(header.count);
    for (let i = 0, base = 0; i < header.count; i++, base += this.dim) {
      let sq = 0;
      for (let j = 0; j < this.dim; j++) sq += this.matrix[base + j]! * this.matrix[base + j]!;
      this.inverseNorms[i] = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    }
  }

  has(word: string): boolean {
    return this.row(word) >= 0;
  }

  vector(word: string): Float32Array | null {
    const row = this.row(word);
    return row < 0 ? null : this.dequantise(row);
  }

  similarity(a: string, b: string): number | null {
    const ra = this.row(a);
    const rb = this.row(b);
    if (ra < 0 || rb < 0) return null;
    let dot = 0;
    for (let j = 0, pa = ra * this.dim, pb = rb * this.dim; j < this.dim; j++) dot += this.matrix[pa + j]! * this.matrix[pb + j]!;
    return dot * this.inverseNorms[ra]! * this.inverseNorms[rb]!;
  }

  composed(word: string, parts: readonly string[]): Float32Array | null {
    const own = this.vector(word);
    if (own) return own;
    const chosen = compositionWeights(fold(word), parts.map(fold).filter((p) => this.has(p)));
    return weightedUnitSum(
      chosen.map((c) => this.vector(c.part)!),
      chosen.map((c) => c.weight),
    );
  }

  nearest(query: string | Float32Array, k = 10): Neighbour[] {
    const q = typeof query === 'string' ? this.vector(query) : query;
    if (!q || k <= 0) return [];
    const self = typeof query === 'string' ? this.row(query) : -1;
    const best: Neighbour[] = [];
    for (let i = 0; i < this.size; i++) {
      if (i === self) continue;
      const similarity = this.rowSimilarity(q, i);
      if (best.length === k) {
        if (similarity <= best[k - 1]!.similarity) continue;
        best.pop();
      }
      // Insertion into a short sorted list: k is small, the scan dominates.
      let at = best.length;
      while (at > 0 && best[at - 1]!.similarity < similarity) at--;
      best.splice(at, 0, { word: this.words[i]!, similarity });
    }
    return best;
  }

  rowSimilarity(q: Float32Array, row: number): number {
    // The hot loop of semantic re-ranking: locals and four sums let the JIT keep it in registers (2-3x faster).
    const m = this.matrix;
    const dim = this.dim;
    const base = row * dim;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let j = 0;
    for (; j + 3 < dim; j += 4) {
      a += q[j]! * m[base + j]!;
      b += q[j + 1]! * m[base + j + 1]!;
      c += q[j + 2]! * m[base + j + 2]!;
      d += q[j + 3]! * m[base + j + 3]!;
    }
    for (; j < dim; j++) a += q[j]! * m[base + j]!;
    return (a + b + c + d) * this.inverseNorms[row]!;
  }

  /** Row index of a word as given, else of its folded form; -1 when unknown. */
  row(word: string): number {
    const exact = this.rows.get(word);
    if (exact !== undefined) return exact;
    const folded = fold(word);
    return folded === word ? -1 : (this.rows.get(folded) ?? -1);
  }

  private dequantise(row: number): Float32Array {
    const out = new Float32Array(this.dim);
    const inv = this.inverseNorms[row]!;
    for (let j = 0, base = row * this.dim; j < this.dim; j++) out[j] = this.matrix[base + j]! * inv;
    return out;
  }
}
