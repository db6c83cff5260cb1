// The answer-level report (eval/answers.ts) as aligned text and as one self-contained HTML page.
import { fmt, formatTable } from './table.ts';
import { baselinePrefix } from './types.ts';
import type { AnswerReport } from './answers.ts';
import type { CalibrationRow } from './calibrate.ts';
import { esc, htmlHead } from './report-html.ts';

const HEADER = ['target', 'carries', 'answered', 'carries|ans', 'abst P', 'abst R', 'abst F1', 'sent/ans', 'chars/ans', 'p50 ms', 'p95 ms'];

/** One row per target: the figures of the summary table (terminal and HTML alike). */
function summaryRows(report: AnswerReport): string[][] {
  return Object.entries(report.targets).map(([name, m]) => [
    name, fmt(m.carries), fmt(m.answered), fmt(m.carriesWhenAnswered), fmt(m.abstention.precision), fmt(m.abstention.recall),
    fmt(m.abstention.f1), m.sentencesPerAnswer.toFixed(1), m.charsPerAnswer.toFixed(0), m.latencyMs.p50.toFixed(1), m.latencyMs.p95.toFixed(1),
  ]);
}

function typeRows(report: AnswerReport): { header: string[]; rows: string[][] } {
  const names = Object.keys(report.targets);
  const types = [...new Set(names.flatMap((n) => Object.keys(report.targets[n].byType)))];
  const rows = types.map((t) => {
    const count = names.map((n) => report.targets[n].byType[t]?.count).find((c) => c !== undefined) ?? 0;
    return [`${t} (${count})`, ...names.map((n) => fmt(report.targets[n].byType[t]?.carries))];
  });
  return { header: ['carries by type', ...names], rows };
}

export function formatAnswerReport(report: AnswerReport, maxMisses = 20): string {
  const sections = [
    `${report.questionCount} questions (${report.answerableCount} answerable)\n\n${formatTable(HEADER, summaryRows(report))}`,
  ];
  const types = typeRows(report);
  if (types.rows.length > 0) sections.push(formatTable(types.header, types.rows));
  for (const name of Object.keys(report.targets).filter((n) => !n.startsWith(baselinePrefix))) {
    const misses = report.questions.filter((q) => (q.answerable ? q.targets[name].carried < 1 : q.targets[name].answered));
    const rows = misses.slice(0, maxMisses).map((q) => {
      const r = q.targets[name];
      const what = !q.answerable ? 'answered' : r.answered ? `carried ${r.carried.toFixed(2)}` : 'abstained';
      return [q.id, q.type, what, clip(q.question, 55), clip(r.sentences[0]?.text ?? '', 80)];
    });
    sections.push(`Not carried (or unanswerable but answered) by ${name}: ${misses.length}` +
      (rows.length > 0 ? `\n\n${formatTable(['id', 'type', 'outcome', 'question', 'first sentence'], rows, ['left', 'left', 'left', 'left', 'left'])}` : '') +
      (misses.length > maxMisses ? `\n... and ${misses.length - maxMisses} more` : ''));
  }
  return `${sections.join('\n\n')}\n`;
}

export function renderAnswerHtml(report: AnswerReport, title = 'Raadsarchief answer evaluation'): string {
  const names = Object.keys(report.targets);
  const types = typeRows(report);
  const table = (header: string[], rows: string[][]) =>
    `<table><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  const questionRows = report.questions.map((q) => {
    const cells = names.map((n) => {
      const r = q.targets[n];
      const cls = q.answerable ? (r.carried >= 1 ? 'hit' : r.carried > 0 ? 'part' : 'miss') : r.answered ? 'miss' : 'hit';
      const body = r.answered
        ? r.sentences.map((s) => `<div class="${s.carries ? 'carry' : 'snip'}">${esc(s.text)} <i>(${esc(s.doc)})</i></div>`).join('')
        : '<div class="snip">abstained</div>';
      return `<td class="${cls}">${body}</td>`;
    });
    return `<tr><td>${esc(q.id)}</td><td>${esc(q.type)}</td><td>${esc(q.question)}</td>${cells.join('')}</tr>`;
  });
  return `${htmlHead(title)}
td.miss{background:#fde2e2}td.hit{background:#dff5df}td.part{background:#f5f5d5}
.snip{color:#555;font-size:12px;max-width:32em}.carry{font-size:12px;max-width:32em;font-weight:600}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${report.questionCount} questions (${report.answerableCount} answerable). A sentence in bold carries a relevant quote
(at least 60 % of its words, from the quote's document).</p>
${table(HEADER, summaryRows(report))}
${types.rows.length > 0 ? table(types.header, types.rows) : ''}
<h2>Questions</h2>
<table><tr><th>id</th><th>type</th><th>question</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}</tr>${questionRows.join('')}</table>
</body></html>
`;
}

/** The threshold sweep, every 0.05 and the best row. */
export function formatCalibration(rows: CalibrationRow[], best: CalibrationRow | null): string {
  const shown = rows.filter((r) => Math.round(r.threshold * 100) % 5 === 0 || r === best);
  const table = formatTable(
    ['threshold', 'answered', 'carries', 'abst P', 'abst R', 'abst F1'],
    shown.map((r) => [`${r.threshold.toFixed(2)}${r === best ? ' *' : ''}`, fmt(r.answered), fmt(r.carries), fmt(r.precision), fmt(r.recall), fmt(r.f1)]),
  );
  return `Abstention threshold sweep (* best F1)\n\n${table}\n`;
}

function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
