import { describe, expect, it } from 'vitest';
import { tokenise } from '../../language/tokenise.ts';
import { createAnalyser } from '../../language/analyser.ts';
import { foldDiacritics, stem } from '../../language/stem.ts';

const stemDutch = (w: string) => stem(w, 'snowball');

const words = (text: string) => tokenise(text).map((t) => t.word);

describe('tokenise', () => {
  it('keeps accented words whole and lower-cases', () => {
    expect(words('Dé wethouder, hét punt: Coördinatie en ideeën')).toEqual(['dé', 'wethouder', 'hét', 'punt', 'coördinatie', 'en', 'ideeën']);
  });

  it('keeps numbers with thousands dots as one token', () => {
    expect(words('ruim 1.100 wethouders, 2,5 procent, artikel 3.1')).toEqual(['ruim', '1100', 'wethouders', '2,5', 'procent', 'artikel', '3.1']);
  });

  it('joins words hyphenated across a line break and keeps parts of hyphenated words', () => {
    expect(words('wethouders -\n\nsocialisme')).toEqual(['wethouderssocialisme']);
    expect(tokenise('PvdA-wethouder')).toEqual([{ word: 'pvdawethouder', parts: ['pvda', 'wethouder'] }]);
    expect(words("auto's")).toEqual(['autos']);
  });

  it('applies NFKC (superscripts and ligatures)', () => {
    expect(words('ﬁnanciën²')).toEqual(['financiën2']);
  });
});

describe('diacritics', () => {
  it('folds content words but keeps emphasis accents on short words', () => {
    expect(foldDiacritics('coördinatie')).toBe('coordinatie');
    expect(foldDiacritics('één')).toBe('één');
    expect(foldDiacritics('dé')).toBe('dé');
  });

  it('stems with Snowball Dutch', () => {
    expect(stemDutch('verkiezingen')).toBe('verkiez');
    expect(stemDutch('wethouders')).toBe('wethouder');
    expect(stemDutch('1100')).toBe('1100');
  });
});

describe('createAnalyser', () => {
  const analyser = createAnalyser({ lexiconDir: null, vocabulary: ['wethouder', 'socialisme'] });

  it('matches a query typed without diaeresis to the passage word', () => {
    const passage = analyser.passageTerms('De coördinatie van het beleid');
    const query = analyser.queryTerms('coordinatie').map((t) => t.term);
    expect(passage).toEqual(expect.arrayContaining(query));
  });

  it('indexes compound parts beside the word and weights them below typed words in queries', () => {
    const passage = analyser.passageTerms('wethouderssocialisme');
    expect(passage).toEqual(['wethouderssocialisme', 'wethouder', 'socialisme']);
    const query = analyser.queryTerms('Wat is wethouderssocialisme?');
    const typed = query.find((t) => t.term === 'wethouderssocialisme')!;
    const part = query.find((t) => t.term === 'socialisme')!;
    expect(typed).toMatchObject({ weight: 1, source: 'query' });
    expect(part.source).toBe('compound');
    expect(part.weight).toBeLessThan(1);
  });

  it('has a version that names its rules', () => {
    expect(analyser.version).toMatch(/^nl\d+-/);
    expect(createAnalyser({ lexiconDir: null, rules: { stemming: 'snowball' } }).version).not.toBe(analyser.version);
  });
});
