// Soft term matching with the background word vectors: how much of a question's meaning a text covers, when the text
// may use other words than the question ("crèches" / "kinderopvang", "salaris" / "bezoldiging"). Each question word
// scores its best match among the text's words: 1 for the same word, else the cosine of the two words' vectors when
// it clears a threshold (random pairs average ~0.25 cosine; language/word-vectors/README.md). The answer layer's
// sentence choice uses it; the retrieval re-ranker (retrieval/semantic.ts) applies the same rule over the index's terms.
import { weightedUnitSum, type WordVectors } from './word-vectors.ts';

export interface WeightedWord {
  /** A lower-case word as the tokeniser gives it (accents kept: the vectors know "crèche", not "creche"). */
  word: string;
  /** Its weight, e.g. its IDF in the archive. */
  weight: number;
}

export interface SoftMatch {
  word: string;
  /** The text word that matches it best, or null when none clears the threshold. */
  match: string | null;
  similarity: number;
}

/** The best match of each question word among a text's words, for many texts against the same question words: each
 *  text word's cosines with all question words are computed once and only those clearing the threshold are kept, so
 *  scoring a few hundred sentences of one question costs one lookup per sentence word (one per pair of question and
 *  text word took ~40 % of composing an answer). `vectorOf` may compose vectors for words outside the vocabulary
 *  (compounds: see vectorLookup). */
export function softMatcher(
  words: readonly WeightedWord[],
  vectorOf: (word: string) => Float32Array | null,
  minSimilarity: number,
): (textWords: ReadonlySet<string>) => SoftMatch[] {
  const queries = words.map(({ word }) => vectorOf(word));
  /** Per text word: the question words it matches as [index, cosine] pairs, or null for none. */
  const matches = new Map<string, Array<[number, number]> | null>();
  const matchesOf = (w: string) => {
    let m = matches.get(w);
    if (m !== undefined) return m;
    m = null;
    const v = vectorOf(w);
    if (v) {
      for (let i = 0; i < queries.length; i++) {
        const q = queries[i];
        if (!q) continue;
        const s = dot(q, v);
        if (s >= minSimilarity) (m ??= []).push([i, s]);
      }
    }
    matches.set(w, m);
    return m;
  };
  return (textWords) => {
    const best: SoftMatch[] = words.map(({ word }) => ({ word, match: null, similarity: 0 }));
    for (const w of textWords) {
      const m = matchesOf(w);
      if (m) for (const [i, s] of m) if (s > best[i].similarity) best[i] = { word: words[i].word, match: w, similarity: s };
    }
    words.forEach(({ word }, i) => {
      if (textWords.has(word)) best[i] = { word, match: word, similarity: 1 };
    });
    return best;
  };
}

/** The meaning of a bag of words as one unit vector: the weighted sum of their vectors (IDF weights give a
 *  sentence's rare words their say, as in SIF sentence embeddings), or null when no word has a vector. Unlike the best
 *  match per word above it adds up weak evidence: "zorg voor het zieke individu" and "hulp aan patiënten" share no
 *  word and no pair clears the soft-match threshold, yet their sums point the same way. */
export function meanVector(words: readonly WeightedWord[], vectorOf: (word: string) => Float32Array | null): Float32Array | null {
  const vectors: Float32Array[] = [];
  const weights: number[] = [];
  for (const { word, weight } of words) {
    const v = vectorOf(word);
    if (v) vectors.push(v), weights.push(weight);
  }
  return weightedUnitSum(vectors, weights);
}

/** Cosine of two unit vectors (0 when either is missing). */
export function cosine(a: Float32Array | null, b: Float32Array | null): number {
  return a && b ? dot(a, b) : 0;
}

/** A memoised vector lookup over the shipped vectors, composing vectors for compounds from their parts. */
export function vectorLookup(vectors: WordVectors, partsOf: (word: string) => readonly string[] = () => [], limit = 100_000): (word: string) => Float32Array | null {
  const cache = new Map<string, Float32Array | null>();
  return (word) => {
    let v = cache.get(word);
    if (v === undefined) {
      v = vectors.vector(word) ?? vectors.composed(word, partsOf(word));
      if (cache.size >= limit) cache.clear();
      cache.set(word, v);
    }
    return v;
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
