// Which words of a hit to highlight: those whose analysed form matches a query term (so `wethouders` lights up
// for the query `wethouder`, and a synonym the query was expanded with lights up too).
import type { Analyser, WeightedTerm } from '../language/analyser.ts';
import { surfaceWords } from '../language/tokenise.ts';
import { DUTCH_STOPWORDS } from '../language/stopwords.ts';

export function highlightTerms(text: string, terms: WeightedTerm[], analyser: Analyser): string[] {
  const wanted = new Set(terms.map((t) => t.term));
  if (wanted.size === 0) return [];
  const found = new Set<string>();
  const checked = new Set<string>();
  for (const { text: word } of surfaceWords(text)) {
    const key = word.toLocaleLowerCase('nl');
    if (checked.has(key)) continue;
    checked.add(key);
    // Search keeps function words (they help ranking), but lighting up every "wat" and "de" helps no reader.
    if (DUTCH_STOPWORDS.has(key)) continue;
    if (analysedWord(analyser, key).some((t) => wanted.has(t))) found.add(word);
  }
  return [...found];
}

// Analysing every distinct word of every hit cost 4-7 ms a search (BENCHMARKS.md); words repeat across searches,
// so their analysed forms are remembered per analyser (bounded, cleared when full).
const cache = new WeakMap<Analyser, Map<string, string[]>>();
const CACHE_WORDS = 50_000;

function analysedWord(analyser: Analyser, word: string): string[] {
  let words = cache.get(analyser);
  if (!words) cache.set(analyser, (words = new Map()));
  let terms = words.get(word);
  if (!terms) {
    if (words.size >= CACHE_WORDS) words.clear();
    terms = analyser.passageTerms(word);
    words.set(word, terms);
  }
  return terms;
}
