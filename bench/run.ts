// The benchmark: ingest throughput, query latency per mode and scale (library and HTTP) with a breakdown, HNSW
// quality, side-by-side comparisons (LangChain HNSWLib, brute force, MiniSearch, bare Fastify) and load.
//
//   npm run bench                      quick profile: corpus + law texts up to 1k passages, 5 s load runs
//   npm run bench -- --full            1k, 10k and 100k passages, 30 s load runs (about 30 minutes)
//   options: --json <file> (or - for stdout, tables then go to stderr)  --md <file>  --scales 1000,10000  --load-seconds N  --no-load  --no-pdf
//            --hnsw-synthetic (also runs bench/hnsw.ts on clustered synthetic vectors)  --keep (keep data dirs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchiveImpl } from '../archive/archive.ts';
import { rankingDefaults, hnswDefaults } from '../lib/config.ts';
import { corpusFiles, lawFiles, pdfFiles, queries as loadQueries, ROOT, sentencePool } from './lib/sources.ts';
import { int, load, machine, ms, table, gc, memory, type Summary } from './lib/stats.ts';
import { calibrateSynthetic, measureIngest, measurePrepare, scaleFiles, type IngestResult, type PrepareResult, type ScaleSources } from './sections/ingest.ts';
import { breakdown, libraryLatency, MODES, type Breakdown } from './sections/latency.ts';
import { askBodies, httpLatency, loadTest, runClient, searchBodies, startApi, startBare, BENCH_RATE_LIMIT, type LoadRow, type SeqResult } from './sections/http.ts';
import { compareHybrid, compareLangchain, compareLexical, hnswQuality, loadVectors, queryVectors, type HnswQuality, type HybridCompare, type LangchainCompare, type LexicalCompare } from './sections/compare.ts';

// ---- options ------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const full = flag('--full');
const profile = {
  name: full ? 'full' : 'quick',
  scales: (value('--scales') ?? (full ? '1000,10000,100000' : '1000')).split(',').map(Number),
  loadSeconds: Number(value('--load-seconds') ?? (full ? 30 : 5)),
  connections: [1, 4, 16, 64],
  libraryQueries: full ? 400 : 200,
  httpQueries: full ? 300 : 150,
  load: !flag('--no-load'),
  pdf: !flag('--no-pdf'),
  hnswSynthetic: flag('--hnsw-synthetic'),
  keep: flag('--keep'),
};
const jsonPath = value('--json');
const mdPath = value('--md');
const startedAt = new Date();
const log = (s: string) => process.stderr.write(`[bench ${((performance.now()) / 1000).toFixed(0)}s, load ${load()}] ${s}\n`);

// ---- results ------------------------------------------------------------------------------------
interface ScaleResult {
  target: number;
  passages: number;
  documents: number;
  build: IngestResult;
  disk: { storeBytes: number; vectorBytes: number; embedderBytes: number; bytesPerPassage: number };
  startup: { openMs: number; reopenMs: number; firstQueryMs: number; rssDeltaMb: number; heapDeltaMb: number; rssAfterMb: number; bytesPerPassageRss: number };
  library: Awaited<ReturnType<typeof libraryLatency>>;
  breakdown: Breakdown;
  http: { byTarget: Record<string, SeqResult>; load: string };
  hnsw: HnswQuality;
  hybridVsBrute: HybridCompare;
}
const results: {
  meta: Record<string, unknown>;
  prepare: Omit<PrepareResult, 'perFile'>[];
  ingest: IngestResult[];
  scales: ScaleResult[];
  langchain?: LangchainCompare;
  lexical?: LexicalCompare;
  load?: LoadRow[];
  hnswSynthetic?: string;
  httpFloor?: SeqResult;
} = {
  meta: {
    command: `node bin/run-ts.js bench/run.ts ${argv.join(' ')}`.trim(),
    date: startedAt.toISOString(),
    profile,
    machine: machine(),
    defaults: { hnsw: hnswDefaults, ranking: { candidates: rankingDefaults.candidates, fusion: rankingDefaults.fusion } },
    notes: [
      `HTTP runs use buildServer with the rate limit raised to ${BENCH_RATE_LIMIT.max} per ${BENCH_RATE_LIMIT.timeWindow} (the plugin still runs), logger off.`,
      'HTTP clients (sequential fetch and autocannon) run in a child process; the server runs in the bench process.',
      'Embedder: built-in (EMBEDDER=builtin), fitted on each archive at its first ingest.',
    ],
  },
  prepare: [],
  ingest: [],
  scales: [],
};
const dirs: string[] = [];

