// The benchmark report: the figures of bench/run.ts as Markdown tables, one function per section.
import { rankingDefaults, hnswDefaults } from '../lib/config.ts';
import { int, ms, table, type machine, type Summary } from './lib/stats.ts';
import type { IngestResult, PrepareResult } from './sections/ingest.ts';
import { MODES, type Breakdown, type libraryLatency } from './sections/latency.ts';
import type { LoadRow, SeqResult } from './sections/http.ts';
import type { HnswQuality, HybridCompare, LangchainCompare, LexicalCompare } from './sections/compare.ts';

export interface ScaleResult {
  target: number;
  passages: number;
  documents: number;
  build: IngestResult;
  disk: { storeBytes: number; vectorBytes: number; lexicalBytes: number; embedderBytes: number; bytesPerPassage: number };
  startup: { openMs: number; reopenMs: number; firstQueryMs: number; rssDeltaMb: number; heapDeltaMb: number; rssAfterMb: number; bytesPerPassageRss: number };
  library: Awaited<ReturnType<typeof libraryLatency>>;
  breakdown: Breakdown;
  http: { byTarget: Record<string, SeqResult>; load: string };
  hnsw: HnswQuality;
  hybridVsBrute: HybridCompare;
}

export type BenchResults = {
  meta: Record<string, unknown>;
  prepare: Omit<PrepareResult, 'perFile'>[];
  ingest: IngestResult[];
  scales: ScaleResult[];
  langchain?: LangchainCompare;
  lexical?: LexicalCompare;
  load?: LoadRow[];
  hnswSynthetic?: string;
  httpFloor?: SeqResult;
};

export interface BenchProfile {
  name: string;
  loadSeconds: number;
  connections: number[];
}

export function report(results: BenchResults, profile: BenchProfile): string {

  const m = results.meta.machine as ReturnType<typeof machine>;
  const out: string[] = [];
  out.push(`# Benchmark report (${profile.name} profile)`);
  out.push('');
  out.push(`- command: \`${results.meta.command as string}\``);
  out.push(`- date: ${results.meta.date as string}; finished ${new Date().toISOString()}`);
  out.push(`- machine: ${m.cpus} cores (${m.cpuModel}), ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}; load average at start ${m.loadavg}`);
  for (const n of results.meta.notes as string[]) out.push(`- ${n}`);
  out.push('');
  for (const section of [ingestSection, latencySection, hnswSection, sizeSection, sideBySideSection, loadSection, targetsSection]) out.push(...section(results, profile));
  return out.join('\n');
}

function ingestSection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Ingest throughput');
  out.push('Parse + clean + chunk alone (`prepareDocument`):');
  out.push(table(
    ['input', 'files (failed)', 'pages', 'passages', 'seconds', 'pages/s', 'passages/s', 'load'],
    results.prepare.map((r) => [r.label, `${r.files} (${r.failed})`, int(r.pages), int(r.passages), (r.ms / 1000).toFixed(2), r.pagesPerS.toFixed(1), int(r.passagesPerS), r.load]),
  ));
  out.push('Through the archive (`ingestFiles`: files prepared two at a time and committed one by one as they come; an empty archive first waits for a quarter of the batch to fit the built-in embedder):');
  out.push(table(
    ['input', 'files (skipped)', 'pages', 'passages', 'seconds', 'pages/s', 'passages/s', 'to first commit s', 'of which embedder.fit s', 'commits s (embed / sqlite)', 'save s', 'cores busy: to first commit / commits', 'load'],
    results.ingest.map((r) => [
      r.label, `${r.files} (${r.skipped})`, int(r.pages), int(r.passages), (r.ms / 1000).toFixed(1), r.pagesPerS.toFixed(1), int(r.passagesPerS),
      (r.phases.firstCommitMs / 1000).toFixed(1), (r.embedderFitMs / 1000).toFixed(1),
      `${(r.phases.commitMs / 1000).toFixed(1)} (${(r.inCommit.embedMs / 1000).toFixed(1)} / ${(r.inCommit.storeMs / 1000).toFixed(1)})`,
      (r.phases.saveMs / 1000).toFixed(1), `${r.cores.firstCommit.toFixed(2)} / ${r.cores.commits.toFixed(2)}`, r.load,
    ]),
  ));
  return paragraphs(out);
}

