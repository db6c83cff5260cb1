// What the CLI, the API server and the eval harness see of the archive. Implemented by search/archive.ts,
// which ties the store, the lexical index, the vector index and the embedder together.
import type { DocumentMeta, Hit, Passage, SearchOptions } from '../lib/types.ts';
import type { EmbedderIdentity } from '../index/types.ts';

export type IngestStatus = 'ingested' | 'unchanged' | 'replaced' | 'skipped';

/** The outcome for one input file: always produced, whatever went wrong. */
export interface IngestOutcome {
  file: string;
  status: IngestStatus;
  docId?: string;
  /** For skipped files: a clear, user-facing reason (e.g. "scanned PDF, no text layer (0 of 12 pages have text)"). */
  reason?: string;
  code?: string;
  pages?: number;
  emptyPages?: number;
  passages?: number;
  ms: number;
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
  embedder: EmbedderIdentity & { note: string };
  lexicon: boolean;
  dataDir: string;
}

export interface Archive {
  search(query: string, opts?: SearchOptions): Promise<Hit[]>;
  listDocuments(): DocumentSummary[];
  getDocument(id: string): DocumentSummary | null;
  getPassages(docId: string): Passage[];
  /** Clean text of one page (1-based), with the offset where it starts in the document text. */
  getPage(docId: string, page: number): { page: number; start: number; text: string } | null;
  /** The full clean document text (citations' offsets point into it). */
  getDocumentText(docId: string): string | null;
  ingestFiles(paths: string[], onProgress?: (p: IngestProgress) => void): Promise<IngestOutcome[]>;
  /** Ingest one uploaded file; `fileName` is a bare name (no directories), used for the document id. */
  ingestBytes(fileName: string, bytes: Uint8Array): Promise<IngestOutcome>;
  deleteDocument(id: string): Promise<boolean>;
  health(): ArchiveHealth;
  close(): Promise<void>;
}
