// The archive's write path: files -> prepared documents (ingest/) -> terms and vectors -> one store transaction per
// document -> the in-memory indexes. Documents are committed one by one as soon as they are ready (in input order),
// so a kill keeps every finished document and a re-run completes the rest. Callers serialise writes (archive.ts holds
// the mutex), so a search never sees a half-updated document.
import { basename } from 'node:path';
import type { PassageRecord } from '../store/store.ts';
import { embedderDefaults } from '../lib/config.ts';
import { describeError, isArchiveError } from '../lib/errors.ts';
import { log } from '../lib/log.ts';
import { isFittable } from '../index/types.ts';
import { prepareDocument, sha256, type PreparedDocument } from '../ingest/prepare.ts';
import type { IngestOptions, IngestOutcome, IngestProgress } from './api.ts';
import { newDocumentId, uploadName, uploadSource } from './ids.ts';
import { readInput, walk, type WalkedFile } from './files.ts';
import {
  assertDenseUsable, forget, learnVocabulary, noteOwnCommit, reanalyseTerms, rebuildVectorIndex, recordIdentity,
  resetVectorIndex, saveIndexes, saveLexical, saveVectors, storedIdentity, termsDrifted, termsOf, type ArchiveState,
} from './indexes.ts';
import { reloadTerms, syncWithStore } from './sync.ts';
import { prepareAhead, type Step } from './pipeline.ts';

export async function ingestFiles(s: ArchiveState, paths: string[], opts: IngestOptions = {}): Promise<IngestOutcome[]> {
  await syncWithStore(s);
  const files = await walk(paths);
  const progress: IngestProgress = { filesDone: 0, filesTotal: files.length, pages: 0, passages: 0 };
  const batch = new Batch(s);
  const outcomes: IngestOutcome[] = [];
  const unfitted: { step: Step<PreparedDocument>; file: WalkedFile }[] = [];
  const steps = prepareAhead(files, (f) => prepareFile(s, f, opts));
  for (const [i, f] of files.entries()) {
    const step = await steps.next(i);
    progress.filesDone++;
    progress.currentFile = f.path;
    if (step.prepared) progress.pages += step.prepared.meta.pageCount;
    if (needsFit(s) && step.prepared) {
      // The built-in embedder learns from the archive: the first documents wait until there is enough text to fit it.
      unfitted.push({ step, file: f });
      if (!fitReady(unfittedPassages(unfitted), i + 1, files.length)) continue;
      await fit(s, unfitted.map((u) => u.step.prepared!));
      for (const u of unfitted.splice(0)) outcomes.push(await batch.commit(u.step, u.file, progress));
    } else {
      outcomes.push(await batch.commit(step, f, progress));
    }
    opts.onProgress?.({ ...progress });
  }
  await refreshTerms(s);
  await saveIndexes(s);
  return outcomes;
}

/** After a batch: once the archive's words have grown enough, every passage is analysed again with them, in one
 *  transaction, and the lexical index reloaded (programmas-nl, 68,671 passages: see RELIABILITY.md). */
