// The report as aligned text: modes x metrics, ratios to baselines, metrics by question type, abstention,
// and the questions our modes missed with the rank of the first relevant passage and the top passage.
import { fmt, formatTable } from './table.ts';
import { baselinePrefix, metricKeys, type EvalReport } from './types.ts';

export interface TerminalReportOptions {
  /** Failed questions listed per mode. Default 15. */
  maxFailures?: number;
}

const snippet = 90;

export function formatTerminalReport(report: EvalReport, opts: TerminalReportOptions = {}): string {
  const modes = Object.keys(report.modes);
  const sections: string[] = [];

  sections.push(
    `${report.questionCount} questions (${report.answerableCount} answerable), depth ${report.k}\n\n` +
      formatTable(
        ['mode', ...metricKeys, 'chars', 'p50 ms', 'p95 ms'],
        modes.map((m) => {
          const r = report.modes[m];
          return [m, ...metricKeys.map((key) => fmt(r[key])), r.meanPassageChars.toFixed(0), r.latencyMs.p50.toFixed(1), r.latencyMs.p95.toFixed(1)];
        }),
      ),
  );

  const ratioRows = Object.entries(report.vsBaselines).flatMap(([mode, bases]) =>
    Object.entries(bases).map(([base, ratios]) => [`${mode} / ${base}`, ...metricKeys.map((key) => (ratios[key] === null ? '-' : `x${ratios[key]!.toFixed(2)}`))]),
  );
  if (ratioRows.length > 0) sections.push('Ratio to baselines\n\n' + formatTable(['ours / baseline', ...metricKeys], ratioRows));

  const types = [...new Set(modes.flatMap((m) => Object.keys(report.modes[m].byType)))];
  if (types.length > 0) {
    for (const key of ['recall@5', 'mrr@10'] as const) {
      const rows = types.map((t) => {
        const count = modes.map((m) => report.modes[m].byType[t]?.count).find((c) => c !== undefined) ?? 0;
        return [`${t} (${count})`, ...modes.map((m) => fmt(report.modes[m].byType[t]?.[key]))];
      });
      sections.push(`${key} by type\n\n` + formatTable(['type', ...modes], rows));
    }
  }

  const abst = Object.entries(report.abstention);
  if (abst.length > 0) {
    sections.push(
      'Abstention on unanswerable questions\n\n' +
        formatTable(
          ['mode', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall'],
          abst.map(([m, a]) => [m, ...[a.truePositives, a.falsePositives, a.falseNegatives, a.trueNegatives].map(String), fmt(a.precision), fmt(a.recall)]),
        ),
    );
  }

  sections.push(failures(report, opts.maxFailures ?? 15));
  return sections.join('\n\n') + '\n';
}

/** Answerable questions not fully found in the top 5, for our modes (all modes when only baselines ran). */
function failures(report: EvalReport, max: number): string {
  const all = Object.keys(report.modes);
  const ours = all.filter((m) => !m.startsWith(baselinePrefix));
  const out: string[] = [];
  for (const mode of ours.length > 0 ? ours : all) {
    const failed = report.questions.filter((q) => q.answerable && q.modes[mode]['recall@5'] < 1);
    out.push(`Missed in the top 5 by ${mode}: ${failed.length}`);
    const rows = failed.slice(0, max).map((q) => {
      const r = q.modes[mode];
      const top = r.top[0];
      return [
        q.id,
        q.type,
        r.firstRelevantRank === null ? '-' : String(r.firstRelevantRank),
        clip(q.question, 60),
        top ? `${top.doc}: ${clip(top.text, snippet)}` : '(no hits)',
      ];
    });
    if (rows.length > 0) out.push(formatTable(['id', 'type', 'rank', 'question', 'top passage'], rows, ['left', 'left', 'right', 'left', 'left']));
    if (failed.length > max) out.push(`... and ${failed.length - max} more`);
  }
  return out.join('\n\n');
}

function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
