// The semantic re-ranking signal: how much of the question's meaning each candidate passage covers, when the passage
// may use other words than the question ("crèches" / "kinderopvang", "fiscus" / "belastingdienst"). Each content
// word of the question scores its best match among the passage's index terms: 1 for the same term, else the cosine
// of the background word vectors when it clears a threshold (language/soft-match.ts is the same rule for one text);
// the words are weighted by IDF. Passage terms come from the lexical index (no re-tokenising), and each index term's
// vector row is looked up once per index, so a query costs one dot product per (question word, distinct candidate term).
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { ScoredId } from '../index/types.ts';
import { CompoundSplitter } from '../language/compounds.ts';
import { contentTerms } from '../language/content-terms.ts';
import { foldDiacritics } from '../language/stem.ts';
import type { WordVectors } from '../language/word-vectors.ts';

export interface SemanticParams {
  /** Cosine a non-identical word pair must reach to count as a (partial) match. */
  minSimilarity: number;
  /** Weigh question words by their IDF in the archive (else all equal). */
  idfWeights: boolean;
  /** Share of the score given to the other direction: how much of the passage's (IDF-weighted) terms the question
   *  covers, which favours a passage about the question over a long one that also mentions its words. */
  precisionWeight: number;
}

export interface SemanticQuery {
  /** The question's content words (folded index terms), with weights. */
  words: { term: string; termId: number; weight: number; vector: Float32Array | null }[];
}

const UNKNOWN = -1;
const NOT_LOOKED_UP = -2;

/** Index term id -> vector row, per lexical index (term ids are never reused within one index). */
const rowCaches = new WeakMap<LexicalIndex, { rows: Int32Array }>();
/** Folded word -> row of its most frequent spelling, per vector set: index terms are diacritic-folded. */
const foldedRows = new WeakMap<WordVectors, Map<string, number>>();
const splitters = new WeakMap<WordVectors, CompoundSplitter>();

/** The question's content words, weighted, with their vectors (composed from compound parts when the vocabulary
 *  lacks the word, split with the vocabulary itself as the known words: a fresh clone has no lexicon). */
export function semanticQuery(text: string, lexical: LexicalIndex, vectors: WordVectors, p: SemanticParams): SemanticQuery {
  const words = contentTerms(text).map((term) => {
    const row = rowOfTerm(vectors, term);
    let vector = row >= 0 ? vectorOfRow(vectors, row) : null;
    if (!vector) {
      const parts = splitterOf(vectors).split(term);
      vector = vectors.composed(term, parts.map((w) => vectors.words[rowOfTerm(vectors, w)] ?? w));
    }
    return { term, termId: lexical.termId(term), weight: p.idfWeights ? lexical.idf(term) : 1, vector };
  });
  return { words };
}

/** Soft coverage (0..1) of the question by each candidate passage, best first. */
export function semanticScores(q: SemanticQuery, candidates: readonly number[], lexical: LexicalIndex, vectors: WordVectors, p: SemanticParams): ScoredId[] {
  const total = q.words.reduce((s, w) => s + w.weight, 0);
  if (total <= 0 || candidates.length === 0) return [];
  const rows = termRows(lexical, vectors);
  // Similarity of each question word to each distinct candidate term, computed once.
  const local = new Map<number, number>();
  const termsOf = candidates.map((id) => {
    const ts = lexical.distinctTermIds(id) ?? new Int32Array(0);
    for (const t of ts) if (!local.has(t)) local.set(t, local.size);
    return ts;
  });
  for (const t of local.keys()) if (rows[t] === NOT_LOOKED_UP) rows[t] = rowOfTerm(vectors, lexical.termName(t));
  const sims = q.words.map((w) => similarities(w, local, rows, vectors, p.minSimilarity));
  const precisionOf = p.precisionWeight > 0 ? passagePrecision(q, local, sims, lexical) : null;
  const out: ScoredId[] = candidates.map((id, c) => {
    let score = 0;
    q.words.forEach((w, i) => {
      const s = sims[i];
      let best = 0;
      for (const t of termsOf[c]) {
        if (t === w.termId) {
          best = 1;
          break;
        }
        const v = s[local.get(t)!];
        if (v > best) best = v;
      }
      score += w.weight * best;
    });
    const recall = score / total;
    return { id, score: precisionOf ? (1 - p.precisionWeight) * recall + p.precisionWeight * precisionOf(termsOf[c]) : recall };
  });
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The other direction: the IDF-weighted share of a passage's distinct terms that some question word matches. */
function passagePrecision(q: SemanticQuery, local: Map<number, number>, sims: Float32Array[], lexical: LexicalIndex): (terms: Int32Array) => number {
  const best = new Float32Array(local.size);
  const idf = new Float32Array(local.size);
  for (const [t, i] of local) {
    idf[i] = lexical.idf(lexical.termName(t));
    for (const s of sims) if (s[i] > best[i]) best[i] = s[i];
  }
  for (const w of q.words) if (local.has(w.termId)) best[local.get(w.termId)!] = 1;
  return (terms) => {
    let num = 0;
    let den = 0;
    for (const t of terms) {
      const i = local.get(t)!;
      num += idf[i] * best[i];
      den += idf[i];
    }
    return den > 0 ? num / den : 0;
  };
}

/** A question word's cosine with every local term, 0 below the threshold (and for terms without a vector). */
function similarities(
  w: SemanticQuery['words'][number],
  local: Map<number, number>,
  rows: Int32Array,
  vectors: WordVectors,
  minSimilarity: number,
): Float32Array {
  const out = new Float32Array(local.size);
  if (!w.vector) return out;
  for (const [t, i] of local) {
    const row = rows[t];
    if (row < 0) continue;
    const s = vectors.rowSimilarity(w.vector, row);
    if (s >= minSimilarity) out[i] = s;
  }
  return out;
}

/** The vector rows of the index's term ids (looked up when first met, kept for the index's life). */
function termRows(lexical: LexicalIndex, vectors: WordVectors): Int32Array {
  let cache = rowCaches.get(lexical);
  if (!cache) rowCaches.set(lexical, (cache = { rows: new Int32Array(0) }));
  if (cache.rows.length < lexical.termCount) {
    const grown = new Int32Array(Math.max(lexical.termCount, cache.rows.length * 2)).fill(NOT_LOOKED_UP);
    grown.set(cache.rows);
    cache.rows = grown;
  }
  return cache.rows;
}

/** A compound splitter that knows the vocabulary's words, scored Zipf-like by frequency rank (the file is in
 *  frequency order: rank r ~ frequency 1/r). */
function splitterOf(vectors: WordVectors): CompoundSplitter {
  let s = splitters.get(vectors);
  if (!s) {
    s = new CompoundSplitter((w) => {
      const row = rowOfTerm(vectors, w);
      return row < 0 ? undefined : 7 - Math.log10(row + 1);
    });
    splitters.set(vectors, s);
  }
  return s;
}

/** The vector row of a (diacritic-folded) index term, -1 when the vocabulary has no spelling of it. */
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
  return folded.get(term) ?? UNKNOWN;
}

function vectorOfRow(vectors: WordVectors, row: number): Float32Array | null {
  return vectors.vector(vectors.words[row]);
}
