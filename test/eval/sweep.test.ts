import { describe, expect, it } from 'vitest';
import { runSweep } from '../../eval/sweep.ts';
import type { EvalTarget, Question } from '../../eval/types.ts';

const questions: Question[] = [
  { id: 'q1', question: 'een', type: 'fact', answer: '', relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma' }] },
];

describe('runSweep', () => {
  it('rebuilds targets per value, prints a table per value, and closes the targets', async () => {
    const closed: (number | string)[] = [];
    let out = '';
    const build = async (value: number | string): Promise<EvalTarget[]> => [
      {
        name: 'hybrid',
        // the relevant passage sits at rank `value`
        search: async () => Array.from({ length: Number(value) }, (_, i) => ({
          doc: 'a.txt', text: i === Number(value) - 1 ? 'alpha beta gamma' : 'iets anders', score: 1,
        })),
        close: async () => void closed.push(value),
      },
    ];
    const rows = await runSweep('rank', [1, 2, 7], build, questions, { write: (t) => (out += t) });
    expect(rows.map((r) => [r.value, r['recall@5'], r['mrr@10']])).toEqual([[1, 1, 1], [2, 1, 0.5], [7, 0, 1 / 7]]);
    expect(closed).toEqual([1, 2, 7]);
    expect(out).toContain('rank = 2');
    expect(out).toMatch(/hybrid\s+1\.000\s+0\.500/);
  });
});