function latencySection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Query latency (ms), k = 10, 133 Dutch questions cycled');
  const rows: (string | number)[][] = [];
  for (const s of results.scales) {
    for (const mode of MODES) {
      const l = s.library[mode]!;
      const h = s.http.byTarget[mode]!;
      rows.push([int(s.passages), mode, ms(l.p50), ms(l.p95), ms(l.p99), ms(h.p50), ms(h.p95), ms(h.p99), h.errors, s.library.load]);
    }
    const a = s.http.byTarget.ask!;
    rows.push([int(s.passages), 'ask (HTTP /api/ask)', '', '', '', ms(a.p50), ms(a.p95), ms(a.p99), a.errors, s.http.load]);
  }
  if (results.httpFloor) {
    const f = results.httpFloor;
    rows.push(['-', 'HTTP floor: bare Fastify route', '', '', '', ms(f.p50), ms(f.p95), ms(f.p99), f.errors, '']);
  }
  out.push(table(['passages', 'mode', 'lib p50', 'lib p95', 'lib p99', 'HTTP p50', 'HTTP p95', 'HTTP p99', 'HTTP errors', 'load'], rows));
  out.push('Where a hybrid search spends its time (library, ms, p50 / p95):');
  const stageNames = [...new Set(results.scales.flatMap((s) => Object.keys(s.breakdown.stages ?? {})))];
  const rowsOf = (label: string, pick: (b: Breakdown) => Summary | undefined): string[] => [
    label, ...results.scales.map((s) => { const x = pick(s.breakdown); return x ? `${ms(x.p50, 3)} / ${ms(x.p95, 3)}` : '-'; }),
  ];
  out.push(table(['piece', ...results.scales.map((s) => `${int(s.passages)} passages`)], [
    ...stageNames.map((st) => rowsOf(st, (b) => b.stages?.[st])),
    rowsOf('whole search', (b) => b.total),
    rowsOf('answer composition (composeAnswer)', (b) => b.answer),
  ]));
  return paragraphs(out);
}

function hnswSection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## HNSW on the archive\'s own vectors (built-in embedder), recall@10 vs exact');
  out.push(table(['passages', 'dim', 'efSearch configured → used', 'recall@10', 'queries/s', 'p50 ms', 'p99 ms'], results.scales.flatMap((s) =>
    s.hnsw.rows.map((r) => [int(s.passages), s.hnsw.dim, `${r.efSearch} → ${r.effectiveEf}`, r.recallAt10.toFixed(4), int(r.qps), ms(r.p50, 3), ms(r.p99, 3)]))));
  return paragraphs(out);
}

function sizeSection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Size and start-up');
  out.push(table(
    ['passages', 'HNSW build s (M 16, efC 200)', 'SQLite MB', 'HNSW files MB', 'lexical file MB', 'embedder state MB', 'disk B/passage (sqlite+hnsw+lexical)', 'openArchive ms (1st / 2nd)', 'first query ms', 'RSS delta MB', 'RSS B/passage'],
    results.scales.map((s) => [int(s.passages), (s.hnsw.buildMs / 1000).toFixed(1), (s.disk.storeBytes / 2 ** 20).toFixed(1), (s.disk.vectorBytes / 2 ** 20).toFixed(1),
      ((s.disk.lexicalBytes ?? 0) / 2 ** 20).toFixed(1), (s.disk.embedderBytes / 2 ** 20).toFixed(1), int(s.disk.bytesPerPassage), `${int(s.startup.openMs)} / ${int(s.startup.reopenMs)}`, int(s.startup.firstQueryMs), s.startup.rssDeltaMb.toFixed(0), int(s.startup.bytesPerPassageRss)]),
  ));
  return paragraphs(out);
}

function sideBySideSection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Side by side');
  out.push('Hybrid core (lexical + dense candidates + fusion; query embedding excluded) with our HNSW vs exact brute-force cosine:');
  out.push(table(['passages', 'ours p50', 'ours p95', 'brute p50', 'brute p95', 'brute/ours (p50)', `dense recall@${rankingDefaults.candidates}`, 'fused top-10 agreement'],
    results.scales.map((s) => { const c = s.hybridVsBrute; return [int(s.passages), ms(c.ours.p50, 3), ms(c.ours.p95, 3), ms(c.bruteForce.p50, 3), ms(c.bruteForce.p95, 3),
      (c.bruteForce.p50 / c.ours.p50).toFixed(1) + 'x', c.denseRecallAtCandidates.toFixed(4), c.fusedTop10Agreement.toFixed(4)]; })));
  if (results.langchain) {
    const l = results.langchain;
    const n = int(results.scales[results.scales.length - 1]!.passages);
    out.push(`Dense search, same ${n} vectors: our VectorIndex vs LangChain HNSWLib (@langchain/community):`);
    out.push(table(['index', 'build s', 'ef', 'recall@10', 'queries/s', 'p50 ms', 'q/s ratio ours/it'], [
      ['ours (VectorIndex)', (l.ours.buildMs / 1000).toFixed(1), l.ours.efSearch, l.ours.recallAt10.toFixed(4), int(l.ours.qps), ms(l.ours.p50, 3), '1.0x'],
      ['LangChain HNSWLib, as shipped', (l.langchainDefault.buildMs / 1000).toFixed(1), `${l.langchainDefault.ef} (never set)`, l.langchainDefault.recallAt10.toFixed(4), int(l.langchainDefault.qps), ms(l.langchainDefault.p50, 3), (l.ours.qps / l.langchainDefault.qps).toFixed(2) + 'x'],
      ['LangChain HNSWLib, ef set by hand', '', l.langchainEf.ef, l.langchainEf.recallAt10.toFixed(4), int(l.langchainEf.qps), ms(l.langchainEf.p50, 3), (l.ours.qps / l.langchainEf.qps).toFixed(2) + 'x'],
    ]));
  }
  if (results.lexical) {
    const x = results.lexical;
    out.push(`Lexical, same ${int(x.passages)} passages: our analyser + BM25+ index vs MiniSearch (defaults, field \`text\`), top 10:`);
    out.push(table(['index', 'build s', 'heap MB', 'query p50 ms', 'query p95 ms', 'query p99 ms', 'p50 ratio'], [
      ['ours (LexicalIndex)', (x.ours.buildMs / 1000).toFixed(1), x.ours.heapMb.toFixed(0), ms(x.ours.query.p50, 3), ms(x.ours.query.p95, 3), ms(x.ours.query.p99, 3), '1.0x'],
      ['MiniSearch', (x.minisearch.buildMs / 1000).toFixed(1), x.minisearch.heapMb.toFixed(0), ms(x.minisearch.query.p50, 3), ms(x.minisearch.query.p95, 3), ms(x.minisearch.query.p99, 3), (x.minisearch.query.p50 / x.ours.query.p50).toFixed(1) + 'x slower'],
    ]));
  }
  return paragraphs(out);
}

