// Combining the lexical and dense candidate lists into one ranking, then shaping the top of it.
import type { ScoredId } from '../index/types.ts';

export interface FusionParams {
  method: 'rrf' | 'convex';
  /** RRF constant: larger flattens the contribution of rank differences. */
  rrfK: number;
  /** Weight of the dense list (the lexical list has 1 - denseWeight). */
  denseWeight: number;
}

export interface Fused {
  id: number;
  score: number;
  lexical?: number;
  dense?: number;
  lexicalRank?: number;
  denseRank?: number;
}

/** Fuses two ranked lists. RRF uses ranks only; convex combines min-max normalised scores, so a retriever that is
 *  unsure (flat scores) moves the ranking less than one that separates its candidates clearly. */
export function fuse(lexical: ScoredId[], dense: ScoredId[], p: FusionParams): Fused[] {
  const byId = new Map<number, Fused>();
  const entry = (id: number) => {
    let e = byId.get(id);
    if (!e) byId.set(id, (e = { id, score: 0 }));
    return e;
  };
  lexical.forEach((c, i) => Object.assign(entry(c.id), { lexical: c.score, lexicalRank: i + 1 }));
  dense.forEach((c, i) => Object.assign(entry(c.id), { dense: c.score, denseRank: i + 1 }));

  const wL = 1 - p.denseWeight;
  const wD = p.denseWeight;
  if (p.method === 'rrf') {
    for (const e of byId.values()) {
      e.score = (e.lexicalRank ? wL / (p.rrfK + e.lexicalRank) : 0) + (e.denseRank ? wD / (p.rrfK + e.denseRank) : 0);
    }
  } else {
    const norm = (list: ScoredId[]) => {
      if (list.length === 0) return (_: number) => 0;
      const max = list[0].score;
      const min = list[list.length - 1].score;
      const span = max - min;
      return (s: number) => (span > 0 ? (s - min) / span : 1);
    };
    const nL = norm(lexical);
    const nD = norm(dense);
    for (const e of byId.values()) {
      e.score = (e.lexical !== undefined ? wL * nL(e.lexical) : 0) + (e.dense !== undefined ? wD * nD(e.dense) : 0);
    }
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id - b.id);
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
