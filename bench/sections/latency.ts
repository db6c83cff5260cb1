// Query latency through the library (archive.search) per mode, and where the time of a hybrid search goes.
import type { Archive } from '../../archive/api.ts';
import type { SearchMode, Hit } from '../../lib/types.ts';
import { composeAnswer } from '../../answer/extractive.ts';
import { answerContext } from '../../answer/ask.ts';
import { load, summarize, type Summary } from '../lib/stats.ts';

export const MODES: SearchMode[] = ['lexical', 'dense', 'hybrid'];

export async function libraryLatency(archive: Archive, queries: string[], n: number, warmup = 20): Promise<Record<SearchMode, Summary> & { load: string }> {
  const out = {} as Record<SearchMode, Summary>;
  for (const mode of MODES) {
    for (let i = 0; i < warmup; i++) await archive.search(queries[i % queries.length]!, { mode, k: 10 });
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await archive.search(queries[i % queries.length]!, { mode, k: 10 });
      lat.push(performance.now() - t0);
    }
    out[mode] = summarize(lat);
  }
  return { ...out, load: load() };
}

export interface Breakdown {
  total: Summary;
  /** Per stage of retrieve() (its trace: analysis, signal:<name>, signals, fusion, hits), then answer composition. */
  stages: Record<string, Summary>;
  answer: Summary;
  load: string;
}

/**
 * Where a hybrid search spends its time, from retrieve()'s own trace: query analysis, each signal (the off-thread
 * dense search overlaps the main-thread signals; re-ranking signals run after them), all signals together, fusion, and
 * the hits (passage fetch, merging, highlighting); then answer composition (composeAnswer on the hits).
 */
export async function breakdown(archive: Archive, queries: string[], n: number): Promise<Breakdown> {
  const stages: Record<string, number[]> = {};
  const total: number[] = [];
  const answer: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = queries[i % queries.length]!;
    const trace: Record<string, number> = {};
    const t0 = performance.now();
    const hits: Hit[] = await archive.search(q, { mode: 'hybrid', k: 10, trace });
    total.push(performance.now() - t0);
    for (const [stage, msTaken] of Object.entries(trace)) (stages[stage] ??= []).push(msTaken);
    const a0 = performance.now();
    composeAnswer(q, hits, answerContext(archive, q));
    answer.push(performance.now() - a0);
  }
  // A signal that did not run for a query (no named source) counts 0 there.
  const summarised = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, summarize([...v, ...new Array<number>(n - v.length).fill(0)])]));
  return { total: summarize(total), stages: summarised, answer: summarize(answer), load: load() };
}