function loadSection(results: BenchResults, profile: BenchProfile): string[] {
  const out: string[] = [];
  if (results.load) {
    out.push(`## Load (autocannon, loopback, ${profile.loadSeconds} s per run, ${int(results.scales[results.scales.length - 1]!.passages)} passages)`);
    out.push(table(['target', 'connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors+timeouts+non2xx', 'RSS before → after MB', 'load'],
      results.load.map((r) => [r.target, r.connections, int(r.requests), int(r.rps), r.p50, r.p99, r.max, r.errors + r.timeouts + r.non2xx, `${r.rssBeforeMb} → ${r.rssAfterMb}`, r.load])));
    const bare = (c: number) => results.load!.find((r) => r.target.startsWith('bare') && r.connections === c);
    out.push(table(['connections', '/api/search req/s as share of bare Fastify'], profile.connections.map((c) => {
      const s = results.load!.find((r) => r.target.startsWith('/api/search') && r.connections === c);
      const b = bare(c);
      return [c, s && b ? `${((s.rps / b.rps) * 100).toFixed(2)}% (${int(s.rps)} of ${int(b.rps)})` : '-'];
    })));
  }
  return paragraphs(out);
}

function targetsSection(results: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Targets (2-core machine)');
  const big = results.scales[results.scales.length - 1];
  const prepPdf = results.prepare.find((r) => r.label.startsWith('pdf-nl') && r.concurrency === 1);
  const hnswAtDefault = big?.hnsw.rows.find((r) => r.efSearch === hnswDefaults.efSearch);
  const loadErrors = results.load?.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0);
  const t = (name: string, measured: string, ok: boolean | null) => [name, measured, ok === null ? 'not measured' : ok ? 'met' : 'NOT met'];
  out.push(table(['target', 'measured', 'verdict'], [
    t(`hybrid /api/search p50 <= 25 ms at 100k (here ${big ? int(big.passages) : '-'})`, big ? ms(big.http.byTarget.hybrid!.p50) : '-', big ? big.http.byTarget.hybrid!.p50 <= 25 : null),
    t(`hybrid /api/search p99 <= 60 ms at 100k (here ${big ? int(big.passages) : '-'})`, big ? ms(big.http.byTarget.hybrid!.p99) : '-', big ? big.http.byTarget.hybrid!.p99 <= 60 : null),
    t(`HNSW recall@10 >= 0.99 (efSearch ${hnswDefaults.efSearch} → ${hnswAtDefault?.effectiveEf ?? '-'} at this size)`, hnswAtDefault ? hnswAtDefault.recallAt10.toFixed(4) : '-', hnswAtDefault ? hnswAtDefault.recallAt10 >= 0.99 : null),
    t('parsing+chunking >= 50 pages/s (pdf-nl, one at a time)', prepPdf ? prepPdf.pagesPerS.toFixed(1) : '-', prepPdf ? prepPdf.pagesPerS >= 50 : null),
    t('zero errors under load', loadErrors === undefined ? '-' : String(loadErrors), loadErrors === undefined ? null : loadErrors === 0),
  ]));
  if (results.hnswSynthetic) {
    out.push('## bench/hnsw.ts (clustered synthetic vectors)');
    out.push(results.hnswSynthetic);
  }
  return paragraphs(out);
}

/** Report blocks (headings, sentences, tables), each followed by a blank line. */
function paragraphs(blocks: string[]): string[] {
  return blocks.flatMap((b) => [b, '']);
}
