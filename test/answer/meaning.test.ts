// Closeness in meaning of a sentence to the question's topic (answer/coverage.ts MeaningScorer), on sentences of the
// programmes in ../shared/external/programmas-nl (quoted here, so no ../shared is needed). features.meaning is on by
// default since the twenty-sixth session (lib/config.ts has the measurement); these check what the switch does.
import { describe, expect, it } from 'vitest';
import { MeaningScorer, sentenceWords } from '../../answer/coverage.ts';
import { scoreSentences } from '../../answer/extractive.ts';
import { analyseQuestion } from '../../answer/question.ts';
import { answerDefaults } from '../../lib/config.ts';
import type { Sentence } from '../../answer/candidates.ts';

const question = 'Was volgens de Katholieke Nationale Partij in 1952 vooral de overheid verantwoordelijk voor de hulp aan patiënten?';
// KNP 1952: the answer shares no word with the question; the others are from the same page.
const answer = 'Primair is de zorg voor het zieke individu een taak van dat individu zelf.';
const others = [
  'I. De belangen van de burgers worden, met inachtneming van de Christelijke KATHOLIEKE NATIONALE PARTIJ.',
  '2. Het handhaven zoo lang en zooveel mogelijk van het beginsel der autonomie.',
];

describe('MeaningScorer', () => {
  const skip = new Set(['katholieke', 'nationale', 'partij', '1952']);
  const meaning = new MeaningScorer(question, () => 1, skip);
  it('puts the sentence that answers in other words above sentences of the same programme that do not', () => {
    const close = meaning.similarity(sentenceWords(answer));
    for (const o of others) expect(close).toBeGreaterThan(meaning.similarity(sentenceWords(o)));
  });
  it('leaves the words naming the source out: repeating the party name brings a sentence no closer', () => {
    const named = new MeaningScorer(question, () => 1, skip).similarity(sentenceWords('KATHOLIEKE NATIONALE PARTIJ 1952'));
    expect(named).toBe(0);
  });
});

describe('features.meaning in sentence choice', () => {
  const hit = {
    rank: 1, docId: 'knp', text: [answer, ...others].join(' '), headingPath: [],
    document: { id: 'knp', title: 'Verkiezingsprogramma', organisation: null, fileName: 'KNP_1952.txt', year: 1952 },
  } as unknown as Sentence['hit'];
  const sentence = (text: string): Sentence => ({
    text, quote: text, base: text, offset: 0, start: 0, end: text.length, kind: 'prose', hit, window: [{ start: 0, end: text.length }], index: 0, pageStarts: null,
  });
  const analysis = analyseQuestion(question);
  const score = (meaning: boolean) =>
    scoreSentences(analysis, [answer, ...others].map(sentence), { ...answerDefaults, features: { ...answerDefaults.features, softMatch: true, meaning } }, [], question);
  it('adds meaningWeight x the closeness to each score when on, nothing when off', () => {
    const off = score(false);
    const on = score(true);
    for (const o of on) {
      const before = off.find((x) => x.s.text === o.s.text)!;
      expect(o.meaning).toBeGreaterThan(0);
      expect(o.score).toBeCloseTo(before.score + answerDefaults.meaningWeight * o.meaning, 6);
    }
    expect(off.every((o) => o.meaning === 0)).toBe(true);
  });
});
