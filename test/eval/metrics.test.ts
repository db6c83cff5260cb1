import { describe, expect, it } from 'vitest';
import { abstentionScores, firstRelevantRank, ndcgAt, percentile, recallAt, reciprocalRankAt } from '../../eval/metrics.ts';

// judged[i] = relevance units found by the passage at rank i+1
describe('recall@k', () => {
  it('is hit/miss for a single unit (alternative quotes)', () => {
    const judged = [[], [], [0], []];
    expect(recallAt(judged, 1, 1)).toBe(0);
    expect(recallAt(judged, 1, 2)).toBe(0);
    expect(recallAt(judged, 1, 3)).toBe(1);
  });

  it('is the fraction of units found for multi quotes and documents, each counted once', () => {
    const judged = [[1], [1], [], [0], [], [], [], [], [], [], [2]];
    expect(recallAt(judged, 3, 1)).toBeCloseTo(1 / 3);
    expect(recallAt(judged, 3, 5)).toBeCloseTo(2 / 3);
    expect(recallAt(judged, 3, 10)).toBeCloseTo(2 / 3); // unit 2 only at rank 11
  });

  it('is 0 with nothing to find', () => {
    expect(recallAt([[], []], 0, 5)).toBe(0);
  });
});

describe('MRR@10', () => {
  it('is 1 / rank of the first relevant passage within the top 10', () => {
    expect(firstRelevantRank([[], [], [0]])).toBe(3);
    expect(reciprocalRankAt([[], [], [0]], 10)).toBeCloseTo(1 / 3);
    expect(reciprocalRankAt([[0]], 10)).toBe(1);
    const late = [...Array.from({ length: 10 }, () => [] as number[]), [0]];
    expect(reciprocalRankAt(late, 10)).toBe(0);
    expect(firstRelevantRank(late, 10)).toBeNull();
  });
});

describe('nDCG@10', () => {
  it('for one unit is 1 / log2(1 + rank)', () => {
    expect(ndcgAt([[0]], 1, 10)).toBe(1);
    expect(ndcgAt([[], [], [0]], 1, 10)).toBeCloseTo(0.5); // 1/log2(4)
    expect(ndcgAt([[], [0], [0]], 1, 10)).toBeCloseTo(1 / Math.log2(3)); // the repeat earns nothing
  });

  it('document level: binary gains, each document once, ideal over min(#relevant, 10)', () => {
    // 3 relevant documents; ranks: rel(A), A again, non-rel, rel(B); C never retrieved.
    const judged = [[0], [0], [], [1]];
    const dcg = 1 + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(judged, 3, 10)).toBeCloseTo(dcg / idcg, 10);
    // 12 relevant documents: ideal DCG only over 10 ranks, so a perfect top 10 scores 1.
    const perfect = Array.from({ length: 10 }, (_, i) => [i]);
    expect(ndcgAt(perfect, 12, 10)).toBeCloseTo(1, 10);
  });
});

describe('latency percentiles (nearest rank)', () => {
  it('picks the value at ceil(p% * n)', () => {
    const ms = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(ms, 50)).toBe(50);
    expect(percentile(ms, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('abstention', () => {
  it('scores abstaining on unanswerable questions; abstaining on answerable ones is a false positive', () => {
    const r = abstentionScores([
      { answerable: false, abstained: true },
      { answerable: false, abstained: true },
      { answerable: false, abstained: false },
      { answerable: true, abstained: true },
      { answerable: true, abstained: false },
      { answerable: true, abstained: false },
    ]);
    expect(r).toMatchObject({ truePositives: 2, falseNegatives: 1, falsePositives: 1, trueNegatives: 2 });
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
  });

  it('reports null precision when the target never abstains', () => {
    expect(abstentionScores([{ answerable: false, abstained: false }]).precision).toBeNull();
  });
});
