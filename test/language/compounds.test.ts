import { describe, expect, it } from 'vitest';
import { CompoundSplitter } from '../../language/compounds.ts';
import { join } from 'node:path';
import { sharedDir } from '../../tools/shared-dir.ts';
import { loadLexicon } from '../../language/lexicon.ts';
import { wordScore } from '../../language/vocabulary.ts';

describe('CompoundSplitter with a small vocabulary', () => {
  const freq = new Map([
    ['wethouder', 4], ['socialisme', 3.5], ['gemeente', 5.3], ['raad', 4.9], ['gemeenteraad', 4], ['verkiezingen', 5],
    ['boek', 4.5], ['kast', 4], ['ver', 5], ['zoek', 4], ['onder', 6], ['wijs', 4], ['wet', 4.5], ['houder', 3.5],
  ]);
  const splitter = new CompoundSplitter((w) => freq.get(w));

  it('splits on linking s, e and en', () => {
    expect(splitter.split('wethouderssocialisme')).toEqual(['wethouder', 'socialisme']);
    expect(splitter.split('gemeenteraadsverkiezingen')).toEqual(['gemeenteraad', 'gemeente', 'raad', 'verkiezingen']);
    expect(splitter.split('boekenkast')).toEqual(['boek', 'kast']);
  });

  it('leaves short words, prefix derivations and short modifiers alone', () => {
    expect(splitter.split('raad')).toEqual([]);
    expect(splitter.split('onderwijs')).toEqual([]);
    expect(splitter.split('verzoek')).toEqual([]);
    expect(splitter.split('wethouder')).toEqual([]);
  });

  it('admits a three-letter head', () => {
    expect(splitter.split('gemeentewet')).toEqual(['gemeente', 'wet']);
  });
});

const shared = sharedDir();
const dir = shared ? join(shared, 'lexicon') : null;
if (!dir) console.warn('skipping the lexicon compound test: ../shared/lexicon is absent');
describe.skipIf(!dir)('CompoundSplitter with the lexicon', () => {
  it('splits real compounds with wordfreq and OpenTaal', () => {
    const splitter = new CompoundSplitter(wordScore(loadLexicon(dir!), null));
    expect(splitter.split('wethouderssocialisme')).toEqual(expect.arrayContaining(['wethouder', 'socialisme']));
    expect(splitter.split('gemeenteraadsverkiezingen')).toEqual(
      expect.arrayContaining(['gemeenteraad', 'gemeente', 'raad', 'verkiezingen']),
    );
    expect(splitter.split('bijstandsuitkering')).toEqual(expect.arrayContaining(['bijstand', 'uitkering']));
    expect(splitter.split('onderwijs')).toEqual([]);
    expect(splitter.split('beleid')).toEqual([]);
  });
});
