// Freshness across processes: the store is shared (SQLite, WAL), the in-memory views and indexes are this process's
// own. When another process (the CLI, a second server) has committed, this brings them up to the store: documents
// added, replaced or deleted, read in one snapshot so a document is never seen half. The diff is by passage ids
// (AUTOINCREMENT, never reused), so it is idempotent whatever this process already holds.
import { log } from '../lib/log.ts';
import type { PassageRef } from '../store/store.ts';
import { forget, identityOf, learnVocabulary, loadLexical, rebuildVectorIndex, storedIdentity, type ArchiveState } from './indexes.ts';

export interface SyncResult {
  added: number;
  removed: number;
  documents: number;
}

/** True when another process has committed since the last look (PRAGMA data_version: no table read). */
export function storeChanged(s: ArchiveState): boolean {
  const v = s.store.dataVersion();
  if (v === s.seenDataVersion) return false;
  s.seenDataVersion = v;
  return s.store.generation() !== s.syncedGeneration || s.store.termsEpoch() !== s.termsEpoch;
}

/** Brings views and indexes up to the store's current generation; null when they already were. */
export async function syncWithStore(s: ArchiveState): Promise<SyncResult | null> {
  const result = await syncDocuments(s);
  if (s.store.termsEpoch() === s.termsEpoch) return result;
  // Another process re-analysed every passage (archive/indexes.ts reanalyseTerms): read the new terms.
  await reloadTerms(s);
  log.info('synced with the store: passages re-analysed elsewhere, lexical index reloaded');
  return result ?? { added: 0, removed: 0, documents: s.docs.size };
}

/** Rebuilds the lexical index from the stored terms at the generation the other views hold: read in one snapshot of
 *  that generation, documents synced first whenever another process committed in between (or the index would hold
 *  passages the documents and vectors do not). */
export async function reloadTerms(s: ArchiveState): Promise<void> {
  for (;;) {
    await syncDocuments(s);
    const loaded = s.store.snapshot(() => {
      if (s.store.generation() !== s.syncedGeneration) return false;
      loadLexical(s);
      return true;
    });
    if (loaded) return;
  }
}

async function syncDocuments(s: ArchiveState): Promise<SyncResult | null> {
  if (s.store.generation() === s.syncedGeneration) return null;
  const stored = storedIdentity(s.store);
  if (stored && stored.version !== identityOf(s.embedder).version) {
    // Another process fitted the built-in embedder or re-indexed: its vectors need its embedder.
    await s.reloadEmbedder();
    s.denseBlocked = null;
  }
  const snap = s.store.snapshot(() => {
    const ids = new Set(s.store.passageIds());
    const added = [...ids].filter((id) => !s.refs.has(id));
    return { generation: s.store.generation(), documents: s.store.listDocuments(), ids, added: s.store.passagesForIndex(added) };
  });
  const removed = [...s.refs.keys()].filter((id) => !snap.ids.has(id));
  // From here on synchronous: no search sees the views between the two states.
  forget(s, removed);
  s.docs.clear();
  for (const d of snap.documents) s.docs.set(d.id, d);
  for (const p of snap.added) {
    s.refs.set(p.ref.id, p.ref as PassageRef);
    s.lexical.add(p.ref.id, p.terms);
  }
  const withVectors = snap.added.filter((p) => p.vector !== null);
  if (withVectors.length) {
    s.vectors.add(withVectors.map((p) => p.ref.id), withVectors.map((p) => p.vector!));
    s.dirty = true;
  }
  // Query analysis splits compounds with the archive's own words: count the added passages' words as their writer did,
  // rather than reading the whole vocabulary table again at every sync.
  learnVocabulary(s, snap.added.map((p) => p.text), { persist: false });
  s.syncedGeneration = snap.generation;
  // A refit elsewhere replaced every vector: the incremental adds above do not cover the old ones.
  if (s.vectors.identity.version !== identityOf(s.embedder).version) await rebuildVectorIndex(s);
  log.info(`synced with the store: +${snap.added.length} -${removed.length} passages, ${snap.documents.length} documents`);
  return { added: snap.added.length, removed: removed.length, documents: snap.documents.length };
}
