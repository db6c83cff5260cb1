// The answer layer's view of the Dutch word model: a question's content terms and a forgiving match of a term
// against a sentence's words (light stems, compound heads). Same tokeniser, stop words and stemmer as the index;
// only the options differ, because an answer sentence must be recognised as on-topic, not ranked.
import { tokenise, type Token } from './tokenise.ts';
import { stem } from './stem.ts';
import { DUTCH_STOPWORDS, QUESTION_FRAME_WORDS } from './stopwords.ts';
import { gluedContentWords } from './spaces.ts';

/** The distinct content terms of a question, in order: no function words, no question frame, no single letters. */
export function contentTerms(question: string): string[] {
  const terms = tokenise(question)
    .map((t) => stem(t.word, 'fold'))
    .filter((w) => !DUTCH_STOPWORDS.has(w) && !QUESTION_FRAME_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  return [...new Set(terms)];
}

/** One word as typed ("VVD", "Koolmees", "2023"), folded as content terms are: what it is matched on. */
export function foldedWord(surface: string): string {
  return stem(tokenise(surface)[0]?.word ?? '', 'fold');
}

export interface WordSets {
  /** Folded words, the parts of hyphenated words and the words of glued runs ("deverantwoording"). */
  words: Set<string>;
  stems: Set<string>;
}

/** Word and light-stem sets of a text, for repeated `termOccurs` checks. */
export function wordSets(text: string): WordSets {
  return wordSetsOf(tokenise(text));
}

/** The same sets from tokens already at hand (a caller that also needs the words in order tokenises once). */
export function wordSetsOf(tokens: readonly Token[]): WordSets {
  const words = new Set<string>();
  for (const t of tokens) {
    words.add(stem(t.word, 'fold'));
    for (const p of t.parts ?? []) words.add(stem(p, 'fold'));
    if (!t.parts) for (const w of gluedContentWords(t.word)) words.add(stem(w, 'fold'));
  }
  return { words, stems: new Set([...words].map((w) => stem(w, 'light'))) };
}

/** Does `term` occur in the text: same word, same light stem, or (for long terms) inside a compound ("socialisme"
 *  in "wethouderssocialisme", "wethouder" in "wethouderschap"). */
export function termOccurs(term: string, sets: WordSets): boolean {
  if (sets.words.has(term)) return true;
  const s = stem(term, 'light');
  if (sets.stems.has(s)) return true;
  if (s.length < 6) return false;
  for (const w of sets.words) if (w.length > s.length && w.includes(s)) return true;
  return false;
}
