// Quality gate for CI: thresholds such as `--min-recall5 0.9` checked against a report, giving the list
// of failures and the process exit code.
import { z } from 'zod';
import { ArchiveError } from '../lib/errors.ts';
import { baselinePrefix, type EvalReport, type MetricKey } from './types.ts';

/** The gate's command-line options; `key` is what commander makes of `flag`. */
export const gateOptions = [
  { flag: '--min-recall1 <x>', key: 'minRecall1', metric: 'recall@1', description: 'fail when recall@1 is below x' },
  { flag: '--min-recall5 <x>', key: 'minRecall5', metric: 'recall@5', description: 'fail when recall@5 is below x' },
  { flag: '--min-recall10 <x>', key: 'minRecall10', metric: 'recall@10', description: 'fail when recall@10 is below x' },
  { flag: '--min-mrr10 <x>', key: 'minMrr10', metric: 'mrr@10', description: 'fail when MRR@10 is below x' },
  { flag: '--min-ndcg10 <x>', key: 'minNdcg10', metric: 'ndcg@10', description: 'fail when nDCG@10 is below x' },
  { flag: '--max-p95-ms <ms>', key: 'maxP95Ms', metric: null, description: 'fail when p95 search latency exceeds ms' },
] as const satisfies readonly { flag: string; key: string; metric: MetricKey | null; description: string }[];

type GateKey = (typeof gateOptions)[number]['key'];
export type GateThresholds = Partial<Record<GateKey, number>>;

const fraction = z.coerce.number().min(0).max(1).optional();
const thresholdSchema = z.object({
  minRecall1: fraction,
  minRecall5: fraction,
  minRecall10: fraction,
  minMrr10: fraction,
  minNdcg10: fraction,
  maxP95Ms: z.coerce.number().positive().optional(),
});

/** Picks and validates the gate options out of parsed command-line options (strings or numbers). */
export function parseGateThresholds(options: Record<string, unknown>): GateThresholds {
  const picked = Object.fromEntries(gateOptions.filter((o) => options[o.key] !== undefined).map((o) => [o.key, options[o.key]]));
  const parsed = thresholdSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = gateOptions.find((o) => o.key === issue.path[0]);
    throw new ArchiveError('ERR_USAGE', `${option?.flag.split(' ')[0] ?? 'gate option'}: ${issue.message}`);
  }
  return parsed.data;
}

export interface GateResult {
  failures: string[];
  exitCode: 0 | 1;
}

/** Checks every threshold for each of `modes` (default: every mode that is not a baseline). */
export function checkGate(report: EvalReport, thresholds: GateThresholds, modes?: string[]): GateResult {
  const checked = modes ?? Object.keys(report.modes).filter((m) => !m.startsWith(baselinePrefix));
  const failures: string[] = [];
  for (const mode of checked) {
    const r = report.modes[mode];
    if (!r) {
      failures.push(`${mode}: not in the report`);
      continue;
    }
    for (const o of gateOptions) {
      const limit = thresholds[o.key];
      if (limit === undefined) continue;
      if (o.metric === null) {
        if (r.latencyMs.p95 > limit) failures.push(`${mode}: p95 latency ${r.latencyMs.p95.toFixed(1)} ms > ${limit} ms`);
      } else if (r[o.metric] < limit) {
        failures.push(`${mode}: ${o.metric} ${r[o.metric].toFixed(3)} < ${limit}`);
      }
    }
  }
  return { failures, exitCode: failures.length > 0 ? 1 : 0 };
}
