import { describe, expect, it } from 'vitest';
import { runEval } from '../../eval/run.ts';
import type { EvalHit, EvalTarget, Question } from '../../eval/types.ts';

const questions: Question[] = [
  { id: 'q1', question: 'een', type: 'fact', answer: '', relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma delta epsilon' }] },
  {
    id: 'q2', question: 'twee', type: 'multi', answer: '',
    relevant: [{ doc: 'a.txt', quote: 'zeta eta theta iota kappa' }, { doc: 'b.txt', quote: 'lambda mu nu xi omicron' }],
  },
  { id: 'q3', question: 'drie', type: 'unanswerable', answer: '', relevant: [] },
];

const noise = (doc: string): EvalHit => ({ doc, text: 'niets relevants hier', score: 0 });

/** Test double: fixed hits per query. */
function scripted(name: string, hits: Record<string, EvalHit[]>, abstainOn: string[] = []): EvalTarget {
  return {
    name,
    search: async (q, k) => (hits[q] ?? []).slice(0, k),
    abstains: async (q) => abstainOn.includes(q),
  };
}

const ours = scripted('hybrid', {
  // q1: relevant passage at rank 2
  een: [noise('a.txt'), { doc: 'a.txt', text: 'x Alpha, beta gamma delta epsilon y', score: 1 }],
  // q2: first quote at rank 1, second quote at rank 6
  twee: [
    { doc: 'a.txt', text: 'zeta eta theta iota kappa', score: 1 },
    noise('b.txt'), noise('b.txt'), noise('b.txt'), noise('b.txt'),
    { doc: 'b.txt', text: 'lambda mu nu xi omicron', score: 1 },
  ],
  drie: [noise('a.txt')],
}, ['drie', 'een']);

const base = scripted('baseline:bm25-plain', {
  een: [{ doc: 'a.txt', text: 'alpha beta gamma delta epsilon', score: 1 }],
  twee: [noise('a.txt')],
});

describe('runEval', () => {
  it('computes the report from hand-checked rankings', async () => {
    const r = await runEval([ours, base], questions, { k: 10 });
    expect(r.questionCount).toBe(3);
    expect(r.answerableCount).toBe(2);
    const m = r.modes.hybrid;
    // q1: recall@1 0, @5 1; q2 (multi): @1 1/2, @5 1/2, @10 1
    expect(m['recall@1']).toBeCloseTo((0 + 0.5) / 2);
    expect(m['recall@5']).toBeCloseTo((1 + 0.5) / 2);
    expect(m['recall@10']).toBeCloseTo(1);
    expect(m['mrr@10']).toBeCloseTo((1 / 2 + 1) / 2);
    const ndcgQ2 = (1 + 1 / Math.log2(7)) / (1 + 1 / Math.log2(3));
    expect(m['ndcg@10']).toBeCloseTo((1 / Math.log2(3) + ndcgQ2) / 2);
    expect(m.byType.multi).toMatchObject({ count: 1, 'recall@5': 0.5 });
    // by document: q2 restricted to b.txt is found at rank 6; a.txt holds q1 (rank 2) and q2's first quote (rank 1)
    expect(m.byDocument.b).toMatchObject({ count: 1, 'recall@5': 0, 'recall@10': 1 });
    expect(m.byDocument.a).toMatchObject({ count: 2, 'recall@1': 0.5 });
    expect(m.recallCurve).toHaveLength(10);
    expect(m.recallCurve[4]).toBeCloseTo(m['recall@5']);
    expect(m.meanPassageChars).toBeGreaterThan(0);
    expect(m.latencyMs.p95).toBeGreaterThanOrEqual(m.latencyMs.p50);

    // abstained on q3 (right) and on q1 (a false positive)
    expect(r.abstention.hybrid).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });

    expect(r.modes['baseline:bm25-plain']['recall@5']).toBeCloseTo(0.5);
    expect(r.vsBaselines.hybrid['baseline:bm25-plain']['recall@5']).toBeCloseTo(0.75 / 0.5);
    expect(r.vsBaselines['baseline:bm25-plain']).toBeUndefined();

    const q1 = r.questions[0];
    expect(q1.modes.hybrid).toMatchObject({ firstRelevantRank: 2, hit: true, found: 1, abstained: true });
    expect(q1.modes.hybrid.top[1]).toEqual({ doc: 'a.txt', text: 'x Alpha, beta gamma delta epsilon y', relevant: true });
    expect(r.questions[2]).toMatchObject({ answerable: false });
    expect(r.questions[1].modes['baseline:bm25-plain']).toMatchObject({ firstRelevantRank: null, hit: false });
  });

  it('truncates passages in the report to 160 characters and respects the depth', async () => {
    const long = { doc: 'a.txt', text: 'woord '.repeat(100), score: 1 };
    const t = scripted('lexical', { een: Array(20).fill(long) });
    const r = await runEval([t], questions.slice(0, 1), { k: 10 });
    expect(r.questions[0].modes.lexical.top[0].text).toHaveLength(160);
    expect(r.modes.lexical.meanPassageChars).toBe(600);
  });
});