function dirBytes(path: string): number {
  let total = 0;
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (st.isFile()) return st.size;
  for (const f of readdirSync(path)) total += dirBytes(join(path, f));
  return total;
}

function diskOf(dataDir: string, passages: number): ScaleResult['disk'] {
  let store = 0, vectors = 0, embedder = 0;
  for (const f of readdirSync(dataDir)) {
    const p = join(dataDir, f);
    const b = dirBytes(p);
    if (f === 'vectors') vectors += b;
    else if (f === 'embedder') embedder += b;
    else store += b;
  }
  return { storeBytes: store, vectorBytes: vectors, embedderBytes: embedder, bytesPerPassage: (store + vectors) / Math.max(1, passages) };
}

function startupOf(dataDir: string): Omit<ScaleResult['startup'], 'reopenMs'> & { passages: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/open-child.ts'), dataDir], {
    encoding: 'utf8',
    env: { ...process.env, EMBEDDER: 'builtin' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as {
    openMs: number; firstQueryMs: number; passages: number;
    before: { rssMb: number; heapUsedMb: number }; after: { rssMb: number; heapUsedMb: number };
  };
  const rssDeltaMb = r.after.rssMb - r.before.rssMb;
  return {
    openMs: r.openMs,
    firstQueryMs: r.firstQueryMs,
    rssDeltaMb,
    heapDeltaMb: r.after.heapUsedMb - r.before.heapUsedMb,
    rssAfterMb: r.after.rssMb,
    bytesPerPassageRss: (rssDeltaMb * 1024 * 1024) / Math.max(1, r.passages),
    passages: r.passages,
  };
}

// ---- 1. ingest throughput -----------------------------------------------------------------------
const queries = loadQueries();
log(`${queries.length} queries; profile ${profile.name}; scales ${profile.scales.join(', ')}`);

const corpus = corpusFiles();
const laws = lawFiles();
const prepCorpus = await measurePrepare('corpus (5 txt)', corpus);
results.prepare.push(prepCorpus);
const prepLaws = await measurePrepare(`text-nl (${laws.length} txt)`, laws);
results.prepare.push(prepLaws);
log(`prepare: corpus ${int(prepCorpus.passagesPerS)} passages/s, laws ${int(prepLaws.passagesPerS)} passages/s`);
if (profile.pdf) {
  const pdfs = pdfFiles();
  for (const c of full ? [1, 2] : [1]) {
    const r = await measurePrepare(`pdf-nl (${pdfs.length} PDFs), ${c} at a time`, pdfs, c);
    results.prepare.push(r);
    log(`prepare: ${r.label}: ${r.pagesPerS.toFixed(1)} pages/s`);
  }
  if (full) {
    const ing = await measureIngest(`pdf-nl (${pdfs.length} PDFs) into an empty archive`, pdfs);
    results.ingest.push(ing.result);
    await ing.archive.close();
    dirs.push(ing.result.dataDir);
    log(`ingest pdf-nl: ${ing.result.pagesPerS.toFixed(1)} pages/s, ${ing.result.passagesPerS.toFixed(0)} passages/s`);
  }
}
{
  const ing = await measureIngest('corpus (5 txt) into an empty archive', corpus);
  results.ingest.push(ing.result);
  await ing.archive.close();
  dirs.push(ing.result.dataDir);
}

// ---- 2. scales ----------------------------------------------------------------------------------
const pool = sentencePool([...corpus, ...laws]);
const synthRoot = mkdtempSync(join(tmpdir(), 'raadsarchief-synth-'));
dirs.push(synthRoot);
const sources: ScaleSources = {
  corpus, laws, pool, perFile: new Map([...prepCorpus.perFile, ...prepLaws.perFile]), charsPerPassage: await calibrateSynthetic(synthRoot, pool),
};
let largest: { archive: ArchiveImpl; scale: ScaleResult } | null = null;
{
  // The HTTP floor: the same sequential client against a bare Fastify route returning a constant.
  const bare = await startBare();
  results.httpFloor = await runClient<SeqResult>({ kind: 'seq', url: bare.url, path: '/bare', bodies: ['{}'], n: profile.httpQueries, warmup: 20 });
  await bare.app.close();
}

for (const target of profile.scales) {
  const { files, realPassages: count } = scaleFiles(target, sources, synthRoot);
  log(`scale ${target}: ingesting ${files.length} files (${int(count)} real passages + synthetic)`);
  const ing = await measureIngest(`archive of ~${int(target)} passages (${files.length} txt)`, files);
  results.ingest.push(ing.result);
  dirs.push(ing.result.dataDir);
  const archive = ing.archive;
  const h = archive.health();
  log(`scale ${target}: ${h.passages} passages in ${(ing.result.ms / 1000).toFixed(1)} s`);

  const library = await libraryLatency(archive, queries, profile.libraryQueries);
  log(`scale ${target}: library hybrid p50 ${ms(library.hybrid.p50)} ms`);
  const bd = await breakdown(archive, queries, profile.libraryQueries);
  const { app, url } = await startApi(archive);
  const http = await httpLatency(url, queries, profile.httpQueries);
  await app.close();
  log(`scale ${target}: http hybrid p50 ${ms(http.byTarget.hybrid!.p50)} ms`);
  const v = loadVectors(archive);
  const qv = await queryVectors(archive, queries);
  const hnsw = await hnswQuality(archive, v, qv);
  const hybridVsBrute = await compareHybrid(archive, v, queries, qv);
  await archive.close(); // flush before measuring disk and a cold open
  const disk = diskOf(ing.result.dataDir, h.passages);
  const first = startupOf(ing.result.dataDir);
  const startup = { ...startupOf(ing.result.dataDir), reopenMs: 0 };
  [startup.openMs, startup.reopenMs] = [first.openMs, startup.openMs];
  const scale: ScaleResult = {
    target, passages: h.passages, documents: h.documents, build: ing.result, disk, startup,
    library, breakdown: bd, http, hnsw, hybridVsBrute,
  };
  results.scales.push(scale);
  log(`scale ${target}: done (open ${ms(startup.openMs, 0)} ms, ${int(disk.bytesPerPassage)} B/passage on disk)`);

  if (target === Math.max(...profile.scales)) {
    const { openArchive } = await import('../archive/archive.ts');
    const reopened = await openArchive({ dataDir: ing.result.dataDir, embedder: 'builtin' });
    largest = { archive: reopened, scale };
    // ---- 3. comparisons at the largest scale ---------------------------------------------------
    log('comparisons: LangChain HNSWLib, MiniSearch');
    results.langchain = await compareLangchain(reopened, v, qv, hnsw.buildMs);
    gc();
    results.lexical = compareLexical(reopened, queries, profile.libraryQueries);
    gc();
  }
}

// ---- 4. load ------------------------------------------------------------------------------------
if (profile.load && largest) {
  log(`load: ${profile.loadSeconds} s per run at ${profile.connections.join('/')} connections`);
  const api = await startApi(largest.archive);
  const bare = await startBare();
  results.load = await loadTest(
    [
      { name: '/api/search (hybrid)', url: api.url, path: '/api/search', bodies: searchBodies(queries, 'hybrid') },
      { name: '/api/ask', url: api.url, path: '/api/ask', bodies: askBodies(queries) },
      { name: 'bare Fastify route', url: bare.url, path: '/bare', bodies: ['{}'] },
    ],
    profile.connections,
    profile.loadSeconds,
  );
  await api.app.close();
  await bare.app.close();
}
if (largest) await largest.archive.close();

if (profile.hnswSynthetic) {
  log('bench/hnsw.ts (clustered synthetic vectors)');
  results.hnswSynthetic = execFileSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/hnsw.ts')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

// ---- report -------------------------------------------------------------------------------------
const md = report();
// `--json -`: the figures as JSON on stdout (for scripts), the tables on stderr (for people).
const json = JSON.stringify(results, null, 2) + '\n';
if (jsonPath === '-') {
  process.stderr.write(md + '\n');
  process.stdout.write(json);
} else {
  process.stdout.write(md + '\n');
  if (jsonPath) writeFileSync(jsonPath, json);
}
if (mdPath) writeFileSync(mdPath, md + '\n');
if (!profile.keep) for (const d of dirs) rmSync(d, { recursive: true, force: true });
else log(`kept: ${dirs.join(' ')}`);
log(`done in ${((performance.now()) / 1000).toFixed(0)} s; memory ${JSON.stringify(memory())}`);

function report(): string {
  const m = results.meta.machine as ReturnType<typeof machine>;
  const out: string[] = [];
  out.push(`# Benchmark report (${profile.name} profile)`);
  out.push('');
  out.push(`- command: \`${results.meta.command as string}\``);
  out.push(`- date: ${results.meta.date as string}; finished ${new Date().toISOString()}`);
  out.push(`- machine: ${m.cpus} cores (${m.cpuModel}), ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}; load average at start ${m.loadavg}`);
  for (const n of results.meta.notes as string[]) out.push(`- ${n}`);
  out.push('');

  out.push('## Ingest throughput');
  out.push('');
  out.push('Parse + clean + chunk alone (`prepareDocument`):');
  out.push('');
  out.push(table(
    ['input', 'files (failed)', 'pages', 'passages', 'seconds', 'pages/s', 'passages/s', 'load'],
    results.prepare.map((r) => [r.label, `${r.files} (${r.failed})`, int(r.pages), int(r.passages), (r.ms / 1000).toFixed(2), r.pagesPerS.toFixed(1), int(r.passagesPerS), r.load]),
  ));
  out.push('');
  out.push('Through the archive (`ingestFiles`: parse, fit the built-in embedder, analyse, embed, store, index):');
  out.push('');
  out.push(table(
    ['input', 'files (skipped)', 'pages', 'passages', 'seconds', 'pages/s', 'passages/s', 'prepare s', 'fit + vocabulary s', 'of which embedder.fit s', 'commit s (embed / sqlite)', 'save s', 'cores busy: prepare / fit / commit', 'load'],
    results.ingest.map((r) => [
      r.label, `${r.files} (${r.skipped})`, int(r.pages), int(r.passages), (r.ms / 1000).toFixed(1), r.pagesPerS.toFixed(1), int(r.passagesPerS),
      (r.phases.prepareMs / 1000).toFixed(1), (r.phases.fitMs / 1000).toFixed(1), (r.embedderFitMs / 1000).toFixed(1),
      `${(r.phases.commitMs / 1000).toFixed(1)} (${(r.inCommit.embedMs / 1000).toFixed(1)} / ${(r.inCommit.storeMs / 1000).toFixed(1)})`,
      (r.phases.saveMs / 1000).toFixed(1), `${r.cores.prepare.toFixed(2)} / ${r.cores.fit.toFixed(2)} / ${r.cores.commit.toFixed(2)}`, r.load,
    ]),
  ));
  out.push('');

  out.push('## Query latency (ms), k = 10, 133 Dutch questions cycled');
  out.push('');
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
  out.push('');
  out.push('Where a hybrid search spends its time (library, ms, p50 / p95):');
  out.push('');
  const pieces: [string, keyof Breakdown][] = [
    ['query analysis', 'queryAnalysis'], ['lexical (LexicalIndex.search)', 'lexical'], ['query embedding (embedQuery)', 'embedQuery'],
    ['HNSW (vector thread, timed alone; overlaps lexical)', 'hnsw'], ['fusion (fuse)', 'fusion'], ['passage fetch (store.passagesByIds)', 'passageFetch'],
    ['rest: merge, highlight, hit objects', 'hitComposition'],
    ['whole search', 'total'], ['answer composition (composeAnswer)', 'answer'],
  ];
  out.push(table(['piece', ...results.scales.map((s) => `${int(s.passages)} passages`)], pieces.map(([label, key]) => [
    label, ...results.scales.map((s) => { const x = s.breakdown[key] as Summary; return `${ms(x.p50, 3)} / ${ms(x.p95, 3)}`; }),
  ])));
  out.push('');

  out.push('## HNSW on the archive\'s own vectors (built-in embedder), recall@10 vs exact');
  out.push('');
  out.push(table(['passages', 'dim', 'efSearch configured → used', 'recall@10', 'queries/s', 'p50 ms', 'p99 ms'], results.scales.flatMap((s) =>
    s.hnsw.rows.map((r) => [int(s.passages), s.hnsw.dim, `${r.efSearch} → ${r.effectiveEf}`, r.recallAt10.toFixed(4), int(r.qps), ms(r.p50, 3), ms(r.p99, 3)]))));
  out.push('');
  out.push('## Size and start-up');
  out.push('');
  out.push(table(
    ['passages', 'HNSW build s (M 16, efC 200)', 'SQLite MB', 'HNSW files MB', 'embedder state MB', 'disk B/passage (sqlite+hnsw)', 'openArchive ms (1st / 2nd)', 'first query ms', 'RSS delta MB', 'RSS B/passage'],
    results.scales.map((s) => [int(s.passages), (s.hnsw.buildMs / 1000).toFixed(1), (s.disk.storeBytes / 2 ** 20).toFixed(1), (s.disk.vectorBytes / 2 ** 20).toFixed(1),
      (s.disk.embedderBytes / 2 ** 20).toFixed(1), int(s.disk.bytesPerPassage), `${int(s.startup.openMs)} / ${int(s.startup.reopenMs)}`, int(s.startup.firstQueryMs), s.startup.rssDeltaMb.toFixed(0), int(s.startup.bytesPerPassageRss)]),
  ));
  out.push('');

  out.push('## Side by side');
  out.push('');
  out.push('Hybrid core (lexical + dense candidates + fusion; query embedding excluded) with our HNSW vs exact brute-force cosine:');
  out.push('');
  out.push(table(['passages', 'ours p50', 'ours p95', 'brute p50', 'brute p95', 'brute/ours (p50)', `dense recall@${rankingDefaults.candidates}`, 'fused top-10 agreement'],
    results.scales.map((s) => { const c = s.hybridVsBrute; return [int(s.passages), ms(c.ours.p50, 3), ms(c.ours.p95, 3), ms(c.bruteForce.p50, 3), ms(c.bruteForce.p95, 3),
      (c.bruteForce.p50 / c.ours.p50).toFixed(1) + 'x', c.denseRecallAtCandidates.toFixed(4), c.fusedTop10Agreement.toFixed(4)]; })));
  out.push('');
  if (results.langchain) {
    const l = results.langchain;
    const n = int(results.scales[results.scales.length - 1]!.passages);
    out.push(`Dense search, same ${n} vectors: our VectorIndex vs LangChain HNSWLib (@langchain/community):`);
    out.push('');
    out.push(table(['index', 'build s', 'ef', 'recall@10', 'queries/s', 'p50 ms', 'q/s ratio ours/it'], [
      ['ours (VectorIndex)', (l.ours.buildMs / 1000).toFixed(1), l.ours.efSearch, l.ours.recallAt10.toFixed(4), int(l.ours.qps), ms(l.ours.p50, 3), '1.0x'],
      ['LangChain HNSWLib, as shipped', (l.langchainDefault.buildMs / 1000).toFixed(1), `${l.langchainDefault.ef} (never set)`, l.langchainDefault.recallAt10.toFixed(4), int(l.langchainDefault.qps), ms(l.langchainDefault.p50, 3), (l.ours.qps / l.langchainDefault.qps).toFixed(2) + 'x'],
      ['LangChain HNSWLib, ef set by hand', '', l.langchainEf.ef, l.langchainEf.recallAt10.toFixed(4), int(l.langchainEf.qps), ms(l.langchainEf.p50, 3), (l.ours.qps / l.langchainEf.qps).toFixed(2) + 'x'],
    ]));
    out.push('');
  }
  if (results.lexical) {
    const x = results.lexical;
    out.push(`Lexical, same ${int(x.passages)} passages: our analyser + BM25+ index vs MiniSearch (defaults, field \`text\`), top 10:`);
    out.push('');
    out.push(table(['index', 'build s', 'heap MB', 'query p50 ms', 'query p95 ms', 'query p99 ms', 'p50 ratio'], [
      ['ours (LexicalIndex)', (x.ours.buildMs / 1000).toFixed(1), x.ours.heapMb.toFixed(0), ms(x.ours.query.p50, 3), ms(x.ours.query.p95, 3), ms(x.ours.query.p99, 3), '1.0x'],
      ['MiniSearch', (x.minisearch.buildMs / 1000).toFixed(1), x.minisearch.heapMb.toFixed(0), ms(x.minisearch.query.p50, 3), ms(x.minisearch.query.p95, 3), ms(x.minisearch.query.p99, 3), (x.minisearch.query.p50 / x.ours.query.p50).toFixed(1) + 'x slower'],
    ]));
    out.push('');
  }
  if (results.load) {
    out.push(`## Load (autocannon, loopback, ${profile.loadSeconds} s per run, ${int(results.scales[results.scales.length - 1]!.passages)} passages)`);
    out.push('');
    out.push(table(['target', 'connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors+timeouts+non2xx', 'RSS before → after MB', 'load'],
      results.load.map((r) => [r.target, r.connections, int(r.requests), int(r.rps), r.p50, r.p99, r.max, r.errors + r.timeouts + r.non2xx, `${r.rssBeforeMb} → ${r.rssAfterMb}`, r.load])));
    out.push('');
    const bare = (c: number) => results.load!.find((r) => r.target.startsWith('bare') && r.connections === c);
    out.push(table(['connections', '/api/search req/s as share of bare Fastify'], profile.connections.map((c) => {
      const s = results.load!.find((r) => r.target.startsWith('/api/search') && r.connections === c);
      const b = bare(c);
      return [c, s && b ? `${((s.rps / b.rps) * 100).toFixed(2)}% (${int(s.rps)} of ${int(b.rps)})` : '-'];
    })));
    out.push('');
  }
  out.push('## Targets (2-core machine)');
  out.push('');
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
    out.push('');
    out.push('## bench/hnsw.ts (clustered synthetic vectors)');
    out.push(results.hnswSynthetic);
  }
  return out.join('\n');
}
