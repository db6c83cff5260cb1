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
import { rowOfTerm, type WordVectors } from '../language/word-vectors.ts';

export interface SemanticParams {
  /** Cosine a non-identical word pair must reach to count as a (partial) match. */
  minSimilarity: number;
  /** Weigh question words by their IDF in the archive (else all equal). */
  idfWeights: boolean;
}

export interface SemanticQuery {
  /** The question's content words (folded index terms), with weights. */
  words: { term: string; termId: number; weight: number; vector: Float32Array | null }[];
}

const NOT_LOOKED_UP = -2;

/** Index term id -> vector row, per lexical index (term ids are never reused within one index). */
const rowCaches = new WeakMap<LexicalIndex, { rows: Int32Array }>();
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
  // The distinct terms of all candidates, numbered locally; each candidate as a list of local numbers.
  const local = new Map<number, number>();
  const terms: number[] = [];
  const localOf = candidates.map((id) => {
    const ts = lexical.distinctTermIds(id) ?? new Int32Array(0);
    const out = new Int32Array(ts.length);
    for (let k = 0; k < ts.length; k++) {
      let i = local.get(ts[k]);
      if (i === undefined) {
        local.set(ts[k], (i = terms.length));
        terms.push(ts[k]);
      }
      out[k] = i;
    }
    return out;
  });
  // Each question word against each local term, once: its own term 1, others their cosine above the threshold.
  const rows = termRows(lexical, vectors, terms);
  const sims = q.words.map((w) => {
    const s = new Float32Array(terms.length);
    if (w.vector) {
      for (let i = 0; i < terms.length; i++) {
        if (rows[i] < 0) continue;
        const v = vectors.rowSimilarity(w.vector, rows[i]);
        if (v >= p.minSimilarity) s[i] = v;
      }
    }
    const own = local.get(w.termId);
    if (own !== undefined) s[own] = 1;
    return s;
  });
  const out: ScoredId[] = candidates.map((id, c) => {
    const mine = localOf[c];
    let score = 0;
    for (let i = 0; i < sims.length; i++) {
      const s = sims[i];
      let best = 0;
      for (let k = 0; k < mine.length; k++) if (s[mine[k]] > best) best = s[mine[k]];
      score += q.words[i].weight * best;
    }
    return { id, score: score / total };
  });
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The vector row of each of `terms` (index term ids), looked up when first met and kept for the index's life. */
function termRows(lexical: LexicalIndex, vectors: WordVectors, terms: readonly number[]): Int32Array {
  let cache = rowCaches.get(lexical);
  if (!cache) rowCaches.set(lexical, (cache = { rows: new Int32Array(0) }));
  if (cache.rows.length < lexical.termCount) {
    const grown = new Int32Array(Math.max(lexical.termCount, cache.rows.length * 2)).fill(NOT_LOOKED_UP);
    grown.set(cache.rows);
    cache.rows = grown;
  }
  const out = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (cache.rows[t] === NOT_LOOKED_UP) cache.rows[t] = rowOfTerm(vectors, lexical.termName(t));
    out[i] = cache.rows[t];
  }
  return out;
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

function vectorOfRow(vectors: WordVectors, row: number): Float32Array | null {
  return vectors.vector(vectors.words[row]);
}
