// Ranking metrics over a judged ranking: for each returned passage (best first), the indexes of the
// relevance units it finds (see relevance.ts). One definition serves both relevance levels:
// - alternative quotes form one unit, so recall@k is hit/miss and nDCG rewards putting one relevant
//   passage high;
// - `multi` quotes and document-level entries are one unit each, so recall@k is the fraction found and
//   each unit (each document) counts once, however many of its passages are returned.
import type { AbstentionReport } from './types.ts';

/** judged[i] = units found by the passage at rank i+1. */
export type JudgedRanking = number[][];

/** Fraction of the units found in the top k (0 when there are none to find). */
export function recallAt(judged: JudgedRanking, unitCount: number, k: number): number {
  if (unitCount === 0) return 0;
  const found = new Set<number>();
  for (const units of judged.slice(0, k)) for (const u of units) found.add(u);
  return found.size / unitCount;
}

/** 1-based rank of the first passage that finds any unit within the top k, null when none does. */
export function firstRelevantRank(judged: JudgedRanking, k = judged.length): number | null {
  const i = judged.slice(0, k).findIndex((units) => units.length > 0);
  return i < 0 ? null : i + 1;
}

export function reciprocalRankAt(judged: JudgedRanking, k: number): number {
  const rank = firstRelevantRank(judged, k);
  return rank === null ? 0 : 1 / rank;
}

/**
 * nDCG@k with binary gains: a passage earns gain 1 when it finds a unit no earlier passage found (a second
 * passage from the same relevant document, or repeating an already found quote, earns 0). The ideal DCG
 * puts one new unit at each of the first min(unitCount, k) ranks. For passage-level alternatives there is
 * one unit, so this is 1/log2(1 + rank of the first relevant passage).
 */
export function ndcgAt(judged: JudgedRanking, unitCount: number, k: number): number {
  if (unitCount === 0) return 0;
  const seen = new Set<number>();
  let dcg = 0;
  judged.slice(0, k).forEach((units, i) => {
    const fresh = units.filter((u) => !seen.has(u));
    if (fresh.length === 0) return;
    for (const u of fresh) seen.add(u);
    dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < Math.min(unitCount, k); i++) idcg += 1 / Math.log2(i + 2);
  return dcg / idcg;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Nearest-rank percentile (p in 0..100): the smallest value with at least p % of values at or below it. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Abstention as detection of unanswerable questions: abstaining on an answerable one is a false positive. */
export function abstentionScores(outcomes: { answerable: boolean; abstained: boolean }[]): AbstentionReport {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const o of outcomes) {
    if (o.abstained) o.answerable ? fp++ : tp++;
    else o.answerable ? tn++ : fn++;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}
