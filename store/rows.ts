// Rows of the store's tables and their mapping to the values the rest of the program uses.
import { DEFAULT_DETAILS, type DocumentDetails, type DocumentMeta, type Passage } from '../lib/types.ts';

export interface DocumentRow {
  id: string;
  title: string;
  year: number | null;
  organisation: string | null;
  language: string;
  format: string;
  page_count: number;
  empty_pages: string;
  byte_size: number;
  sha256: string;
  file_name: string;
  source_path: string;
  ingested_at: string;
  details: string;
  passage_count?: number;
}

export interface PassageRow {
  id: number;
  doc_id: string;
  ordinal: number;
  start: number;
  end: number;
  page_first: number;
  page_last: number;
  heading_path: string;
  text: string;
}

export const DOC_COLUMNS =
  'id, title, year, organisation, language, format, page_count, empty_pages, byte_size, sha256, file_name, source_path, ingested_at, details';

export function toMeta(r: DocumentRow): DocumentMeta {
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    organisation: r.organisation,
    language: r.language,
    format: r.format as DocumentMeta['format'],
    pageCount: r.page_count,
    byteSize: r.byte_size,
    sha256: r.sha256,
    fileName: r.file_name,
    sourcePath: r.source_path,
    ingestedAt: r.ingested_at,
    details: detailsOf(r),
  };
}

function detailsOf(r: DocumentRow): DocumentDetails {
  const details: DocumentDetails = { ...DEFAULT_DETAILS, ...(JSON.parse(r.details) as Partial<DocumentDetails>) };
  // Text files stored before the 'paragraph' kind existed say 'page'; one page without form feeds has none of its own.
  if (details.pageKind === 'page' && r.page_count === 1 && (r.format === 'txt' || r.format === 'md')) details.pageKind = 'paragraph';
  return details;
}

export function toPassage(r: PassageRow): Passage {
  return {
    id: r.id,
    docId: r.doc_id,
    ordinal: r.ordinal,
    text: r.text,
    start: r.start,
    end: r.end,
    pageFirst: r.page_first,
    pageLast: r.page_last,
    headingPath: JSON.parse(r.heading_path) as string[],
  };
}

export function vectorToBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function blobToVector(b: Buffer): Float32Array {
  // Copy: the Buffer may share a pool and need not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
