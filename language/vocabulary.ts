// Which words count as known words for compound splitting, and how frequent they are (Zipf scale).
import type { Lexicon } from './lexicon.ts';
import type { WordScore } from './compounds.ts';
import { tokenise } from './tokenise.ts';
import { lexicalDefaults } from '../lib/config.ts';

/** Word counts of the archive's own text ("words seen on their own"), for splitting without a lexicon. */
export function countWords(texts: Iterable<string>, into = new Map<string, number>()): Map<string, number> {
  for (const text of texts) {
    for (const t of tokenise(text)) {
      if (/^\p{L}+$/u.test(t.word)) into.set(t.word, (into.get(t.word) ?? 0) + 1);
    }
  }
  return into;
}

export interface VocabularyOptions {
  /** wordfreq words below this Zipf are too rare (names, typos, English) to be parts. */
  minZipf: number;
  /** Archive words seen fewer times than this are not trusted as parts. */
  minArchiveCount: number;
}


/** Scores words from the lexicon (wordfreq Zipf; OpenTaal base words count as rare words) and from the
 *  archive's counts, converted to the same per-billion scale. */
export function wordScore(
  lexicon: Lexicon | null,
  archive: ReadonlyMap<string, number> | null,
  opts: VocabularyOptions = lexicalDefaults.vocabulary,
): WordScore {
  let total = 0;
  if (archive) for (const c of archive.values()) total += c;
  return (word) => {
    if (lexicon) {
      const z = lexicon.zipf(word);
      if (z !== undefined && z >= opts.minZipf) return z;
      if (lexicon.isBaseWord(word)) return Math.max(z ?? 0, opts.minZipf - 1);
    }
    const c = archive?.get(word);
    if (c !== undefined && c >= opts.minArchiveCount) return 9 + Math.log10(c / total);
    return undefined;
  };
}
