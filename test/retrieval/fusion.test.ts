// Fusion, diversification and merging of ranked lists, on hand-made lists with known answers.
import { describe, expect, it } from 'vitest';
import { diversify, fuse, mergeAdjacent } from '../../retrieval/fusion.ts';

const lexical = [
  { id: 1, score: 10 },
  { id: 2, score: 6 },
  { id: 3, score: 2 },
];
const dense = [
  { id: 3, score: 0.9 },
  { id: 4, score: 0.5 },
  { id: 1, score: 0.4 },
];

describe('fuse', () => {
  it('RRF adds 1/(k + rank) per list, weighted', () => {
    const f = fuse({ lexical, dense }, { method: 'rrf', rrfK: 60, weights: { lexical: 0.5, dense: 0.5 } });
    const byId = new Map(f.map((e) => [e.id, e]));
    expect(byId.get(1)!.score).toBeCloseTo(0.5 / 61 + 0.5 / 63, 10);
    expect(byId.get(3)!.score).toBeCloseTo(0.5 / 63 + 0.5 / 61, 10);
    expect(byId.get(4)!.score).toBeCloseTo(0.5 / 62, 10);
    expect(f.map((e) => e.id)).toEqual([1, 3, 2, 4]); // ties broken by id
    expect(byId.get(1)!.signals).toEqual({ lexical: { score: 10, rank: 1 }, dense: { score: 0.4, rank: 3 } });
  });

  it('convex combination of min-max normalised scores lets the weaker list only re-order', () => {
    const f = fuse({ lexical, dense }, { method: 'convex', rrfK: 60, weights: { lexical: 0.8, dense: 0.2 } });
    const byId = new Map(f.map((e) => [e.id, e.score]));
    expect(byId.get(1)).toBeCloseTo(0.8 * 1 + 0.2 * 0, 10);
    expect(byId.get(2)).toBeCloseTo(0.8 * 0.5, 10);
    expect(byId.get(3)).toBeCloseTo(0.8 * 0 + 0.2 * 1, 10);
    expect(byId.get(4)).toBeCloseTo(0.2 * 0.2, 10);
    expect(f[0].id).toBe(1);
  });

  it('works when one list is empty, and a single list keeps its own scores', () => {
    expect(fuse({ lexical, dense: [] }, { method: 'convex', rrfK: 60, weights: { lexical: 0.8, dense: 0.2 } }).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(fuse({ lexical: [], dense }, { method: 'rrf', rrfK: 60, weights: { lexical: 0.5, dense: 0.5 } }).map((e) => e.id)).toEqual([3, 4, 1]);
    expect(fuse({ lexical }, { method: 'convex', rrfK: 60, weights: {} }).map((e) => e.score)).toEqual([10, 6, 2]);
  });

  it('fuses any number of signals by name', () => {
    const third = [{ id: 2, score: 5 }, { id: 4, score: 1 }];
    const f = fuse({ lexical, dense, third }, { method: 'convex', rrfK: 60, weights: { lexical: 0.5, dense: 0.2, third: 0.3 } });
    const byId = new Map(f.map((e) => [e.id, e]));
    expect(byId.get(2)!.score).toBeCloseTo(0.5 * 0.5 + 0.3 * 1, 10);
    expect(byId.get(4)!.signals.third).toEqual({ score: 1, rank: 2 });
  });
});

describe('diversify', () => {
  it('moves the entries past the per-document limit behind the others, keeping order', () => {
    const ranked = ['a', 'a', 'a', 'b', 'a', 'c'].map((docId, i) => ({ docId, i }));
    expect(diversify(ranked, 2).map((r) => r.i)).toEqual([0, 1, 3, 5, 2, 4]);
    expect(diversify(ranked, 0).map((r) => r.i)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('mergeAdjacent', () => {
  it('merges overlapping spans of one document at the better rank, within the size limit', () => {
    const ranked = [
      { docId: 'a', start: 100, end: 200, ids: [2] },
      { docId: 'b', start: 0, end: 100, ids: [9] },
      { docId: 'a', start: 0, end: 120, ids: [1] },
      { docId: 'a', start: 500, end: 600, ids: [5] },
    ];
    const merged = mergeAdjacent(ranked);
    expect(merged).toEqual([
      { docId: 'a', start: 0, end: 200, ids: [2, 1] },
      { docId: 'b', start: 0, end: 100, ids: [9] },
      { docId: 'a', start: 500, end: 600, ids: [5] },
    ]);
    // A merge that would exceed the limit keeps both.
    expect(mergeAdjacent(ranked, 150)).toHaveLength(4);
  });
});
