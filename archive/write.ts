// The archive's write path: files -> prepared documents (ingest/) -> terms and vectors -> one store transaction per
// document -> the in-memory indexes. Callers serialise writes (archive.ts holds the mutex), so a search never sees a
// half-updated document.
import { basename, resolve } from 'node:path';
import type { PassageRecord } from '../store/store.ts';
import { describeError, isArchiveError } from '../lib/errors.ts';
import { isFittable } from '../index/types.ts';
import { prepareDocument, sha256, type PreparedDocument } from '../ingest/prepare.ts';
import type { IngestOutcome, IngestProgress } from './api.ts';
import { assignIds, documentId, uploadName } from './ids.ts';
import { expandPaths, readInput } from './files.ts';
import {
  assertDenseUsable, forget, learnVocabulary, loadLexical, rebuildVectorIndex, recordIdentity,
  resetVectorIndex, saveVectors, storedIdentity, termsOf, type ArchiveState,
} from './indexes.ts';

interface Prepared {
  index: number;
  file: string;
  t0: number;
  prep: PreparedDocument;
}

export async function ingestFiles(s: ArchiveState, paths: string[], onProgress?: (p: IngestProgress) => void): Promise<IngestOutcome[]> {
  const files = assignIds(await expandPaths(paths.map((p) => resolve(p))));
  // Outcomes in input order; a prepared document gets its outcome when it is committed.
  const outcomes: (IngestOutcome | undefined)[] = new Array(files.length);
  const progress: IngestProgress = { filesDone: 0, filesTotal: files.length, pages: 0, passages: 0 };
  const prepared = await prepareAll(s, files, outcomes, progress, onProgress);

  // The built-in embedder learns from the archive: fit it before the first vectors are made.
  await fitIfNeeded(s, prepared.map((p) => p.prep));
  learnVocabulary(s, prepared.flatMap((p) => p.prep.passages.map((x) => x.text)));

  // Analyse, embed, write each document in its own transaction, then update the indexes.
  for (const p of prepared) {
    try {
      // The vector thread indexes the previous documents meanwhile; wait only if it falls far behind.
      await s.vectors.settle();
      const outcome = await commitDocument(s, p.prep);
      outcomes[p.index] = { ...outcome, file: p.file, ms: performance.now() - p.t0 };
      progress.passages += p.prep.passages.length;
      onProgress?.({ ...progress, currentFile: p.file });
    } catch (e) {
      outcomes[p.index] = skipped(p.file, e, p.t0);
    }
  }
  if (s.dirty) await saveVectors(s);
  return outcomes.filter((o) => o !== undefined);
}

/** Parses, cleans and splits two files at a time (PDFs parse in two worker threads). Unchanged files stop here. */
async function prepareAll(
  s: ArchiveState,
  files: { path: string; id: string }[],
  outcomes: (IngestOutcome | undefined)[],
  progress: IngestProgress,
  onProgress?: (p: IngestProgress) => void,
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const f = files[i];
      const t0 = performance.now();
      progress.currentFile = f.path;
      onProgress?.({ ...progress });
      try {
        const bytes = await readInput(f.path);
        const existing = s.docs.get(f.id);
        if (existing && existing.sha256 === sha256(bytes)) {
          outcomes[i] = { file: f.path, status: 'unchanged', docId: f.id, ms: performance.now() - t0 };
        } else {
          const prep = await prepareDocument(bytes, { id: f.id, fileName: basename(f.path), sourcePath: f.path }, { passage: s.passageOpts });
          prepared.push({ index: i, file: f.path, t0, prep });
          progress.pages += prep.meta.pageCount;
        }
      } catch (e) {
        outcomes[i] = skipped(f.path, e, t0);
      }
      progress.filesDone++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all([worker(), worker()]);
  return prepared.sort((x, y) => x.index - y.index);
}

export async function ingestBytes(s: ArchiveState, fileName: string, bytes: Uint8Array): Promise<IngestOutcome> {
  const t0 = performance.now();
  const name = uploadName(fileName);
  const id = documentId(name);
  try {
    const existing = s.docs.get(id);
    if (existing && existing.sha256 === sha256(bytes)) return { file: name, status: 'unchanged', docId: id, ms: performance.now() - t0 };
    const prep = await prepareDocument(bytes, { id, fileName: name, sourcePath: `upload:${name}` }, { passage: s.passageOpts });
    await fitIfNeeded(s, [prep]);
    learnVocabulary(s, prep.passages.map((p) => p.text));
    const outcome = await commitDocument(s, prep);
    await saveVectors(s);
    return { ...outcome, file: name, ms: performance.now() - t0 };
  } catch (e) {
    return skipped(name, e, t0);
  }
}

export async function deleteDocument(s: ArchiveState, id: string): Promise<boolean> {
  const removed = s.store.deleteDocument(id);
  if (removed === null) return false;
  forget(s, removed);
  s.docs.delete(id);
  await saveVectors(s);
  return true;
}

/** Re-embeds every stored passage (refitting the built-in embedder on the whole archive first) and rebuilds the
 *  vector index; re-analyses terms too. The fix for an embedder mismatch or a grown archive. */
export async function reindex(s: ArchiveState, onProgress?: (done: number, total: number) => void): Promise<{ passages: number; ms: number }> {
  const t0 = performance.now();
  const passages = [...s.store.passageTexts()];
  // The built-in embedder saves its own state when fitted (index/embedders/load.ts says where).
  if (isFittable(s.embedder)) await s.embedder.fit(passages.map((p) => p.text));
  s.store.replaceVectors(await embedAll(s, passages, onProgress));
  s.store.replaceTerms(passages.map((p) => ({ id: p.id, terms: termsOf(s, p.text) })));
  recordIdentity(s);
  s.denseBlocked = null;
  loadLexical(s);
  await rebuildVectorIndex(s);
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

async function fitIfNeeded(s: ArchiveState, batch: PreparedDocument[]): Promise<void> {
  if (!isFittable(s.embedder) || s.embedder.fitted) return;
  const stored = [...s.store.passageTexts()];
  const texts = stored.map((p) => p.text);
  for (const b of batch) for (const p of b.passages) texts.push(p.text);
  if (texts.length === 0) return;
  await s.embedder.fit(texts);
  // Vectors made before the fit (e.g. when the saved embedder state was lost) are not comparable with the new
  // basis: re-embed the stored passages, so store and index keep one vector per passage.
  const entries = await embedAll(s, stored);
  if (entries.length > 0 || s.store.counts().vectors > 0) s.store.replaceVectors(entries);
  recordIdentity(s);
  s.denseBlocked = null;
  // The index was opened for the unfitted embedder's identity: start one for the fitted embedder.
  await resetVectorIndex(s);
  if (entries.length) s.vectors.add(entries.map((e) => e.id), entries.map((e) => e.vector));
  s.dirty = true;
}

async function commitDocument(s: ArchiveState, prep: PreparedDocument): Promise<Omit<IngestOutcome, 'file' | 'ms'>> {
  assertDenseUsable(s);
  const vectors = await s.embedder.embedPassages(prep.passages.map((p) => p.text));
  const records: PassageRecord[] = prep.passages.map((p, i) => ({ ...p, terms: termsOf(s, p.text), vector: vectors[i] }));
  if (!storedIdentity(s.store)) recordIdentity(s);
  const replaced = s.docs.has(prep.meta.id);
  // From here to the end of the function everything is synchronous: no search can interleave.
  const { removed, added } = s.store.putDocument(prep.meta, prep.doc, records);
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
    passages: prep.passages.length,
  };
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
