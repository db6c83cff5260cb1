import { describe, expect, it } from 'vitest';
import { expandWithFeedback } from '../../language/synonyms.ts';
import { createAnalyser } from '../../language/analyser.ts';
import { loadLexicon } from '../../language/lexicon.ts';
import { lexiconDir } from '../../lib/config.ts';
import type { WeightedTerm } from '../../index/types.ts';

describe('expandWithFeedback', () => {
  const query: WeightedTerm[] = [{ term: 'wethouder', weight: 1, source: 'query' }];
  const top = [
    ['wethouder', 'de', 'portefeuille', 'college', 'portefeuille'],
    ['de', 'college', 'portefeuille', 'raad'],
  ];

  it('adds frequent content terms of the top passages below the query weight', () => {
    const out = expandWithFeedback(query, top, { terms: 2, weight: 0.3 });
    expect(out[0]).toBe(query[0]);
    const extra = out.slice(1);
    expect(extra.map((t) => t.term)).toEqual(['portefeuille', 'college']);
    expect(extra.every((t) => t.source === 'feedback' && t.weight <= 0.3)).toBe(true);
  });

  it('prefers discriminative terms when document frequencies are given', () => {
    const df = (t: string) => (t === 'portefeuille' ? 900 : 3);
    const out = expandWithFeedback(query, top, { terms: 1, docFreq: df, docCount: 1000 });
    expect(out.map((t) => t.term)).toEqual(['wethouder', 'college']);
  });
});

const dir = lexiconDir();
describe.skipIf(!dir)('lexicon expansion (skipped: no lexicon folder)', () => {
  it('loads lazily and fast, and finds synonyms with source confidence', () => {
    const lex = loadLexicon(dir!);
    const t0 = performance.now();
    const syns = lex.synonyms('gemeente');
    lex.zipf('gemeente');
    lex.isBaseWord('gemeente');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(syns.length).toBeGreaterThan(0);
    expect(syns.every((s) => s.confidence > 0 && s.confidence <= 1 && s.lemma !== 'gemeente')).toBe(true);
    expect(lex.zipf('gemeente')).toBeGreaterThan(4);
  });

  it('adds synonyms below the typed words when asked to', () => {
    const analyser = createAnalyser({ lexiconDir: dir, rules: { synonymWeight: 0.2 } });
    const terms = analyser.queryTerms('gemeente');
    expect(terms[0]).toMatchObject({ term: 'gemeente', weight: 1 });
    const syn = terms.filter((t) => t.source === 'synonym');
    expect(syn.length).toBeGreaterThan(0);
    expect(syn.every((t) => t.weight <= 0.2)).toBe(true);
  });
});
