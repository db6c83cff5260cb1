// Combining the ranked lists of the retrieval signals into one ranking, then shaping the top of it.
import type { SignalScore } from '../lib/types.ts';
import type { ScoredId } from '../index/types.ts';

export interface FusionParams {
  method: 'rrf' | 'convex';
  /** RRF constant: larger flattens the contribution of rank differences. */
  rrfK: number;
  /** Weight of each signal's list, by signal name; a signal without a weight counts 0. */
  weights: Record<string, number>;
}

export interface Fused {
  id: number;
  score: number;
  signals: Record<string, SignalScore>;
}

/** Fuses the signals' ranked lists (best first). RRF uses ranks only; convex combines min-max normalised scores, so
 *  a signal that is unsure (flat scores) moves the ranking less than one that separates its candidates clearly.
 *  A single list keeps its own scores. Ties are broken by id, so the order is deterministic. */
export function fuse(lists: Record<string, ScoredId[]>, p: FusionParams): Fused[] {
  const byId = new Map<number, Fused>();
  for (const [name, list] of Object.entries(lists)) {
    list.forEach((c, i) => {
      let e = byId.get(c.id);
      if (!e) byId.set(c.id, (e = { id: c.id, score: 0, signals: {} }));
      e.signals[name] = { score: c.score, rank: i + 1 };
    });
  }
  const names = Object.keys(lists);
  const contribution = names.length === 1 ? () => (s: SignalScore) => s.score : contributionOf(lists, p);
  const parts = new Map(names.map((n) => [n, contribution(n)]));
  for (const e of byId.values()) {
    for (const [name, s] of Object.entries(e.signals)) e.score += parts.get(name)!(s);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

function contributionOf(lists: Record<string, ScoredId[]>, p: FusionParams): (name: string) => (s: SignalScore) => number {
  return (name) => {
    const w = p.weights[name] ?? 0;
    if (p.method === 'rrf') return (s) => w / (p.rrfK + s.rank);
    const list = lists[name];
    const max = list[0]?.score ?? 0;
    const span = max - (list.at(-1)?.score ?? 0);
    return (s) => w * (span > 0 ? (s.score - (max - span)) / span : 1);
  };
}

export interface Span {
  docId: string;
  start: number;
  end: number;
}

/** Keeps at most `maxPerDocument` entries per document (the rest move behind), so one long document cannot fill
 *  the whole first page of results. Order within each group is kept. */
export function diversify<T extends { docId: string }>(ranked: T[], maxPerDocument: number): T[] {
  if (maxPerDocument <= 0) return ranked;
  const seen = new Map<string, number>();
  const head: T[] = [];
  const tail: T[] = [];
  for (const r of ranked) {
    const n = seen.get(r.docId) ?? 0;
    seen.set(r.docId, n + 1);
    (n < maxPerDocument ? head : tail).push(r);
  }
  return head.concat(tail);
}

/** Merges ranked spans of the same document that overlap or touch into one (at the position of the better one),
 *  so overlapping passages are not shown twice, as long as the merged span stays citation-sized (maxChars). */
export function mergeAdjacent<T extends Span & { ids: number[] }>(ranked: T[], maxChars = Infinity): T[] {
  const out: T[] = [];
  for (const r of ranked) {
    const host = out.find(
      (o) => o.docId === r.docId && r.start <= o.end && o.start <= r.end && Math.max(o.end, r.end) - Math.min(o.start, r.start) <= maxChars,
    );
    if (host) {
      host.start = Math.min(host.start, r.start);
      host.end = Math.max(host.end, r.end);
      host.ids = [...host.ids, ...r.ids];
    } else {
      out.push({ ...r, ids: [...r.ids] });
    }
  }
  return out;
}
