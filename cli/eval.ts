// `raadsarchief eval`: retrieval quality of the current archive per mode, side by side with the baselines, as a
// terminal table, JSON and HTML; `--sweep` re-runs it over values of one parameter; gate options set the exit code.
import { Command, Option } from 'commander';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDir, rankingDefaults } from '../lib/config.ts';
import { ArchiveError } from '../lib/errors.ts';
import type { SearchMode } from '../lib/types.ts';
import type { Archive } from '../archive/api.ts';
import { openArchive } from '../archive/archive.ts';
import { formatNamed } from '../ingest/formats/index.ts';
import { wouldAbstain } from '../answer/ask.ts';
import { loadQuestions } from '../eval/qrels.ts';
import { archiveTarget } from '../eval/archive-target.ts';
import { runEval } from '../eval/run.ts';
import { formatTerminalReport } from '../eval/report-terminal.ts';
import { renderHtmlReport } from '../eval/report-html.ts';
import { readSourceTexts } from '../eval/source-texts.ts';
import { buildLangchainBaseline } from '../eval/baselines/langchain.ts';
import { buildPlainBm25Baseline } from '../eval/baselines/bm25-plain.ts';
import type { SourceText } from '../eval/baselines/chunks.ts';
import { runSweep, type SweepRow } from '../eval/sweep.ts';
import { runAnswerEvalCommand } from './eval-answers.ts';
import { checkGate, gateOptions, parseGateThresholds } from '../eval/gate.ts';
import type { EvalTarget, Question } from '../eval/types.ts';

interface EvalOptions {
  qrels: string;
  modes: string;
  k: number;
  json?: string;
  html?: string;
  corpus?: string;
  baselines: boolean;
  sweep?: string;
  answers?: boolean;
  ablate?: boolean;
  calibrate?: boolean;
  [gate: string]: unknown;
}

const MODES = Object.keys(rankingDefaults.modes) as SearchMode[];

/** Sweepable parameters: those that change passages re-ingest into a temporary store; the rest are set on the
 *  open archive. */
const SWEEPS: Record<string, { reingest: boolean; apply: (a: Archive, v: number | string) => void }> = {
  'chunk-size': { reingest: true, apply: () => undefined },
  overlap: { reingest: true, apply: () => undefined },
  'rrf-k': { reingest: false, apply: (a, v) => (a.tuning = { ...a.tuning, fusion: { ...a.tuning.fusion, rrfK: Number(v) } }) },
  'dense-weight': { reingest: false, apply: (a, v) => (a.tuning = { ...a.tuning, fusion: { ...a.tuning.fusion, weights: { lexical: 1 - Number(v), dense: Number(v) } } }) },
  fusion: { reingest: false, apply: (a, v) => (a.tuning = { ...a.tuning, fusion: { ...a.tuning.fusion, method: String(v) as 'rrf' | 'convex' } }) },
  candidates: { reingest: false, apply: (a, v) => (a.tuning = { ...a.tuning, candidates: Number(v) }) },
  'max-per-doc': { reingest: false, apply: (a, v) => (a.tuning = { ...a.tuning, maxPerDocument: Number(v) }) },
  'ef-search': { reingest: false, apply: (a, v) => a.setEfSearch(Number(v)) },
};

export function registerEval(program: Command, result: { code: number }): void {
  const c = program
    .command('eval')
    .description('measure retrieval quality on a question set (recall@k, MRR, nDCG, abstention, latency), with baselines')
    .requiredOption('--qrels <file.jsonl>', 'question set (JSONL; the format is in eval/README.md)')
    .option('--modes <list>', 'retrieval modes to evaluate', 'lexical,dense,hybrid')
    .option('--k <n>', 'retrieval depth', (v) => Number.parseInt(v, 10), 10)
    .option('--json <file>', 'write the full report as JSON')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--corpus <dir>', 'raw .txt files for the baselines (default: the archive documents\' source files)')
    .option('--no-baselines', 'skip the LangChain and plain-BM25 baselines')
    .option('--sweep <param=v1,v2,…>', `re-run over values of one parameter: ${Object.keys(SWEEPS).join(', ')}`)
    .option('--answers', 'measure the answers instead of the ranking (does a cited sentence carry the answer?), beside the naive baseline')
    .option('--ablate', 'with --answers: a row per piece of the answer switched off')
    .option('--calibrate', 'with --answers: sweep the abstention threshold (answered share, carries, abstention F1)');
  for (const g of gateOptions) c.addOption(new Option(g.flag, g.description));
  c.action(async (o: EvalOptions, cmd: Command) => {
    const globals = cmd.optsWithGlobals<{ data?: string }>();
    result.code = await runEvalCommand(o, dataDir(globals.data));
  });
}

