// Dutch stemming, one function with the strengths the product uses: Snowball Dutch (natural's implementation),
// a light inflection stripper for matching question words against sentence words, diacritic folding only, or none.
// Only the stemmer file of natural is loaded: its index pulls in database clients and prints dotenv banners on stdout.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const porterNl = require('natural/lib/natural/stemmers/porter_stemmer_nl.js') as { stem(word: string): string };

export type StemMode = 'snowball' | 'light' | 'fold' | 'none';

/** Strips combining marks after canonical decomposition: "coördinatie" -> "coordinatie", "ideeën" -> "ideeen";
 *  words of up to three letters keep theirs. */
export function foldDiacritics(word: string): string {
  // Accents on short words are emphasis that changes the word: één (one) is not een (a), dé not de.
  if (word.length <= 3 || /^[\x00-\x7f]*$/.test(word)) return word;
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** How a word of a name is compared (party, organisation, file name): folded, the pre-1947 spelling of adjectives
 *  brought up to date ("Protestantsche" -> "protestantse", "Roomsch" -> "rooms") and, from five letters, light-stemmed,
 *  so that "de Economische Bond" names "Economischen Bond_1918" and "Nederlandse" names "Nederlandsche". Archives of
 *  programmes since 1888 spell a party's name as its year did; staff type today's spelling. */
export function nameKey(word: string): string {
  const w = nameFold(word);
  if (w.length < 5 || /\d/.test(w)) return w;
  return stem(w.replace(/sch(e|en)?$/, 's$1'), 'light');
}

/** A word of a name lower-cased and folded, letters and digits only ("D'66" -> d66), before nameKey's stemming. */
export function nameFold(word: string): string {
  return foldDiacritics(word.toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The stem of a lower-case token (see tokenise) in the given mode. */
export function stem(word: string, mode: StemMode): string {
  switch (mode) {
    case 'snowball':
      return snowball(word);
    case 'light':
      return memo(lightCache, word, foldedLightStem);
    case 'fold':
      return foldDiacritics(word);
    default:
      return word;
  }
}

/** Stems are memoised: stemming is the hot path of indexing (Snowball) and of answer composition (the light stem of
 *  every candidate sentence's words: a third of composing an answer on dev), and Dutch text repeats its words. */
const snowballCache = new Map<string, string>();
const lightCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function memo(cache: Map<string, string>, word: string, f: (word: string) => string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = f(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** Snowball Dutch (also folds diacritics). Numbers and codes pass through: the stemmer would strip "en"/"e" from
 *  "art. 3e" style tokens. Short words keep their emphasis accents (één is not een); Snowball would fold them. */
function snowball(word: string): string {
  return memo(snowballCache, word, snowballOf);
}

// Named once, not a closure per call: stem() runs for every token of every passage.
const snowballOf = (w: string) => (/\d/.test(w) ? w : w.length <= 3 ? foldDiacritics(w) : porterNl.stem(w));
const foldedLightStem = (w: string) => lightStem(foldDiacritics(w));

const LIGHT_SUFFIXES = ['tjes', 'jes', 'en', 'es', 's', 'e'];

/** Strips the plural and inflection endings that separate a question word from the form in the text
 *  (wethouders/wethouder, mogelijkheden/mogelijkheid); a stem keeps at least four letters
 *  (three of an open-syllable plural: jaren/jaar). The spelling that Dutch changes with the syllable is
 *  evened out on both forms, as Snowball does: a doubled vowel before the last consonant (bibliotheek/bibliotheken ->
 *  bibliothek), a doubled final consonant (wetten -> wet), a voiced final z/v (huizen -> huis, brieven -> brief).
 *  Irregular forms (steden/stad) stay apart. */
function lightStem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('heden')) return `${word.slice(0, -5)}heid`;
  // Three letters stay only of an open-syllable plural (jaren -> jar, like jaar).
  const keeps = (x: string) => word.length - x.length >= 4 || (x === 'en' && /^[^aeiou][aeiou][^aeiou]en$/.test(word));
  const suffix = LIGHT_SUFFIXES.find((x) => word.endsWith(x) && keeps(x));
  const base = suffix ? word.slice(0, -suffix.length) : word;
  return base
    .replace(/([^aeiou])([aeou])\2([^aeiouy])$/, '$1$2$3')
    .replace(/([^aeiou])\1$/, '$1')
    .replace(/z$/, 's')
    .replace(/v$/, 'f');
}
