// Soft term matching over the shipped background vectors (in the repository, so no ../shared needed).
import { describe, expect, it } from 'vitest';
import { loadWordVectors } from '../../language/word-vectors.ts';
import { softCoverage, softMatches, vectorLookup } from '../../language/soft-match.ts';

const vectors = loadWordVectors();
const lookup = vectorLookup(vectors, (w) => (w === 'kinderopvangtoeslagaffaire' ? ['kinderopvang', 'toeslag', 'affaire'] : []));

describe('softMatches', () => {
  it('matches the same word fully, a related word by cosine, and nothing below the threshold', () => {
    const text = new Set(['de', 'bezoldiging', 'van', 'ambtenaren']);
    const [salaris, fiets] = softMatches([{ word: 'salaris', weight: 1 }, { word: 'fiets', weight: 1 }], text, lookup, 0.45);
    expect(salaris.match).toBe('bezoldiging');
    expect(salaris.similarity).toBeGreaterThan(0.6);
    expect(fiets.match).toBeNull();
    expect(softMatches([{ word: 'ambtenaren', weight: 1 }], text, lookup, 0.45)[0]).toEqual({ word: 'ambtenaren', match: 'ambtenaren', similarity: 1 });
  });

  it('composes a vector for a compound outside the vocabulary from its parts', () => {
    expect(vectors.has('kinderopvangtoeslagaffaire')).toBe(false);
    expect(lookup('kinderopvangtoeslagaffaire')).not.toBeNull();
  });
});

describe('softCoverage', () => {
  it('weighs words by their weight, so a rare word that is missing costs more', () => {
    const text = new Set(['kinderopvang', 'gemeente']);
    const words = [{ word: 'crèches', weight: 3 }, { word: 'gemeente', weight: 1 }];
    const c = softCoverage(words, text, lookup, 0.45);
    expect(c).toBeGreaterThan(0.6);
    expect(c).toBeLessThan(1);
    expect(softCoverage([{ word: 'fiets', weight: 3 }, { word: 'gemeente', weight: 1 }], text, lookup, 0.45)).toBeCloseTo(0.25, 5);
  });
});
