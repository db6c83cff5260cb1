// Soft term matching over the shipped background vectors (in the repository, so no ../shared needed).
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../language/word-vectors.ts';
import { softMatcher, vectorLookup } from '../../language/soft-match.ts';

const vectors = loadWordVectors();
const lookup = vectorLookup(vectors, (w) => (w === 'kinderopvangtoeslagaffaire' ? ['kinderopvang', 'toeslag', 'affaire'] : []));

describe('softMatcher', () => {
  it('matches the same word fully, a related word by cosine, and nothing below the threshold', () => {
    const match = softMatcher([{ word: 'salaris', weight: 1 }, { word: 'fiets', weight: 1 }, { word: 'ambtenaren', weight: 1 }], lookup, 0.45);
    const text = new Set(['de', 'bezoldiging', 'van', 'ambtenaren']);
    const [salaris, fiets, ambtenaren] = match(text);
    expect(salaris.match).toBe('bezoldiging');
    expect(salaris.similarity).toBeGreaterThan(0.6);
    expect(fiets.match).toBeNull();
    expect(ambtenaren).toEqual({ word: 'ambtenaren', match: 'ambtenaren', similarity: 1 });
    // Remembered cosines give the same answer for the next text.
    expect(match(new Set(['bezoldiging']))[0]).toEqual(salaris);
  });

  it('composes a vector for a compound outside the vocabulary from its parts', () => {
    expect(vectors.has('kinderopvangtoeslagaffaire')).toBe(false);
    expect(lookup('kinderopvangtoeslagaffaire')).not.toBeNull();
    const [creches] = softMatcher([{ word: 'crèches', weight: 1 }], lookup, 0.45)(new Set(['kinderopvang', 'gemeente']));
    expect(creches.match).toBe('kinderopvang');
  });
});
