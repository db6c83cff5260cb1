// Soft term matching over the shipped background vectors (in the repository, so no ../shared needed).
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../language/word-vectors.ts';
import { cosine, meanVector, softMatcher, vectorLookup } from '../../language/soft-match.ts';

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

describe('meanVector', () => {
  const bag = (text: string) => text.split(' ').map((word) => ({ word, weight: 1 }));
  it('adds up weak evidence: two phrasings sharing no word point the same way, an unrelated one does not', () => {
    const asked = meanVector(bag('hulp patiënten'), lookup);
    const answer = meanVector(bag('zorg zieke'), lookup);
    const other = meanVector(bag('defensie vliegtuigen'), lookup);
    expect(cosine(asked, answer)).toBeGreaterThan(cosine(asked, other) + 0.2);
    expect(cosine(asked, asked)).toBeCloseTo(1, 5);
  });
  it('is null when no word has a vector, and a missing vector has cosine 0', () => {
    expect(meanVector(bag('qqqzzx xxyyq'), lookup)).toBeNull();
    expect(cosine(null, meanVector(bag('zorg'), lookup))).toBe(0);
  });
});
