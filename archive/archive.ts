// The archive: the one orchestrator. It ties the store (source of truth) to the derived indexes and the embedder,
// answers reads, and serialises writes (archive/write.ts) so a search never sees a half-updated document.
import type { Hit, Passage, SearchOptions } from '../lib/types.ts';
import { archiveDefaults, rankingDefaults } from '../lib/config.ts';
import { describeError } from '../lib/errors.ts';
import { log } from '../lib/log.ts';
import { Mutex } from '../lib/mutex.ts';
import { retrieve, type RetrieveTuning } from '../retrieval/retrieve.ts';
import { pageParagraphs, placeOf } from '../retrieval/place.ts';
import type { Archive, ArchiveHealth, ArchiveParts, DocumentPage, DocumentSummary, IngestOptions, IngestOutcome, PlacedPassage } from './api.ts';
import { assertDenseUsable, identityOf, openState, saveIndexes, saveLexical, type ArchiveState, type OpenArchiveOptions } from './indexes.ts';
import * as write from './write.ts';
import { answerSources, textAround } from './answer-sources.ts';
import type { AnswerSources } from '../answer/types.ts';
import { storeChanged, syncWithStore } from './sync.ts';
import { ReadingListStore, type ReadingLists } from '../store/reading-lists.ts';

export type { OpenArchiveOptions } from './indexes.ts';

export async function openArchive(opts: OpenArchiveOptions & { watch?: boolean }): Promise<Archive> {
  const archive = new LocalArchive(await openState(opts));
  if (opts.watch) archive.watch();
  return archive;
}

class LocalArchive implements Archive {
  private readonly writes = new Mutex();
  private timer?: NodeJS.Timeout;
  private lexicalSave?: NodeJS.Timeout;
  private closing = false;
  readonly readingLists: ReadingLists;

  constructor(private readonly s: ArchiveState) {
    this.readingLists = new ReadingListStore(s.store.db);
  }

  /** Looks for other processes' commits every archiveDefaults.freshnessPollMs (a server's archive does). */
  watch(): void {
    this.timer = setInterval(() => {
      this.refresh().catch((e: unknown) => log.warn(`could not bring the archive up to date with its store: ${describeError(e)}`));
    }, archiveDefaults.freshnessPollMs);
    this.timer.unref();
  }

  async refresh(): Promise<boolean> {
    if (!storeChanged(this.s)) return false;
    return this.writes.run(async () => (await syncWithStore(this.s)) !== null);
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

  getPassages(docId: string): PlacedPassage[] {
    const doc = this.s.docs.get(docId);
    return this.s.store.passagesOf(docId).map((p) => ({ ...p, place: doc ? placeOf(this.s.store, doc, p) : '' }));
  }

  getDocumentText(docId: string): string | null {
    return this.s.store.documentText(docId)?.text ?? null;
  }

  getTextAround(docId: string, from: number, to: number): { text: string; offset: number; atEnd: boolean; pageStarts: number[] } | null {
    return textAround(this.s, docId, from, to);
  }

  answerSources(): AnswerSources {
    return answerSources(this.s);
  }

  getPage(docId: string, page: number): DocumentPage | null {
    const d = this.s.store.documentText(docId);
    const doc = this.s.docs.get(docId);
    if (!d || !doc || !Number.isInteger(page) || page < 1 || page > d.pageStarts.length) return null;
    const start = d.pageStarts[page - 1];
    const end = page < d.pageStarts.length ? d.pageStarts[page] : d.text.length;
    const paragraphs = pageParagraphs(this.s.store, doc, start, end);
    return { page, start, text: d.text.slice(start, end), ...(paragraphs ? { paragraphs } : {}) };
  }

  placeOf(docId: string, span: Pick<Passage, 'start' | 'end' | 'pageFirst' | 'pageLast' | 'headingPath'>): string | null {
    const doc = this.s.docs.get(docId);
    return doc ? placeOf(this.s.store, doc, span) : null;
  }

  health(): ArchiveHealth {
    const { store, vectors, embedder, embedderNote, denseBlocked, lexDir, dataDir, refs, docs, syncedGeneration, lexicalMeta } = this.s;
    const c = store.counts();
    const generation = store.generation();
    return {
      documents: c.documents,
      passages: c.passages,
      vectors: vectors.size,
      // Store and this process's indexes agree: same generation, every stored passage and vector indexed.
      inStep: generation === syncedGeneration && refs.size === c.passages && docs.size === c.documents && vectors.size === c.vectors,
      generation: { store: generation, indexes: syncedGeneration },
      indexed: { documents: docs.size, passages: refs.size },
      embedder: { ...identityOf(embedder), note: denseBlocked ? `${embedderNote}; dense search disabled: ${denseBlocked}` : embedderNote },
      lexicalIndex: { loadedFrom: lexicalMeta.from, ms: Math.round(lexicalMeta.ms) },
      lexicon: lexDir !== null,
      dataDir,
    };
  }

  parts(): ArchiveParts {
    const { analyser, lexical, vectors, embedder, store } = this.s;
    return { analyser, lexical, vectors, embedder, store };
  }

  // ---- writing ----------------------------------------------------------------------------------

  ingestFiles(paths: string[], opts?: IngestOptions): Promise<IngestOutcome[]> {
    return this.writes.run(() => write.ingestFiles(this.s, paths, opts));
  }

  ingestBytes(fileName: string, bytes: Uint8Array, opts?: IngestOptions): Promise<IngestOutcome> {
    return this.writes.run(() => write.ingestBytes(this.s, fileName, bytes, opts)).finally(() => this.saveLexicalWhenQuiet());
  }

  deleteDocument(id: string): Promise<boolean> {
    return this.writes.run(() => write.deleteDocument(this.s, id)).finally(() => this.saveLexicalWhenQuiet());
  }

  /** Single writes (uploads, deletes) do not save the lexical index each; once they pause, it is saved (when it
   *  changed: saveLexical compares tags), so a server killed later does not rebuild it at its next open. */
  private saveLexicalWhenQuiet(): void {
    clearTimeout(this.lexicalSave);
    if (this.closing) return;
    this.lexicalSave = setTimeout(() => {
      this.writes.run(async () => saveLexical(this.s)).catch((e: unknown) => log.warn(`lexical index not saved: ${describeError(e)}`));
    }, archiveDefaults.lexicalSaveQuietMs);
    this.lexicalSave.unref();
  }

  reindex(onProgress?: (done: number, total: number) => void): Promise<{ passages: number; ms: number }> {
    return this.writes.run(() => write.reindex(this.s, onProgress));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.lexicalSave);
    this.closing = true;
    await this.writes.run(async () => {
      try {
        await saveIndexes(this.s);
      } finally {
        // A failed save leaves the index behind the store's generation: the next open rebuilds it.
        await this.s.vectors.close();
        this.s.store.close();
      }
    });
  }
}
