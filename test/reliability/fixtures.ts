// Shared helpers for the reliability tests and `npm run soak`: temporary dirs, generated files, the passage counts a
// clean ingest gives, archive snapshots and the consistency invariants every test checks.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { prepareDocument, sha256 } from '../../ingest/prepare.ts';
import type { Archive } from '../../archive/api.ts';
import type { Hit } from '../../lib/types.ts';
import { seededRandom } from '../../index/embedders/linalg.ts';
import { corpusFiles } from '../corpus.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'bin/raadsarchief.js');
export const RUN_TS = join(ROOT, 'bin/run-ts.js');

export const tmp = (what = 'rel') => mkdtempSync(join(tmpdir(), `raadsarchief-${what}-`));

export { corpusFiles };

/** Every "random" choice in these tests is reproducible from a seed (the embedder's own PRNG). */
export const rng = seededRandom;

/** Splits the bundled corpus into many smaller documents (at blank lines, about `pieceChars` each), so that a
 *  batch has many commits a crash or a concurrent search can fall between. Returns the file paths. */
export function writeCorpusPieces(dir: string, pieceChars = 3000): string[] {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const f of corpusFiles()) {
    const paragraphs = readFileSync(f, 'utf8').split(/\n\s*\n/);
    let piece: string[] = [];
    let size = 0;
    let n = 0;
    const flush = () => {
      if (piece.join('').trim().length === 0) return;
      const path = join(dir, `${basename(f, '.txt')}-deel${String(++n).padStart(2, '0')}.txt`);
      writeFileSync(path, piece.join('\n\n') + '\n');
      out.push(path);
      piece = [];
      size = 0;
    };
    for (const p of paragraphs) {
      piece.push(p);
      size += p.length;
      if (size >= pieceChars) flush();
    }
    flush();
  }
  return out;
}

/** sha256 of the file's bytes -> the number of passages a clean ingest gives it. */
export type ExpectedCounts = Map<string, number>;

export async function expectedCounts(files: string[], into: ExpectedCounts = new Map()): Promise<ExpectedCounts> {
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const hash = sha256(bytes);
    if (into.has(hash)) continue;
    const prep = await prepareDocument(bytes, { id: 'test', fileName: basename(f), sourcePath: f });
    into.set(hash, prep.passages.length);
  }
  return into;
}

/** What a test compares to prove the archive did not change: documents, their passages and the store generation. */
export interface Snapshot {
  generation: number;
  docs: Record<string, { sha256: string; passageCount: number; passagesHash: string }>;
  health: { documents: number; passages: number; vectors: number };
}

export function snapshot(archive: Archive & { store?: { generation(): number } }): Snapshot {
  const docs: Snapshot['docs'] = {};
  for (const d of archive.listDocuments()) {
    const h = createHash('sha256');
    for (const p of archive.getPassages(d.id)) h.update(`${p.id}|${p.start}|${p.end}|${p.pageFirst}|${p.text}\n`);
    docs[d.id] = { sha256: d.sha256, passageCount: d.passageCount, passagesHash: h.digest('hex') };
  }
  const { documents, passages, vectors } = archive.health();
  return { generation: archive.store?.generation() ?? -1, docs, health: { documents, passages, vectors } };
}

/**
 * The invariants after any crash, any concurrent write or any bad input: store and vector index agree, every
 * document holds exactly the passages a clean ingest gives its bytes (so it is fully present, never partly), and
 * every passage is an exact slice of its document's text. Returns the problems found (empty when all hold).
 */
export function consistencyProblems(archive: Archive, expected?: ExpectedCounts): string[] {
  const problems: string[] = [];
  const h = archive.health();
  if (h.vectors !== h.passages) problems.push(`vector index holds ${h.vectors} vectors for ${h.passages} passages`);
  let total = 0;
  for (const d of archive.listDocuments()) {
    total += d.passageCount;
    const want = expected?.get(d.sha256);
    if (expected && want === undefined) problems.push(`${d.id}: unknown content ${d.sha256.slice(0, 12)}`);
    if (want !== undefined && want !== d.passageCount) problems.push(`${d.id}: ${d.passageCount} passages, a clean ingest gives ${want}`);
    const text = archive.getDocumentText(d.id);
    if (text === null) {
      problems.push(`${d.id}: listed but has no text`);
      continue;
    }
    archive.getPassages(d.id).forEach((p, i) => {
      if (p.ordinal !== i) problems.push(`${d.id}: passage ordinal ${p.ordinal} at position ${i}`);
      if (text.slice(p.start, p.end) !== p.text) problems.push(`${d.id}#${p.ordinal}: text is not the slice ${p.start}-${p.end}`);
    });
  }
  if (total !== h.passages) problems.push(`documents list ${total} passages, the store counts ${h.passages}`);
  return problems;
}

/** Problems with hits: each names a document that exists, holds its full passage count, and quotes its text. */
export function hitProblems(archive: Archive, hits: Hit[], expected?: ExpectedCounts): string[] {
  const problems: string[] = [];
  for (const hit of hits) {
    const d = archive.getDocument(hit.docId);
    if (!d) continue; // deleted after the search answered: allowed, the search saw it whole
    const want = expected?.get(d.sha256);
    if (want !== undefined && want !== d.passageCount) problems.push(`hit on ${d.id} with ${d.passageCount}/${want} passages`);
    const ids = new Set(archive.getPassages(d.id).map((p) => p.id));
    if (!hit.passageIds.every((id) => ids.has(id))) continue; // replaced after the search answered
    const text = archive.getDocumentText(d.id) ?? '';
    if (text.slice(hit.start, hit.end) !== hit.text) problems.push(`hit on ${d.id} ${hit.start}-${hit.end} does not quote its document`);
  }
  return problems;
}

/** Bounded-resource probe: runs fn while sampling RSS every 25 ms; returns the result, wall time and peak growth. */
export async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRssGrowthMb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms: performance.now() - t0, peakRssGrowthMb: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
