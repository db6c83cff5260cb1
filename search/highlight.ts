// Which words of a hit to highlight: those whose analysed form matches a query term (so `wethouders` lights up
// for the query `wethouder`, and a synonym the query was expanded with lights up too).
import type { Analyser, WeightedTerm } from '../index/types.ts';
import { DUTCH_STOPWORDS } from '../index/stopwords.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function highlightTerms(text: string, terms: WeightedTerm[], analyser: Analyser): string[] {
  const wanted = new Set(terms.filter((t) => t.source !== 'feedback').map((t) => t.term));
  if (wanted.size === 0) return [];
  const found = new Set<string>();
  const checked = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const key = word.toLocaleLowerCase('nl');
    if (checked.has(key)) continue;
    checked.add(key);
    // Search keeps function words (they help ranking), but lighting up every "wat" and "de" helps no reader.
    if (DUTCH_STOPWORDS.has(key)) continue;
    const analysed = analyser.passageTerms({ text: word, headingPath: [], title: '' });
    if (analysed.some((t) => wanted.has(t))) found.add(word);
  }
  return [...found];
}
