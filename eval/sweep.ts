// Parameter sweeps: the same questions against targets rebuilt for each value of one parameter (e.g.
// passage size), to choose defaults by measurement. The caller builds the targets (re-chunk, re-index).
import { runEval } from './run.ts';
import { fmt, formatTable } from './table.ts';
import type { EvalTarget, Question } from './types.ts';

export interface SweepRow {
  param: string;
  value: number | string;
  mode: string;
  'recall@5': number;
  'mrr@10': number;
  'ndcg@10': number;
  meanPassageChars: number;
}

export interface SweepOptions {
  k?: number;
  /** Where the per-value tables go. Default: stdout. */
  write?: (text: string) => void;
}

export async function runSweep(
  param: string,
  values: (number | string)[],
  buildTargets: (value: number | string) => Promise<EvalTarget[]>,
  questions: Question[],
  opts: SweepOptions = {},
): Promise<SweepRow[]> {
  const write = opts.write ?? ((text: string) => void process.stdout.write(text));
  const rows: SweepRow[] = [];
  for (const value of values) {
    const targets = await buildTargets(value);
    try {
      const report = await runEval(targets, questions, { k: opts.k });
      const these = Object.entries(report.modes).map(([mode, r]) => ({
        param, value, mode,
        'recall@5': r['recall@5'], 'mrr@10': r['mrr@10'], 'ndcg@10': r['ndcg@10'], meanPassageChars: r.meanPassageChars,
      }));
      rows.push(...these);
      write(`${param} = ${value}\n${formatSweepRows(these)}\n\n`);
    } finally {
      for (const t of targets) await t.close?.();
    }
  }
  return rows;
}

/** Rows as an aligned table (value, mode, recall@5, MRR@10, nDCG@10, mean passage chars). */
export function formatSweepRows(rows: SweepRow[]): string {
  return formatTable(
    [rows[0]?.param ?? 'value', 'mode', 'recall@5', 'mrr@10', 'ndcg@10', 'chars'],
    rows.map((r) => [String(r.value), r.mode, fmt(r['recall@5']), fmt(r['mrr@10']), fmt(r['ndcg@10']), r.meanPassageChars.toFixed(0)]),
    ['left', 'left'],
  );
}
