// Dutch compound splitting: "gemeenteraadsverkiezingen" -> gemeenteraad, gemeente, raad, verkiezingen.
// Binary splits into a modifier, an optional linking element (s, e, en) and a head, both parts known words;
// the split whose parts are most frequent (mean Zipf, as Koehn & Knight's geometric mean) wins, and both
// parts are split again. Lucene-style engines do the same; for Dutch retrieval it is worth a lot.

/** Zipf-like score of a word usable as a compound part, or undefined when it is not a known word. */
export type WordScore = (word: string) => number | undefined;

import { lexicalDefaults } from '../lib/config.ts';

export interface CompoundOptions {
  /** Words shorter than this are never split. */
  minWordLength: number;
  /** Shortest modifier (left part): 4 keeps "ver", "wet", "bij" from splitting "verzoek", "wethouder". */
  minModifierLength: number;
  /** Shortest head (right part): 3 admits "gemeentewet". */
  minHeadLength: number;
}


/** The linking elements between a compound's modifier and head. */
export const LINKS = ['', 's', 'e', 'en'];

// Separable prefixes and prepositions look like modifiers but make derivations, not compounds:
// onder+wijs, voor+zitter, over+heid, uit+kering.
const PREFIXES = new Set(
  'aan achter af binnen boven buiten door mede mee midden na naast om omver onder op over samen tegen terug toe tussen uit voor weer weg'.split(' '),
);
// Suffix-like heads make derivations: wethouder+schap, gemeente+lijk.
const SUFFIXES = new Set('heid heden schap schappen lijk lijke baar bare achtig achtige loos loze zaam zame ing ingen isch ische dom nis tje tjes'.split(' '));

export class CompoundSplitter {
  private readonly cache = new Map<string, string[]>();
  private readonly opts: CompoundOptions;

  constructor(
    private readonly score: WordScore,
    opts: Partial<CompoundOptions> = {},
  ) {
    this.opts = { ...lexicalDefaults.compounds, ...opts };
  }

  /** The parts of a compound, outermost split first, without the word itself; [] when it is no compound. */
  split(word: string): string[] {
    let parts = this.cache.get(word);
    if (!parts) {
      parts = this.compute(word, 0);
      if (this.cache.size > 500_000) this.cache.clear();
      this.cache.set(word, parts);
    }
    return parts;
  }

  private compute(word: string, depth: number): string[] {
    const best = depth < 4 ? this.bestSplit(word) : null;
    if (!best) return [];
    const [modifier, head] = best;
    return [modifier, ...this.compute(modifier, depth + 1), head, ...this.compute(head, depth + 1)];
  }

  private bestSplit(word: string): [string, string] | null {
    const { minWordLength, minModifierLength, minHeadLength } = this.opts;
    if (word.length < minWordLength || /\d/.test(word)) return null;
    let best: [string, string] | null = null;
    let bestScore = -Infinity;
    for (let i = minModifierLength; i <= word.length - minHeadLength; i++) {
      const modifier = word.slice(0, i);
      if (PREFIXES.has(modifier)) continue;
      const ms = this.score(modifier);
      if (ms === undefined) continue;
      for (const link of LINKS) {
        if (link && !word.startsWith(link, i)) continue;
        const head = word.slice(i + link.length);
        if (head.length < minHeadLength || SUFFIXES.has(head)) continue;
        const hs = this.score(head);
        if (hs === undefined) continue;
        // Ties go to the longer head: Dutch compounds are right-headed ("raads|verkiezingen" vs "raad|s|...").
        const s = (ms + hs) / 2;
        if (s > bestScore || (s === bestScore && best && head.length > best[1].length)) {
          bestScore = s;
          best = [modifier, head];
        }
      }
    }
    return best;
  }
}
