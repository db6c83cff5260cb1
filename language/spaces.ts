// Lost spaces: the text layer of some PDFs (typeset programmes of the 1980s and 90s, most of all) runs words together
// ("Dezeuitgave valtonder deverantwoording vandeThomas Hobbes Stichting."): 50 of the 447 programmes of programmas-nl
// have a glued run in 2 % or more of their runs of letters, CD 1994 in 28 %; pdf-nl and the corpus at most 0.1 %
// (tools/ingest/glued-share.ts). A run that splits into known words, the first a
// function word ("de", "van", "het" …), is read as those words. The function word keeps compounds whole:
// "programcommissie" splits into content words only, and "meeroudergezinnen" begins with "meer", which begins
// compounds too. Known words and their frequencies: the shipped word vectors' vocabulary (most frequent first).

import { loadWordVectors } from './word-vectors.ts';

/** A word's log10 probability (from its frequency), undefined for an unknown word. */
export type WordLogP = (word: string) => number | undefined;

/** The words a glued run must open with: articles, pronouns, conjunctions and verbs that never begin a compound,
 *  unlike "voor", "over", "meer" or "aan". */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `de het een van en of is dat die dit deze der den te om er zij zich niet wij ze hij ons hun haar als tot met naar
  maar ook nog dan was werd wordt worden zijn heeft hebben kan kunnen mag moet moeten wil zal zullen zou hen wat wie
  welke`
    .split(/\s+/)
    .filter(Boolean),
);

/** Runs shorter than this are left alone ("inde", "isde" are too close to real words and OCR slips). */
const MIN_RUN = 5;
const MAX_PART = 24;
/** Each part costs this much more than its word's log probability, so fewer, longer words win. */
const PART_COST = 1;

const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((w) => w.length));

/** Most unknown runs are ruled out before the split (20 µs a run over pdf-nl's passages; 10 µs with this test first). */
function opensWithFunctionWord(run: string): boolean {
  for (let n = 2; n <= LONGEST_FUNCTION_WORD && n < run.length; n++) if (FUNCTION_WORDS.has(run.slice(0, n))) return true;
  return false;
}

const vocabularies = new WeakMap<readonly string[], WordLogP>();

/** Zipf-like log probabilities from a vocabulary in frequency order: rank r ~ frequency 1/r. */
export function rankedVocabulary(words: readonly string[]): WordLogP {
  let logP = vocabularies.get(words);
  if (!logP) {
    const rank = new Map<string, number>();
    words.forEach((w, i) => {
      if (!rank.has(w)) rank.set(w, i);
    });
    logP = (word) => {
      const r = rank.get(word);
      return r === undefined ? undefined : -1 - Math.log10(r + 1);
    };
    vocabularies.set(words, logP);
  }
  return logP;
}

/** The words an unknown lower-case run of letters was glued from, or null when it is none: a known word, no split into
 *  known words (content words of 4+ letters), or a split that does not open with a function word. Glued runs open with
 *  one ("deverantwoording", "ishetprogramma", "alswelhetsociale"); a long word chopped into known pieces rarely does
 *  ("federal+is+ering", "inschatting+en"). Known runs stay whole: "vande" is in the vocabulary (its source has glued
 *  text too), but so are "terecht" and "degelijk". */
export function gluedWords(run: string, logP: WordLogP): string[] | null {
  if (run.length < MIN_RUN || !opensWithFunctionWord(run) || logP(run) !== undefined) return null;
  const n = run.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - MAX_PART); j < i; j++) {
      if (best[j] === -Infinity || (i - j < 4 && !FUNCTION_WORDS.has(run.slice(j, i)))) continue;
      const p = logP(run.slice(j, i));
      if (p !== undefined && best[j] + p - PART_COST > best[i]) {
        best[i] = best[j] + p - PART_COST;
        from[i] = j;
      }
    }
  }
  if (best[n] === -Infinity) return null;
  const parts: string[] = [];
  for (let i = n; i > 0; i = from[i]) parts.unshift(run.slice(from[i], i));
  return parts.length >= 2 && FUNCTION_WORDS.has(parts[0]) ? parts : null;
}

const NONE: readonly string[] = [];
/** Runs remembered at most (an archive repeats its words; OCR rubble makes the distinct runs many). */
const CACHE_SIZE = 100_000;
const cache = new Map<string, readonly string[]>();
/** The shipped vocabulary's log probabilities, looked up once (not per run on the answer's path). */
let shipped: WordLogP | undefined;

/** The content words (no function words) of a glued lower-case run, by the shipped vocabulary; none when the run is not
 *  glued. Remembered per run: analysing programmas-nl's 68,671 passages takes 7.5-8 s with them, 4-5 s without. */
export function gluedContentWords(run: string): readonly string[] {
  // Most words are too short to be a glued run: no lookup (a twentieth of composing an answer went to this function).
  if (run.length < MIN_RUN) return NONE;
  let words = cache.get(run);
  if (!words) {
    shipped ??= rankedVocabulary(loadWordVectors().words);
    const parts = gluedWords(run, shipped)?.filter((w) => !FUNCTION_WORDS.has(w)) ?? [];
    words = parts.length ? parts : NONE;
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(run, words);
  }
  return words;
}
