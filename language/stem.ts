// Dutch stemming: the Snowball Dutch algorithm as natural implements it. Only the stemmer file is loaded:
// natural's index pulls in database clients and prints dotenv banners on stdout.
import { createRequire } from 'node:module';

import { foldDiacritics } from './tokenise.ts';

const require = createRequire(import.meta.url);
const porterNl = require('natural/lib/natural/stemmers/porter_stemmer_nl.js') as { stem(word: string): string };

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Snowball Dutch stem (also folds diacritics: "coördinatie" -> "coordinatie"). Memoised: stemming is
 *  the hot path of indexing and Dutch text repeats its words. */
export function stemDutch(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    // Numbers and codes pass through: the stemmer would strip "en"/"e" from "art. 3e" style tokens.
    // Short words keep their emphasis accents (één is not een); Snowball would fold them.
    s = /\d/.test(word) ? word : word.length <= 3 ? foldDiacritics(word) : porterNl.stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
