import { describe, expect, it } from 'vitest';
import { checkGate, parseGateThresholds } from '../../eval/gate.ts';
import { runEval } from '../../eval/run.ts';
import type { Question } from '../../eval/types.ts';

const questions: Question[] = [
  { id: 'q1', question: 'een', type: 'fact', answer: '', relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma' }] },
  { id: 'q2', question: 'twee', type: 'fact', answer: '', relevant: [{ doc: 'a.txt', quote: 'delta epsilon zeta' }] },
];
const report = await runEval(
  [
    { name: 'hybrid', search: async (q) => (q === 'een' ? [{ doc: 'a.txt', text: 'alpha beta gamma', score: 1 }] : []) },
    { name: 'baseline:x', search: async () => [] },
  ],
  questions,
);

describe('gate', () => {
  it('parses commander-style options, strings included', () => {
    expect(parseGateThresholds({ minRecall5: '0.9', maxP95Ms: 250, other: 'x' })).toEqual({ minRecall5: 0.9, maxP95Ms: 250 });
    expect(() => parseGateThresholds({ minRecall5: '1.5' })).toThrow(/--min-recall5/);
    expect(() => parseGateThresholds({ minMrr10: 'abc' })).toThrow(/--min-mrr10/);
  });

  it('lists each failed threshold for our modes, not baselines, with exit code 1', () => {
    const r = checkGate(report, { minRecall5: 0.9, minMrr10: 0.5 });
    expect(r.failures).toEqual(['hybrid: recall@5 0.500 < 0.9']);
    expect(r.exitCode).toBe(1);
    expect(checkGate(report, { minRecall5: 0.5, maxP95Ms: 10_000 })).toEqual({ failures: [], exitCode: 0 });
    expect(checkGate(report, { minRecall5: 0.5 }, ['dense']).failures).toEqual(['dense: not in the report']);
  });
});
