import { describe, expect, it } from 'vitest';
import { buildPlainBm25Baseline } from '../../eval/baselines/bm25-plain.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { formatTerminalReport } from '../../eval/report-terminal.ts';
import { renderHtmlReport } from '../../eval/report-html.ts';
import { runEval } from '../../eval/run.ts';
import type { EvalTarget } from '../../eval/types.ts';
import { corpusDir, devSet, haveDev, missingDev } from './shared-data.ts';
import { readSourceTexts } from '../../eval/source-texts.ts';

describe.skipIf(!haveDev)('reports over a dev-set run', async () => {
  const questions = haveDev ? loadQuestions(devSet!) : [];
  const bm25 = haveDev ? await buildPlainBm25Baseline(readSourceTexts(corpusDir!)) : null;
  // "Ours" for the report: plain BM25 under a mode name, abstaining when it finds nothing.
  const lexical: EvalTarget = {
    name: 'lexical',
    search: (q, k) => bm25!.search(q, k),
    abstains: async (q) => (await bm25!.search(q, 1)).length === 0,
  };
  const report = haveDev ? await runEval([lexical, bm25!], questions) : null;

  it('terminal: aligned modes x metrics table, ratios, by-type tables, abstention and missed questions', () => {
    const text = formatTerminalReport(report!);
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('mode '))!;
    const row = lines.find((l) => l.startsWith('baseline:bm25-plain '))!;
    expect(header).toContain('recall@5');
    // aligned: the recall@5 column ends at the same offset in header and row
    const end = header.indexOf('recall@5') + 'recall@5'.length;
    expect(row.slice(0, end)).toMatch(/0\.845$/);
    expect(text).toContain('lexical / baseline:bm25-plain');
    expect(text).toMatch(/paraphrase \(10\)/);
    expect(text).toContain('Abstention on unanswerable questions');
    expect(text).toMatch(/Missed in the top 5 by lexical: \d+/);
    expect(text).not.toContain('Missed in the top 5 by baseline');
  });

  it('html: self-contained page with SVG charts and one row per question', () => {
    const html = renderHtmlReport(report!, { title: 'Dev <set>' });
    expect(html).toContain('<title>Dev &lt;set&gt;</title>');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<polyline /g)).toHaveLength(2); // one recall curve per mode
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//); // no external assets
    for (const q of questions) expect(html).toContain(`<td>${q.id}</td>`);
  });
});
if (!haveDev) console.warn(missingDev);
