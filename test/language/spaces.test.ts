import { describe, expect, it } from 'vitest';
import { gluedWords, rankedVocabulary } from '../../language/spaces.ts';
import { loadWordVectors } from '../../language/word-vectors.ts';
import { createAnalyser } from '../../language/analyser.ts';
import { termOccurs, wordSets } from '../../language/content-terms.ts';

const known = rankedVocabulary(loadWordVectors().words);

describe('glued runs (lost spaces)', () => {
  // CD 1994 and RPF 1989 in programmas-nl, as their text layers give them.
  it('reads a run with a function word as the words it was glued from', () => {
    expect(gluedWords('deverantwoording', known)).toEqual(['de', 'verantwoording']);
    expect(gluedWords('hetpogendeachterstelling', known)).toEqual(['het', 'pogen', 'de', 'achterstelling']);
    expect(gluedWords('dewaarde', known)).toEqual(['de', 'waarde']);
  });

  it('keeps known words whole, glued ones in the vocabulary too', () => {
    for (const word of ['terecht', 'degelijk', 'hetzelfde', 'kamerverkiezingen', 'vande']) expect(gluedWords(word, known), word).toBeNull();
  });

  it('keeps compounds and inflected words whole', () => {
    // Content words only; "meer" begins compounds; a last "en" or "de" is an ending.
    for (const word of ['programcommissie', 'meeroudergezinnen', 'inschattingen', 'overziende', 'toegankelijkheidsondersteuning']) {
      expect(gluedWords(word, known), word).toBeNull();
    }
  });

  it('indexes a passage by the words of its glued runs too, beside the runs themselves', () => {
    const analyser = createAnalyser({ lexiconDir: null });
    const terms = analyser.passageTerms('Dezeuitgave valtonder deverantwoording vandeThomas Hobbes Stichting.');
    expect(terms).toEqual(expect.arrayContaining(['deverantwoording', 'verantwoording', 'uitgave']));
    expect(analyser.queryTerms('deverantwoording').map((t) => t.term)).toEqual(['deverantwoording']);
    const plain = createAnalyser({ lexiconDir: null, rules: { glued: false } });
    expect(plain.passageTerms('deverantwoording')).toEqual(['deverantwoording']);
    // Function words add no term: "enmetde" is "en" + "met" + "de".
    expect(analyser.passageTerms('enmetde')).toEqual(['enmetde']);
  });

  it("lets an answer sentence with glued runs hold the question's words", () => {
    // Short words a glued run hides: the answer's match of long words inside longer ones ("verantwoording" in
    // "deverantwoording") does not reach them.
    expect(termOccurs('zaak', wordSets('Dezaak wordt voorgelegd'))).toBe(true);
    expect(termOccurs('vrouw', wordSets('Devrouw beslist zelf'))).toBe(true);
    expect(termOccurs('vrouw', wordSets('Devrouwe beslist zelf'))).toBe(false);
  });
});