async function refreshTerms(s: ArchiveState): Promise<void> {
  if (!termsDrifted(s)) return;
  const t0 = performance.now();
  reanalyseTerms(s);
  await reloadTerms(s);
  log.info(`the archive's words have grown: ${s.refs.size} passages analysed again (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/** Reads a file and prepares it, unless its document is unchanged (and not to be reread) or another document has the
 *  same bytes. */
async function prepareFile(s: ArchiveState, f: WalkedFile, opts: IngestOptions): Promise<Step<PreparedDocument>> {
  const t0 = performance.now();
  if (f.error) return { t0, outcome: skipped(f.path, f.error, t0) };
  try {
    const bytes = await readInput(f.real);
    const hash = sha256(bytes);
    const existing = s.store.documentBySource(f.real);
    if (existing?.sha256 === hash && !opts.reread) return { t0, outcome: { file: f.path, status: 'unchanged', docId: existing.id, ms: performance.now() - t0 } };
    const twin = s.store.documentBySha(hash, f.real);
    if (twin) return { t0, outcome: duplicate(f.path, twin.id, t0) };
    const prepared = await prepareDocument(bytes, { id: existing?.id ?? '', fileName: basename(f.real), sourcePath: f.real }, { passage: s.passageOpts, password: opts.password });
    return { t0, prepared };
  } catch (e) {
    return { t0, outcome: skipped(f.path, e, t0) };
  }
}

/** Identity and duplicates across one batch, resolved in input order so ids do not depend on timing. */
class Batch {
  private readonly ids = new Set<string>();
  private readonly hashes = new Map<string, string>();

  constructor(private readonly s: ArchiveState) {}

  async commit(step: Step<PreparedDocument>, f: WalkedFile, progress: IngestProgress): Promise<IngestOutcome> {
    if (!step.prepared) return step.outcome!;
    const prep = step.prepared;
    const twin = this.hashes.get(prep.meta.sha256);
    if (twin) return duplicate(f.path, twin, step.t0);
    prep.meta.id ||= newDocumentId(prep.meta.sourcePath, (id) => this.ids.has(id) || this.s.store.hasDocument(id));
    try {
      const outcome = await commitDocument(this.s, prep);
      this.ids.add(prep.meta.id);
      this.hashes.set(prep.meta.sha256, prep.meta.id);
      progress.passages += prep.passages.length;
      return { ...outcome, file: f.path, ms: performance.now() - step.t0 };
    } catch (e) {
      return skipped(f.path, e, step.t0);
    }
  }
}

export async function ingestBytes(s: ArchiveState, fileName: string, bytes: Uint8Array, opts: IngestOptions = {}): Promise<IngestOutcome> {
  const t0 = performance.now();
  const name = uploadName(fileName);
  const source = uploadSource(name);
  try {
    await syncWithStore(s);
    const hash = sha256(bytes);
    const existing = s.store.documentBySource(source);
    if (existing?.sha256 === hash && !opts.reread) return { file: name, status: 'unchanged', docId: existing.id, ms: performance.now() - t0 };
    const twin = s.store.documentBySha(hash, source);
    if (twin) return duplicate(name, twin.id, t0);
    const id = existing?.id ?? newDocumentId(source, (x) => s.store.hasDocument(x));
    const prep = await prepareDocument(bytes, { id, fileName: name, sourcePath: source }, { passage: s.passageOpts, password: opts.password });
    if (needsFit(s)) await fit(s, [prep]);
    const outcome = await commitDocument(s, prep);
    await refreshTerms(s);
    await saveVectors(s);
    return { ...outcome, file: name, ms: performance.now() - t0 };
  } catch (e) {
    return skipped(name, e, t0);
  }
}

export async function deleteDocument(s: ArchiveState, id: string): Promise<boolean> {
  await syncWithStore(s);
  const before = s.store.generation();
  const removed = s.store.deleteDocument(id);
  if (removed === null) return false;
  noteOwnCommit(s, before);
  forget(s, removed);
  s.docs.delete(id);
  await saveVectors(s);
  return true;
}

/** Re-embeds every stored passage (refitting the built-in embedder on the whole archive first) and rebuilds the
 *  vector index; re-analyses terms too. The fix for an embedder mismatch or a grown archive. */
export async function reindex(s: ArchiveState, onProgress?: (done: number, total: number) => void): Promise<{ passages: number; ms: number }> {
  const t0 = performance.now();
  await syncWithStore(s);
  const passages = [...s.store.passageTexts()];
  // The built-in embedder saves its own state when fitted (index/embedders/load.ts says where).
  if (isFittable(s.embedder)) await s.embedder.fit(passages.map((p) => p.text));
  const before = s.store.generation();
  s.store.replaceVectors(await embedAll(s, passages, onProgress));
  noteOwnCommit(s, before);
  reanalyseTerms(s);
  recordIdentity(s);
  s.denseBlocked = null;
  await reloadTerms(s);
  await rebuildVectorIndex(s);
  saveLexical(s);
  return { passages: passages.length, ms: performance.now() - t0 };
}

/** Embeds stored passages in batches (the embedder's batch work stays bounded in memory). */
async function embedAll(
  s: ArchiveState,
  passages: { id: number; text: string }[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ id: number; vector: Float32Array }[]> {
  const entries: { id: number; vector: Float32Array }[] = [];
  for (let i = 0; i < passages.length; i += 256) {
    const slice = passages.slice(i, i + 256);
    const vecs = await s.embedder.embedPassages(slice.map((p) => p.text));
    slice.forEach((p, j) => entries.push({ id: p.id, vector: vecs[j] }));
    onProgress?.(Math.min(i + 256, passages.length), passages.length);
  }
  return entries;
}

function needsFit(s: ArchiveState): boolean {
  return isFittable(s.embedder) && !s.embedder.fitted;
}

/** A fresh archive fits the built-in embedder once a quarter of the batch (and 2,000 passages) is prepared, on all
 *  of it, or at the full sample size: the vocabulary is then representative, and the rest of the batch is committed
 *  as it comes (a kill keeps what was committed). */
function fitReady(passages: number, filesDone: number, filesTotal: number): boolean {
  const { maxFitPassages } = embedderDefaults.builtin.fit;
  const { fitMinPassages, fitFileShare } = embedderDefaults.builtin.firstFit;
  return filesDone === filesTotal || passages >= maxFitPassages || (passages >= fitMinPassages && filesDone >= filesTotal * fitFileShare);
}

function unfittedPassages(waiting: { step: Step<PreparedDocument> }[]): number {
  return waiting.reduce((n, w) => n + w.step.prepared!.passages.length, 0);
}

/** Fits the built-in embedder on the stored passages and the waiting documents, before their vectors are made. */
async function fit(s: ArchiveState, waiting: PreparedDocument[]): Promise<void> {
  if (!isFittable(s.embedder)) return;
  const stored = [...s.store.passageTexts()];
  await s.embedder.fit([...stored.map((p) => p.text), ...waiting.flatMap((b) => b.passages.map((p) => p.text))]);
  // Vectors made before the fit (e.g. when the saved embedder state was lost) are not comparable with the new
  // basis: re-embed the stored passages, so store and index keep one vector per passage.
  const entries = await embedAll(s, stored);
  const before = s.store.generation();
  if (entries.length > 0 || s.store.counts().vectors > 0) {
    s.store.replaceVectors(entries);
    noteOwnCommit(s, before);
  }
  recordIdentity(s);
  s.denseBlocked = null;
  // The index was opened for the unfitted embedder's identity: start one for the fitted embedder.
  await resetVectorIndex(s);
  if (entries.length) s.vectors.add(entries.map((e) => e.id), entries.map((e) => e.vector));
  s.dirty = true;
}

async function commitDocument(s: ArchiveState, prep: PreparedDocument): Promise<Omit<IngestOutcome, 'file' | 'ms'>> {
  assertDenseUsable(s);
  // The vector thread indexes the previous documents meanwhile; wait only if it falls far behind.
  await s.vectors.settle();
  learnVocabulary(s, prep.passages.map((p) => p.text));
  const vectors = await s.embedder.embedPassages(prep.passages.map((p) => p.text));
  const records: PassageRecord[] = prep.passages.map((p, i) => ({ ...p, terms: termsOf(s, p.text), vector: vectors[i] }));
  if (!storedIdentity(s.store)) recordIdentity(s);
  const replaced = s.docs.has(prep.meta.id);
  // From here to the end of the function everything is synchronous: no search can interleave.
  const before = s.store.generation();
  const { removed, added } = s.store.putDocument(prep.meta, prep.doc, records);
  noteOwnCommit(s, before);
  forget(s, removed);
  s.docs.set(prep.meta.id, prep.meta);
  added.forEach((id, i) => {
    const r = records[i];
    s.refs.set(id, { id, docId: prep.meta.id, ordinal: r.ordinal, start: r.start, end: r.end });
    s.lexical.add(id, r.terms);
  });
  s.vectors.add(added, vectors);
  s.dirty = true;
  return {
    status: replaced ? 'replaced' : 'ingested',
    docId: prep.meta.id,
    pages: prep.meta.pageCount,
    emptyPages: prep.doc.emptyPages.length,
    ocrPages: prep.meta.details.ocrPages.length || undefined,
    passages: prep.passages.length,
  };
}

function duplicate(file: string, of: string, t0: number): IngestOutcome {
  return { file, status: 'duplicate', docId: of, reason: `same bytes as document "${of}"`, ms: performance.now() - t0 };
}

function skipped(file: string, e: unknown, t0: number): IngestOutcome {
  return {
    file,
    status: 'skipped',
    reason: describeError(e),
    code: isArchiveError(e) ? e.code : 'ERR_INTERNAL',
    ms: performance.now() - t0,
  };
}