async function runEvalCommand(o: EvalOptions, data: string): Promise<number> {
  const questions = loadQuestions(o.qrels);
  const modes = o.modes.split(',').map((m) => m.trim()) as SearchMode[];
  for (const m of modes) if (!MODES.includes(m)) throw new ArchiveError('ERR_USAGE', `--modes: unknown mode "${m}" (use ${MODES.join(', ')})`);
  const thresholds = parseGateThresholds(o);
  const archive = await openArchive({ dataDir: data });
  try {
    if (archive.health().passages === 0) throw new ArchiveError('ERR_USAGE', `the archive in ${data} is empty: ingest documents first`);
    if (o.answers) return await runAnswerEvalCommand(archive, questions, o);
    const docLevel = questions.every((q) => q.relevant.every((r) => r.quote === undefined));

    if (o.sweep) {
      const rows = await sweep(o.sweep, archive, questions, modes, o.k);
      if (o.json) writeFileSync(o.json, `${JSON.stringify({ sweep: rows }, null, 2)}\n`);
      return 0;
    }

    const targets: EvalTarget[] = modes.map((m) => archiveTarget(archive, m, { abstainRule: (q, hits) => wouldAbstain(archive, q, hits) }));
    if (o.baselines) {
      const texts = baselineTexts(archive, o.corpus);
      process.stderr.write(`building baselines over ${texts.length} documents…\n`);
      targets.push(await buildPlainBm25Baseline(texts, { chunk: !docLevel }));
      targets.push(await buildLangchainBaseline(texts, archive.parts().embedder, { chunk: !docLevel }));
    }
    const report = await runEval(targets, questions, {
      k: o.k,
      onProgress: (t, done, total) => process.stderr.isTTY && process.stderr.write(`\r${t}: ${done}/${total}\x1b[K`),
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    process.stdout.write(`${formatTerminalReport(report)}\n`);
    if (o.json) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
    if (o.html) writeFileSync(o.html, renderHtmlReport(report, { title: `Raadsarchief eval: ${o.qrels}` }));
    const gate = checkGate(report, thresholds);
    for (const f of gate.failures) process.stderr.write(`gate: ${f}\n`);
    return gate.exitCode;
  } finally {
    await archive.close();
  }
}

/** The raw texts the baselines index: a folder given with --corpus, else the archive documents' source files
 *  (text files as they are; for PDFs, which LangChain would need its own loader for, the stored clean text). */
export function baselineTexts(archive: Archive, corpus?: string): SourceText[] {
  if (corpus) return readSourceTexts(corpus);
  return archive.listDocuments().map((d) => {
    const readable = formatNamed(d.format)?.plainText === true && existsSync(d.sourcePath);
    return { fileName: d.fileName, text: readable ? readFileSync(d.sourcePath, 'utf8') : (archive.getDocumentText(d.id) ?? '') };
  });
}

async function sweep(spec: string, archive: Archive, questions: Question[], modes: SearchMode[], k: number): Promise<SweepRow[]> {
  const m = /^([a-z-]+)=(.+)$/.exec(spec);
  const param = m && SWEEPS[m[1]] ? m[1] : null;
  if (!m || !param) throw new ArchiveError('ERR_USAGE', `--sweep: expected name=v1,v2,… with name one of ${Object.keys(SWEEPS).join(', ')}`);
  const values = m[2].split(',').map((v) => (Number.isFinite(Number(v)) ? Number(v) : v));
  const { reingest, apply } = SWEEPS[param];
  const sources = archive.listDocuments().map((d) => d.sourcePath).filter((p) => existsSync(p));

  return runSweep(param, values, async (value) => {
    if (!reingest) {
      apply(archive, value);
      return modes.map((mode) => archiveTarget(archive, mode));
    }
    const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-sweep-'));
    const passage = param === 'chunk-size' ? { targetChars: Number(value) } : { overlapChars: Number(value) };
    const temp = await openArchive({ dataDir: dir, embedder: 'builtin', passage });
    await temp.ingestFiles(sources);
    return modes.map((mode, i) => ({
      ...archiveTarget(temp, mode),
      close:
        i === modes.length - 1
          ? async () => {
              await temp.close();
              rmSync(dir, { recursive: true, force: true });
            }
          : undefined,
    }));
  }, questions, { k });
}
