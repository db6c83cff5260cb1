// The report as one self-contained HTML page (no external assets): summary table, inline SVG charts
// (recall@k curve per mode for k = 1..10, recall@5 bars per question type) and the per-question table.
import { metricKeys, type EvalReport } from './types.ts';

export interface HtmlReportOptions {
  title?: string;
}

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export function renderHtmlReport(report: EvalReport, opts: HtmlReportOptions = {}): string {
  const title = opts.title ?? 'Raadsarchief retrieval evaluation';
  const modes = Object.keys(report.modes);
  const color = (m: string) => palette[modes.indexOf(m) % palette.length];
  return `${htmlHead(title)}
td.miss{background:#fde2e2}td.hit1{background:#dff5df}td.hit{background:#f5f5d5}
.snip{color:#555;font-size:12px;max-width:28em}.charts{display:flex;flex-wrap:wrap;gap:2em}
.legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${report.questionCount} questions (${report.answerableCount} answerable), retrieval depth ${report.k}.</p>
<div class="legend">${modes.map((m) => `<span><i style="background:${color(m)}"></i>${esc(m)}</span>`).join('')}</div>
${summaryTable(report)}
<div class="charts">${recallCurve(report, color)}${typeBars(report, color)}</div>
${abstentionTable(report)}
<h2>Questions</h2>
${questionTable(report)}
</body></html>
`;
}

function summaryTable(report: EvalReport): string {
  const rows = Object.entries(report.modes).map(
    ([m, r]) =>
      `<tr><td>${esc(m)}</td>${metricKeys.map((key) => num(r[key])).join('')}<td class="n">${r.meanPassageChars.toFixed(0)}</td>` +
      `<td class="n">${r.latencyMs.p50.toFixed(1)}</td><td class="n">${r.latencyMs.p95.toFixed(1)}</td></tr>`,
  );
  const ratios = Object.entries(report.vsBaselines).flatMap(([m, bases]) =>
    Object.entries(bases).map(
      ([b, rs]) => `<tr><td>${esc(m)} / ${esc(b)}</td>${metricKeys.map((key) => `<td class="n">${rs[key] === null ? '-' : '×' + rs[key]!.toFixed(2)}</td>`).join('')}</tr>`,
    ),
  );
  return `<table><tr><th>mode</th>${metricKeys.map((key) => `<th>${key}</th>`).join('')}<th>chars</th><th>p50 ms</th><th>p95 ms</th></tr>${rows.join('')}</table>` +
    (ratios.length > 0 ? `<table><tr><th>ours / baseline</th>${metricKeys.map((key) => `<th>${key}</th>`).join('')}</tr>${ratios.join('')}</table>` : '');
}

/** Line chart of recall@k, k = 1..10, one line per mode. */
function recallCurve(report: EvalReport, color: (m: string) => string): string {
  const w = 420, h = 260, left = 40, bottom = 30, top = 20, right = 10;
  const x = (k: number) => left + ((k - 1) / 9) * (w - left - right);
  const y = (v: number) => top + (1 - v) * (h - top - bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((v) => `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 4}" y="${y(v) + 4}" text-anchor="end" font-size="10">${v}</text>`)
    .join('');
  const ticks = Array.from({ length: 10 }, (_, i) => `<text x="${x(i + 1)}" y="${h - bottom + 14}" text-anchor="middle" font-size="10">${i + 1}</text>`).join('');
  const lines = Object.entries(report.modes)
    .map(([m, r]) => `<polyline fill="none" stroke="${color(m)}" stroke-width="2" points="${r.recallCurve.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"><title>${esc(m)}</title></polyline>`)
    .join('');
  return `<figure><figcaption>recall@k</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${grid}${ticks}${lines}` +
    `<text x="${(w + left) / 2}" y="${h - 2}" text-anchor="middle" font-size="11">k</text></svg></figure>`;
}

/** Grouped bars of recall@5 per question type, one bar per mode. */
function typeBars(report: EvalReport, color: (m: string) => string): string {
  const modes = Object.keys(report.modes);
  const types = [...new Set(modes.flatMap((m) => Object.keys(report.modes[m].byType)))];
  if (types.length === 0) return '';
  const barW = 12, gap = 28, left = 40, top = 20, plotH = 200, bottom = 40;
  const groupW = modes.length * barW + gap;
  const w = left + types.length * groupW + 10, h = top + plotH + bottom;
  const y = (v: number) => top + (1 - v) * plotH;
  const grid = [0, 0.5, 1]
    .map((v) => `<line x1="${left}" x2="${w}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 4}" y="${y(v) + 4}" text-anchor="end" font-size="10">${v}</text>`)
    .join('');
  const bars = types
    .map((t, g) => {
      const x0 = left + g * groupW + gap / 2;
      const rects = modes
        .map((m, i) => {
          const v = report.modes[m].byType[t]?.['recall@5'] ?? 0;
          return `<rect x="${x0 + i * barW}" y="${y(v).toFixed(1)}" width="${barW - 1}" height="${(v * plotH).toFixed(1)}" fill="${color(m)}"><title>${esc(m)} ${esc(t)}: ${v.toFixed(3)}</title></rect>`;
        })
        .join('');
      return `${rects}<text x="${x0 + (modes.length * barW) / 2}" y="${top + plotH + 14}" text-anchor="middle" font-size="10">${esc(t)}</text>`;
    })
    .join('');
  return `<figure><figcaption>recall@5 by question type</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${grid}${bars}</svg></figure>`;
}

function abstentionTable(report: EvalReport): string {
  const rows = Object.entries(report.abstention).map(
    ([m, a]) =>
      `<tr><td>${esc(m)}</td>${[a.truePositives, a.falsePositives, a.falseNegatives, a.trueNegatives].map((n) => `<td class="n">${n}</td>`).join('')}${num(a.precision)}${num(a.recall)}</tr>`,
  );
  if (rows.length === 0) return '';
  return `<h2>Abstention on unanswerable questions</h2><table><tr><th>mode</th><th>TP</th><th>FP</th><th>FN</th><th>TN</th><th>precision</th><th>recall</th></tr>${rows.join('')}</table>`;
}

function questionTable(report: EvalReport): string {
  const modes = Object.keys(report.modes);
  const head = `<tr><th>id</th><th>type</th><th>question</th>${modes.map((m) => `<th>${esc(m)}<br>rank · top passage</th>`).join('')}</tr>`;
  const rows = report.questions.map((q) => {
    const cells = modes.map((m) => {
      const r = q.modes[m];
      const top = r.top[0];
      const cls = !q.answerable ? '' : r.firstRelevantRank === null ? 'miss' : r.firstRelevantRank === 1 ? 'hit1' : 'hit';
      const rank = !q.answerable ? (r.abstained === undefined ? 'n/a' : r.abstained ? 'abstained' : 'answered') : r.firstRelevantRank ?? '–';
      const snip = top ? `<div class="snip">${esc(top.doc)}: ${esc(top.text)}</div>` : '';
      return `<td class="${cls}">${rank}${snip}</td>`;
    });
    return `<tr><td>${esc(q.id)}</td><td>${esc(q.type)}</td><td>${esc(q.question)}</td>${cells.join('')}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function num(x: number | null): string {
  return `<td class="n">${x === null ? '-' : x.toFixed(3)}</td>`;
}

/** The start of a report page up to its own style rules (tables and numbers look the same in every report). */
export function htmlHead(title: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}`;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
