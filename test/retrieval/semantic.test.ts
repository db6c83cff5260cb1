// The semantic re-ranking signal over a real (small) lexical index and the shipped word vectors.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../language/analyser.ts';
import { LexicalIndex } from '../../index/lexical-index.ts';
import { semanticQuery, semanticScores, type SemanticParams } from '../../retrieval/semantic.ts';
import { loadWordVectors, rowOfTerm } from '../../language/word-vectors.ts';

const vectors = loadWordVectors();
const analyser = createAnalyser({ lexiconDir: null });
const passages = [
  'De gemeente breidt de kinderopvang uit met twee nieuwe locaties voor jonge kinderen.',
  'De fietsenstalling bij het station krijgt honderd extra plekken.',
  'Het college bespreekt de begroting en de fietsenstalling met de raad.',
  'De bezoldiging van ambtenaren stijgt volgend jaar met twee procent.',
];
const lexical = new LexicalIndex();
passages.forEach((p, i) => lexical.add(i + 1, analyser.passageTerms(p)));
const params: SemanticParams = { minSimilarity: 0.45, idfWeights: true };
const rank = (question: string, p = params) =>
  semanticScores(semanticQuery(question, lexical, vectors, p), [1, 2, 3, 4], lexical, vectors, p);

describe('semantic re-ranking', () => {
  it('ranks the passage that says the question in other words first', () => {
    expect(rank('Hoeveel crèches komen er bij?')[0].id).toBe(1);
    expect(rank('Gaat het salaris van ambtenaren omhoog?')[0].id).toBe(4);
  });

  it('scores a passage holding every content word 1, and one holding none 0', () => {
    const scores = new Map(rank('fietsenstalling station').map((s) => [s.id, s.score]));
    expect(scores.get(2)).toBeCloseTo(1, 6);
    expect(scores.get(4)).toBe(0);
    expect(scores.get(3)).toBeGreaterThan(0.3);
    expect(scores.get(3)).toBeLessThan(1);
  });

  it('with exact matching only (threshold above 1), a paraphrase gets no credit', () => {
    const exact = rank('Hoeveel crèches komen er bij?', { ...params, minSimilarity: 1.01 });
    expect(exact.every((s) => s.score === 0)).toBe(true);
  });

  it('finds vector rows for diacritic-folded index terms', () => {
    expect(rowOfTerm(vectors, 'creches')).toBeGreaterThanOrEqual(0);
    expect(vectors.words[rowOfTerm(vectors, 'creches')]).toBe('crèches');
  });

  it('composes a vector for a question compound the vocabulary lacks', () => {
    const q = semanticQuery('kinderopvangtoeslagregeling', lexical, vectors, params);
    expect(vectors.has('kinderopvangtoeslagregeling')).toBe(false);
    expect(q.words[0].vector).not.toBeNull();
  });
});
