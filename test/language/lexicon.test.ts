// The optional lexicon (laid out like ../shared/lexicon): lazy loading and synonym expansion.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../language/analyser.ts';
import { loadLexicon } from '../../language/lexicon.ts';
import { sharedDir } from '../../tools/shared-dir.ts';

const shared = sharedDir();
const dir = shared ? join(shared, 'lexicon') : null;
if (!dir) console.warn('skipping lexicon tests: ../shared/lexicon is absent');
describe.skipIf(!dir)('lexicon expansion', () => {
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
