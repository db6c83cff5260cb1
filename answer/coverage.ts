// How much of the question a sentence covers: its focus terms weighted by IDF, each counted 1 when the sentence has
// the word (same light stem, or inside a compound), else by its best word-vector cosine with the sentence's words
// (language/soft-match.ts, the same rule as the retrieval re-ranker). A word that names a source (a party, a year)
// also counts when the sentence's document is that source: "Wil de SP …" is answered by the SP programme's "We
// verlagen de AOW-leeftijd naar 65 jaar", which does not repeat "SP".
import type { Hit } from '../lib/types.ts';
import { termOccurs, wordSets, type WordSets } from '../language/content-terms.ts';
import { softMatches, vectorLookup } from '../language/soft-match.ts';
import { loadWordVectors } from '../language/word-vectors.ts';
import { tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';
import type { FocusTerm } from './question.ts';

let lookup: ((word: string) => Float32Array | null) | null = null;

/** The shipped vectors, loaded on the first soft match (~6 MB, tens of milliseconds). */
function vectorOf(word: string): Float32Array | null {
  lookup ??= vectorLookup(loadWordVectors());
  return lookup(word);
}

export interface SentenceWords {
  sets: WordSets;
  /** Folded words in order (for proximity and the definitional patterns). */
  words: string[];
}

export function sentenceWords(text: string): SentenceWords {
  return { sets: wordSets(text), words: tokenise(text).map((t) => stem(t.word, 'fold')) };
}

/** Words that stand for the hit's document: its passage text, heading, title, organisation, file name and year. */
export function hitContext(hit: Hit): WordSets {
  const d = hit.document;
  return wordSets([hit.text, ...hit.headingPath, d.title, d.organisation ?? '', d.fileName.replace(/[_;]/g, ' '), d.year ?? ''].join('\n'));
}

/** Weighted share (0..1) of the source-naming focus terms the hit's document agrees with; 1 when none is named. */
export function sourceAgreement(focus: readonly FocusTerm[], context: WordSets): number {
  const named = focus.filter((f) => f.source);
  const total = named.reduce((s, f) => s + f.weight, 0);
  if (total === 0) return 1;
  return named.filter((f) => termOccurs(f.term, context)).reduce((s, f) => s + f.weight, 0) / total;
}

export interface Coverage {
  /** Weighted share of the focus covered (0..1). */
  share: number;
  /** Focus terms found as words in the sentence. */
  exact: number;
}

/** Coverage of `focus` by one sentence; `agrees` says whether the sentence's document agrees with a source term. */
export function coverage(focus: readonly FocusTerm[], s: SentenceWords, agrees: (f: FocusTerm) => boolean, soft: boolean, minSimilarity: number): Coverage {
  const total = focus.reduce((sum, f) => sum + f.weight, 0);
  if (total === 0) return { share: 0, exact: 0 };
  let covered = 0;
  let exact = 0;
  const missing: FocusTerm[] = [];
  for (const f of focus) {
    if (termOccurs(f.term, s.sets)) {
      covered += f.weight;
      exact++;
    } else if (f.source && agrees(f)) covered += f.weight;
    else missing.push(f);
  }
  if (soft && missing.length > 0) {
    const matches = softMatches(missing.map((f) => ({ word: f.term, weight: f.weight })), s.sets.words, vectorOf, minSimilarity);
    matches.forEach((m, i) => (covered += missing[i].weight * m.similarity));
  }
  return { share: covered / total, exact };
}
