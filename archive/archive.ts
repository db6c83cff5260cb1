// The archive: the one orchestrator. It ties the store (source of truth) to the derived indexes and the embedder,
// answers reads, and serialises writes (archive/write.ts) so a search never sees a half-updated document.
import type { Hit, Passage, SearchOptions } from '../lib/types.ts';
import { rankingDefaults } from '../lib/config.ts';
import { Mutex } from '../lib/mutex.ts';
import { retrieve, type RetrieveTuning } from '../retrieval/retrieve.ts';
import type { Archive, ArchiveHealth, ArchiveParts, DocumentSummary, IngestOutcome, IngestProgress } from './api.ts';
import { assertDenseUsable, identityOf, openState, saveVectors, type ArchiveState, type OpenArchiveOptions } from './indexes.ts';
import * as write from './write.ts';
import { ReadingListStore, type ReadingLists } from '../store/reading-lists.ts';

export type { OpenArchiveOptions } from './indexes.ts';

export async function openArchive(opts: OpenArchiveOptions): Promise<Archive> {
  return new LocalArchive(await openState(opts));
}

class LocalArchive implements Archive {
  private readonly writes = new Mutex();
  readonly readingLists: ReadingLists;

  constructor(private readonly s: ArchiveState) {
    this.readingLists = new ReadingListStore(s.store.db);
  }

  get tuning(): RetrieveTuning {
    return this.s.tuning;
  }

  set tuning(t: RetrieveTuning) {
    this.s.tuning = t;
  }

  // ---- reading ----------------------------------------------------------------------------------

  async search(query: string, opts: SearchOptions = {}): Promise<Hit[]> {
    if ((opts.mode ?? rankingDefaults.mode) !== 'lexical') assertDenseUsable(this.s);
    return retrieve(query, opts, this.s, this.s.tuning);
  }

  setEfSearch(ef: number): void {
    this.s.vectors.setEfSearch(ef);
  }

  listDocuments(): DocumentSummary[] {
    return this.s.store.listDocuments();
  }

  getDocument(id: string): DocumentSummary | null {
    return this.s.store.getDocument(id);
  }

  getPassages(docId: string): Passage[] {
    return this.s.store.passagesOf(docId);
  }

  getDocumentText(docId: string): string | null {
    return this.s.store.documentText(docId)?.text ?? null;
  }

  getPage(docId: string, page: number): { page: number; start: number; text: string } | null {
    const d = this.s.store.documentText(docId);
    if (!d || !Number.isInteger(page) || page < 1 || page > d.pageStarts.length) return null;
    const start = d.pageStarts[page - 1];
    const end = page < d.pageStarts.length ? d.pageStarts[page] : d.text.length;
    return { page, start, text: d.text.slice(start, end) };
  }

  health(): ArchiveHealth {
    const { store, vectors, embedder, embedderNote, denseBlocked, lexDir, dataDir } = this.s;
    const c = store.counts();
    return {
      documents: c.documents,
      passages: c.passages,
      vectors: vectors.size,
      embedder: { ...identityOf(embedder), note: denseBlocked ? `${embedderNote}; dense search disabled: ${denseBlocked}` : embedderNote },
      lexicon: lexDir !== null,
      dataDir,
    };
  }

  parts(): ArchiveParts {
    const { analyser, lexical, vectors, embedder, store } = this.s;
    return { analyser, lexical, vectors, embedder, store };
  }

  // ---- writing ----------------------------------------------------------------------------------

  ingestFiles(paths: string[], onProgress?: (p: IngestProgress) => void): Promise<IngestOutcome[]> {
    return this.writes.run(() => write.ingestFiles(this.s, paths, onProgress));
  }

  ingestBytes(fileName: string, bytes: Uint8Array): Promise<IngestOutcome> {
    return this.writes.run(() => write.ingestBytes(this.s, fileName, bytes));
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.writes.run(() => write.deleteDocument(this.s, id));
  }

  reindex(onProgress?: (done: number, total: number) => void): Promise<{ passages: number; ms: number }> {
    return this.writes.run(() => write.reindex(this.s, onProgress));
  }

  async close(): Promise<void> {
    await this.writes.run(async () => {
      try {
        if (this.s.dirty) await saveVectors(this.s);
      } finally {
        // A failed save leaves the index behind the store's generation: the next open rebuilds it.
        await this.s.vectors.close();
        this.s.store.close();
      }
    });
  }
}
