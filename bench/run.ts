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
import type { Archive } from '../archive/api.ts';
import { rankingDefaults, hnswDefaults } from '../lib/config.ts';
import { corpusFiles, lawFiles, pdfFiles, queries as loadQueries, ROOT, sentencePool } from './lib/sources.ts';
import { int, load, machine, ms, gc, memory } from './lib/stats.ts';
import { report, type BenchResults, type ScaleResult } from './report.ts';
import { calibrateSynthetic, measureIngest, measurePrepare, scaleFiles, type ScaleSources } from './sections/ingest.ts';
import { breakdown, libraryLatency } from './sections/latency.ts';
import { askBodies, httpLatency, loadTest, runClient, searchBodies, startApi, startBare, BENCH_RATE_LIMIT, type SeqResult } from './sections/http.ts';
import { compareHybrid, compareLangchain, compareLexical, hnswQuality, loadVectors, queryVectors } from './sections/compare.ts';

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
const results: BenchResults = {
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
  let store = 0, vectors = 0, lexical = 0, embedder = 0;
  for (const f of readdirSync(dataDir)) {
    const p = join(dataDir, f);
    const b = dirBytes(p);
    if (f === 'vectors') vectors += b;
    else if (f === 'lexical') lexical += b;
    else if (f === 'embedder') embedder += b;
    else store += b;
  }
  return {
    storeBytes: store, vectorBytes: vectors, lexicalBytes: lexical, embedderBytes: embedder,
    bytesPerPassage: (store + vectors + lexical) / Math.max(1, passages),
  };
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
let largest: { archive: Archive; scale: ScaleResult } | null = null;
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
  log(`scale ${target}: http hybrid p50 ${ms(http.byTarget.hybrid!.p50)} ms, ask p50 ${ms(http.byTarget.ask!.p50)} ms`);
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
const md = report(results, profile);
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
