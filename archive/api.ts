// What the CLI, the API server, the eval harness and the benchmarks see of the archive: this interface only.
// Implemented by archive/archive.ts, the one orchestrator of store, indexes and embedder.
import type { DocumentMeta, Hit, Passage, SearchOptions } from '../lib/types.ts';
import type { ErrorCode } from '../lib/errors.ts';
import type { Analyser } from '../language/analyser.ts';
import type { Embedder, EmbedderIdentity } from '../index/types.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndexThread } from '../index/vector-thread.ts';
import type { Store } from '../store/store.ts';
import type { RetrieveTuning } from '../retrieval/retrieve.ts';
import type { AnswerSources } from '../answer/types.ts';
import type { ReadingLists } from '../store/reading-lists.ts';

export type { ItemDraft, ItemSource, ReadingList, ReadingListItem, ReadingListSummary, ReadingLists } from '../store/reading-lists.ts';

/** `duplicate`: the file's bytes are already in the archive under another source (docId names that document). */
export type IngestStatus = 'ingested' | 'unchanged' | 'replaced' | 'duplicate' | 'skipped';

/** The outcome for one input file: always produced, whatever went wrong. */
export interface IngestOutcome {
  file: string;
  status: IngestStatus;
  docId?: string;
  /** For skipped files: a clear, user-facing reason (e.g. "scanned PDF, no text layer (0 of 12 pages have text)"). */
  reason?: string;
  /** For skipped files: the error's code in the catalogue (lib/errors.ts). */
  code?: ErrorCode;
  pages?: number;
  emptyPages?: number;
  /** Pages read from a scan by OCR. */
  ocrPages?: number;
  passages?: number;
  ms: number;
}

export interface IngestOptions {
  /** The password of encrypted PDFs in the batch. */
  password?: string;
  /** Read files the archive already holds again even when their bytes are unchanged, so that a newer version's
   *  metadata and cleaning reach them (status 'replaced'). */
  reread?: boolean;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  pages: number;
  passages: number;
  currentFile?: string;
}

export interface DocumentSummary extends DocumentMeta {
  passageCount: number;
}

export interface ArchiveHealth {
  documents: number;
  passages: number;
  vectors: number;
  /** The store and this process's indexes agree (another process's commit not yet picked up makes this false). */
  inStep: boolean;
  generation: { store: number; indexes: number };
  /** What this process's indexes hold (documents, passages), beside the store's counts above. */
  indexed: { documents: number; passages: number };
  embedder: EmbedderIdentity & { note: string };
  /** How this process last loaded its lexical index: from the saved file, or built from every passage's stored terms. */
  lexicalIndex: { loadedFrom: 'file' | 'store'; ms: number };
  lexicon: boolean;
  dataDir: string;
}

/** The archive's components, for benchmarks that time or compare them one by one. Read them; never change them. */
export interface ArchiveParts {
  analyser: Analyser;
  lexical: LexicalIndex;
  vectors: VectorIndexThread;
  embedder: Embedder;
  store: Store;
}

export type PlacedPassage = Passage & { place: string };

export interface DocumentPage {
  page: number;
  /** Where the page starts in the document text. */
  start: number;
  text: string;
  /** For documents without pages of their own (sections, text without pages): where each paragraph of the page
   *  begins (document offsets), numbered from 1 as citations number them. */
  paragraphs?: number[];
}

export interface Archive {
  search(query: string, opts?: SearchOptions): Promise<Hit[]>;
  listDocuments(): DocumentSummary[];
  getDocument(id: string): DocumentSummary | null;
  /** A document's passages, each with its place as a citation names it. */
  getPassages(docId: string): PlacedPassage[];
  /** Clean text of one page (1-based), with the offset where it starts in the document text. */
  getPage(docId: string, page: number): DocumentPage | null;
  /** Where text of a document sits, as a citation names it (retrieval/place.ts): "p. 3", "sectie 2 (Inleiding),
   *  alinea 3", "alinea 212"; null when the document is unknown. */
  placeOf(docId: string, span: Pick<Passage, 'start' | 'end' | 'pageFirst' | 'pageLast' | 'headingPath'>): string | null;
  /** The full clean document text (citations' offsets point into it). */
  getDocumentText(docId: string): string | null;
  /** Clean text [from, to) of a document (offset = where it starts; atEnd when it reaches the document's end) and the
   *  offsets where its pages start: what an answer quotes from and cites. Recently read documents are kept. */
  getTextAround(docId: string, from: number, to: number): { text: string; offset: number; atEnd: boolean; pageStarts: number[] } | null;
  /** Archive-wide facts the answer layer reads: IDF, document names, a question's lexical ceiling. */
  answerSources(): AnswerSources;
  /** Ingests files and folders (walked); one outcome per file found, in walk order. */
  ingestFiles(paths: string[], opts?: IngestOptions): Promise<IngestOutcome[]>;
  /** Ingest one uploaded file; `fileName` is a bare name (no directories): the upload's identity and its id. */
  ingestBytes(fileName: string, bytes: Uint8Array, opts?: Omit<IngestOptions, 'onProgress'>): Promise<IngestOutcome>;
  deleteDocument(id: string): Promise<boolean>;
  /** Re-embeds every stored passage (refitting the built-in embedder) and rebuilds the indexes. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<{ passages: number; ms: number }>;
  health(): ArchiveHealth;
  /** The staff's reading lists (kept in the store beside the documents, independent of them). */
  readonly readingLists: ReadingLists;
  /** Picks up what other processes committed to the store since the last look; true when something changed. */
  refresh(): Promise<boolean>;
  /** Retrieval parameters that override lib/config.ts defaults (eval sweeps set them). */
  tuning: RetrieveTuning;
  /** HNSW search breadth (efSearch): the recall/speed trade-off, for sweeps and benchmarks. */
  setEfSearch(ef: number): void;
  parts(): ArchiveParts;
  close(): Promise<void>;
}
