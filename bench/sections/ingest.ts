// Ingest throughput: parse+clean+chunk alone (prepareDocument), and the whole archive ingest (fit, analyse,
// embed, store, index) with its phases timed.
import { readFileSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { prepareDocument, type PreparedDocument } from '../../ingest/prepare.ts';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { instrument } from '../lib/instrument.ts';
import { isFittable } from '../../index/types.ts';
import { load } from '../lib/stats.ts';
import { writeSynthetic } from '../lib/sources.ts';

export interface PrepareResult {
  label: string;
  files: number;
  failed: number;
  pages: number;
  passages: number;
  chars: number;
  ms: number;
  pagesPerS: number;
  passagesPerS: number;
  concurrency: number;
  load: string;
  /** Passages per file (by path), for choosing files by passage count. */
  perFile: Map<string, number>;
}

/** prepareDocument over `files`, `concurrency` at a time (the archive itself prepares one file at a time). */
export async function measurePrepare(label: string, files: string[], concurrency = 1): Promise<PrepareResult> {
  const perFile = new Map<string, number>();
  let pages = 0, passages = 0, chars = 0, failed = 0;
  const queue = [...files];
  const t0 = performance.now();
  const worker = async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      try {
        const p: PreparedDocument = await prepareDocument(new Uint8Array(readFileSync(f)), { id: 'bench', fileName: basename(f), sourcePath: f });
        pages += p.meta.pageCount;
        passages += p.passages.length;
        chars += p.doc.text.length;
        perFile.set(f, p.passages.length);
      } catch {
        failed++;
        perFile.set(f, 0);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - t0;
  return { label, files: files.length, failed, pages, passages, chars, ms, pagesPerS: pages / (ms / 1000), passagesPerS: passages / (ms / 1000), concurrency, load: load(), perFile };
}

export interface IngestResult {
  label: string;
  dataDir: string;
  files: number;
  skipped: number;
  pages: number;
  passages: number;
  ms: number;
  pagesPerS: number;
  passagesPerS: number;
  /** Wall time of the phases. Files are prepared and committed as a stream: until the first commit (preparing the first
   *  documents, and for an empty archive waiting for a quarter of the batch and the embedder's fit), the commits (with
   *  preparation going on beside them), the final save. */
  phases: { firstCommitMs: number; commitMs: number; saveMs: number };
  /** Inside the commits: passage embedding and the SQLite write (the rest is analysis and index updates). */
  inCommit: { embedMs: number; storeMs: number };
  /** Time inside the built-in embedder's fit (PPMI-SVD on the archive), wherever it happened. */
  embedderFitMs: number;
  /** CPU cores busy on average (process CPU time, all threads, over wall time) per phase: 2.0 is both cores. */
  cores: { firstCommit: number; commits: number };
  load: string;
}

/** Ingests `files` into the archive at `dataDir` (created when missing) through `ingestFiles`; keeps it open. */
export async function measureIngest(label: string, files: string[], dataDir?: string, archiveIn?: Archive): Promise<{ result: IngestResult; archive: Archive }> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'raadsarchief-bench-'));
  const archive = archiveIn ?? (await openArchive({ dataDir: dir, embedder: 'builtin' }));
  const embedT: number[] = [];
  const storeT: number[] = [];
  const fitT: number[] = [];
  const { embedder, store } = archive.parts();
  const undo = [instrument(embedder, 'embedPassages', embedT), instrument(store, 'putDocument', storeT)];
  if (isFittable(embedder)) undo.push(instrument(embedder, 'fit', fitT));
  let firstCommit = 0, lastCommit = 0, cpuFirstCommit = 0;
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const cpu0 = cpu();
  const t0 = performance.now();
  const outcomes = await archive.ingestFiles(files, {
    onProgress: (p) => {
      if (p.passages === 0) return;
      const t = performance.now();
      if (!firstCommit) (firstCommit = t), (cpuFirstCommit = cpu());
      lastCommit = t;
    },
  });
  const end = performance.now();
  const cpuEnd = cpu();
  const cores = (cpuMs: number, wallMs: number) => (wallMs > 0 ? cpuMs / wallMs : 0);
  undo.forEach((u) => u());
  const ok = outcomes.filter((o) => o.status === 'ingested' || o.status === 'replaced');
  const pages = ok.reduce((s, o) => s + (o.pages ?? 0), 0);
  const passages = ok.reduce((s, o) => s + (o.passages ?? 0), 0);
  const ms = end - t0;
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  const firstCommitMs = firstCommit ? firstCommit - t0 : ms;
  const saveMs = lastCommit ? end - lastCommit : 0;
  return {
    archive,
    result: {
      label,
      dataDir: dir,
      files: files.length,
      skipped: outcomes.filter((o) => o.status === 'skipped').length,
      pages,
      passages,
      ms,
      pagesPerS: pages / (ms / 1000),
      passagesPerS: passages / (ms / 1000),
      phases: { firstCommitMs, commitMs: Math.max(0, ms - firstCommitMs - saveMs), saveMs },
      inCommit: { embedMs: sum(embedT), storeMs: sum(storeT) },
      embedderFitMs: sum(fitT),
      cores: { firstCommit: cores(cpuFirstCommit - cpu0, firstCommitMs), commits: cores(cpuEnd - cpuFirstCommit, end - firstCommit) },
      load: load(),
    },
  };
}

/** What an archive of about `target` passages is built from. */
export interface ScaleSources {
  corpus: string[];
  laws: string[];
  /** Passages per file of the corpus and the law texts (from measurePrepare). */
  perFile: Map<string, number>;
  pool: string[];
  /** Characters of synthetic text per passage, calibrated on synthetic documents. */
  charsPerPassage: number;
}

/** Calibrates the synthetic documents' characters per passage on a sample written under `dir`. */
export async function calibrateSynthetic(dir: string, pool: string[]): Promise<number> {
  const sample = writeSynthetic(join(dir, 'calibration'), pool, 400_000, 99);
  const r = await measurePrepare('synthetic calibration', sample);
  const chars = sample.reduce((s, f) => s + readFileSync(f, 'utf8').length, 0);
  return chars / Math.max(1, r.passages);
}

/** Real texts first (corpus, then law texts in manifest order), then seeded synthetic documents for the rest. */
export function scaleFiles(target: number, src: ScaleSources, synthDir: string): { files: string[]; realPassages: number } {
  const files: string[] = [...src.corpus];
  let count = src.corpus.reduce((s, f) => s + (src.perFile.get(f) ?? 0), 0);
  for (const f of src.laws) {
    if (count >= target) break;
    files.push(f);
    count += src.perFile.get(f) ?? 0;
  }
  const realPassages = count;
  if (count < target) files.push(...writeSynthetic(join(synthDir, String(target)), src.pool, (target - count) * src.charsPerPassage, 7));
  return { files, realPassages };
}
