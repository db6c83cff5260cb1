// Answer-level metrics (eval/answers.ts) and the abstention calibration (eval/calibrate.ts) on scripted answers: the
// definitions in eval/README.md, checked number by number.
import { describe, expect, it } from 'vitest';
import { abstentionF1, carriedUnits, quoteShare, runAnswerEval, type AnswerOutcome, type AnswerTarget } from '../../eval/answers.ts';
import { bestThreshold, calibrate, calibrationPoints } from '../../eval/calibrate.ts';
import { answerDefaults } from '../../lib/config.ts';
import { relevanceUnits } from '../../eval/relevance.ts';
import { normalise } from '../../eval/normalise.ts';
import type { Question } from '../../eval/types.ts';

const quote = 'Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen van de samenleving';
const questions: Question[] = [
  { id: 'q1', question: 'een', type: 'definition', answer: '', relevant: [{ doc: '004.txt', quote }] },
  { id: 'q2', question: 'twee', type: 'multi', answer: '', relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma delta epsilon zeta' }, { doc: 'b.txt', quote: 'eta theta iota kappa lambda mu' }] },
  { id: 'q3', question: 'drie', type: 'unanswerable', answer: '', relevant: [] },
];

function scripted(name: string, answers: Record<string, AnswerOutcome>): AnswerTarget {
  return { name, answer: async (q) => answers[q] ?? { answered: false, sentences: [] } };
}

describe('carrying a quote', () => {
  it('counts the share of the quote\'s words in one sentence', () => {
    expect(quoteShare(normalise('Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen.'), normalise(quote))).toBeCloseTo(9 / 12, 5);
  });

  it('needs 60 % of the words in one sentence of the quote\'s document', () => {
    const units = relevanceUnits(questions[0]);
    const right = { text: 'Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen van de samenleving, meebewegen.', doc: '004.txt' };
    expect(carriedUnits(units, [right]).units).toEqual([true]);
    expect(carriedUnits(units, [{ ...right, doc: '000.txt' }]).units).toEqual([false]);
    // Split over two sentences, neither holds 60 %.
    expect(carriedUnits(units, [{ text: 'Voor Dorien Zandvliet is het anders.', doc: '004.txt' }, { text: 'Beweging brengen van de samenleving.', doc: '004.txt' }]).units).toEqual([false]);
  });
});

describe('runAnswerEval', () => {
  it('scores carries, answered share, abstention and answer size per target', async () => {
    const ours = scripted('ours', {
      een: { answered: true, sentences: [{ text: `${quote}.`, doc: '004.txt' }], confidence: 0.9 },
      twee: { answered: true, sentences: [{ text: 'Alpha beta gamma delta epsilon zeta.', doc: 'a.txt' }, { text: 'Iets anders.', doc: 'b.txt' }], confidence: 0.6 },
      drie: { answered: false, sentences: [], confidence: 0.2 },
    });
    const naive = scripted('baseline:first-2-sentences', { een: { answered: true, sentences: [{ text: 'Niets.', doc: '004.txt' }] }, drie: { answered: true, sentences: [{ text: 'Iets.', doc: 'a.txt' }] } });
    const r = await runAnswerEval([ours, naive], questions);
    expect(r.answerableCount).toBe(2);
    const m = r.targets.ours;
    expect(m.carries).toBeCloseTo((1 + 0.5) / 2, 5);
    expect(m.answered).toBe(1);
    expect(m.abstention).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 });
    expect(m.sentencesPerAnswer).toBe(1.5);
    expect(m.byType.multi.carries).toBe(0.5);
    expect(r.targets['baseline:first-2-sentences']).toMatchObject({ carries: 0, answered: 0.5 });
    expect(r.targets['baseline:first-2-sentences'].abstention.precision).toBe(0);
    expect(r.questions[1].targets.ours.sentences.map((s) => s.carries)).toEqual([true, false]);
  });
});

describe('calibration', () => {
  it('applies each threshold to the same answers and picks the best F1, lowest threshold on ties', async () => {
    const r = await runAnswerEval([scripted('ours', {
      een: { answered: true, sentences: [{ text: `${quote}.`, doc: '004.txt' }], confidence: 0.9 },
      twee: { answered: true, sentences: [{ text: 'Alpha beta gamma delta epsilon zeta.', doc: 'a.txt' }], confidence: 0.4 },
      drie: { answered: true, sentences: [{ text: 'Iets.', doc: 'a.txt' }], confidence: 0.3 },
    })], questions);
    const rows = calibrate(calibrationPoints([r], 'ours'), [0, 0.35, 0.5]);
    expect(rows.map((x) => [x.answered, x.f1])).toEqual([[1, null], [1, 1], [0.5, 2 / 3]]);
    expect(bestThreshold(rows)?.threshold).toBe(0.35);
    expect(rows[2].carries).toBe(0.5);
  });

  it('replays the rules before the threshold from the recorded evidence: a topic word, and a number for "hoeveel"', async () => {
    const signals = { topicExact: 0.5, answerCue: 1 };
    const r = await runAnswerEval([scripted('ours', {
      een: { answered: true, sentences: [{ text: `${quote}.`, doc: '004.txt' }], confidence: 0.9, signals, answerType: 'quantity' },
      twee: { answered: true, sentences: [{ text: 'Alpha beta gamma delta epsilon zeta.', doc: 'a.txt' }], confidence: 0.9, signals: { ...signals, answerCue: 0 }, answerType: 'quantity' },
      drie: { answered: true, sentences: [{ text: 'Iets.', doc: 'a.txt' }], confidence: 0.9, signals: { ...signals, topicExact: 0 }, answerType: 'open' },
    })], questions);
    const [row] = calibrate(calibrationPoints([r], 'ours'), [0.5]);
    expect(row).toMatchObject({ answered: 0.5, f1: 2 / 3 });
    const lax = calibrate(calibrationPoints([r], 'ours', { ...answerDefaults.abstention, requireCue: [] }), [0.5]);
    expect(lax[0].answered).toBe(1);
  });

  it('abstentionF1 is null when it never abstains', () => {
    expect(abstentionF1([{ answerable: false, abstained: false }]).f1).toBeNull();
  });
});
