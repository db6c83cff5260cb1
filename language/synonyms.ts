// Query expansion: synonyms from the lexicon and pseudo-relevance feedback, always weighted below the
// user's own words so they can only reorder near-ties and add recall, not take over the query.
import type { WeightedTerm } from '../index/types.ts';
import type { Lexicon } from './lexicon.ts';
import { DUTCH_STOPWORDS } from './stopwords.ts';

/** Synonyms of a surface word with their query weight (`weight` x source confidence). */
export function synonymTerms(lexicon: Lexicon, word: string, weight: number): { lemma: string; weight: number }[] {
  return lexicon.synonyms(word).map((s) => ({ lemma: s.lemma, weight: weight * s.confidence }));
}

export interface FeedbackOptions {
  /** How many feedback terms to add. */
  terms: number;
  /** Weight of the strongest feedback term; the others scale with their share. */
  weight: number;
  /** Document frequency of a term in the index (LexicalIndex.docFreq), to prefer discriminative terms. */
  docFreq?: (term: string) => number;
  /** Number of passages in the index (LexicalIndex.size), with docFreq. */
  docCount?: number;
}

/** RM3-style pseudo-relevance feedback: content terms (stop words never) frequent in the top passages (relative to passage length,
 *  times IDF when docFreq is given) join the query at a low weight. `topPassageTerms` are the analysed
 *  terms of the top passages, best first. */
export function expandWithFeedback(
  query: WeightedTerm[],
  topPassageTerms: string[][],
  opts: Partial<FeedbackOptions> = {},
): WeightedTerm[] {
  const { terms: count = 10, weight = 0.3, docFreq, docCount } = opts;
  const inQuery = new Set(query.map((q) => q.term));
  const mass = new Map<string, number>();
  topPassageTerms.forEach((terms, rank) => {
    if (terms.length === 0) return;
    // Better-ranked passages count more (a stand-in for RM3's query likelihood weight).
    const docWeight = 1 / (rank + 1) / terms.length;
    for (const t of terms) if (!inQuery.has(t) && !DUTCH_STOPWORDS.has(t)) mass.set(t, (mass.get(t) ?? 0) + docWeight);
  });
  const scored: [string, number][] = [];
  for (const [t, m] of mass) {
    const df = docFreq?.(t) ?? 0;
    // Terms in almost every passage say nothing; a term seen in only one passage is often noise.
    const idf = docFreq && docCount ? Math.log((docCount + 1) / (df + 0.5)) : 1;
    if (idf > 0) scored.push([t, m * idf]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  const top = scored.slice(0, count);
  const max = top[0]?.[1] ?? 0;
  const extra: WeightedTerm[] = top.map(([term, s]) => ({ term, weight: (weight * s) / max, source: 'feedback' }));
  return [...query, ...extra];
}
