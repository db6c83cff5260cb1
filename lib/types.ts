// The values that flow between the stages: file -> pages -> clean text -> passages -> index -> hits.
// Each stage is a plain function from one of these to the next.

/** Text of one page as the parser gave it (1-based page numbers). Plain text files are one page,
 *  unless they contain form feeds (\f), which split pages the way pdftotext writes them. */
export interface RawPage {
  page: number;
  text: string;
}

/** A format name from the one list of formats (ingest/formats/index.ts FORMATS): 'pdf', 'txt', 'md', … */
export type SourceFormat = string;

/** What a parser returns for one file. */
export interface ParsedFile {
  format: SourceFormat;
  pages: RawPage[];
  /** Title/author/dates from the file's own properties (PDF info dictionary, Word core properties), when present. */
  info: { title?: string; author?: string; creationDate?: string };
  /** How the document's places are named (default 'page'); see PageKind. */
  pageKind?: PageKind;
  /** Pages whose text came from OCR, with the mean word confidence (0..1). */
  ocrPages?: { page: number; confidence: number }[];
}

/** How a document's places are named (retrieval/place.ts): 'page' for paged formats (PDF, text with form feeds);
 *  'section' where the format has no pages (Word, OpenDocument, HTML) and each top-level section became one page;
 *  'paragraph' for a text file without form feeds, one page with no page of its own: places are its paragraphs. */
export type PageKind = 'page' | 'section' | 'paragraph';

/** The cleaned text of a whole document, with a map back to pages. */
export interface CleanDocument {
  /** Clean text: paragraphs separated by one blank line ("\n\n"), list items on their own line. */
  text: string;
  /** pageStarts[i] is the offset in `text` where page i+1 begins (pageStarts[0] === 0). */
  pageStarts: number[];
  /** Pages whose text was empty after cleaning (e.g. image-only pages). */
  emptyPages: number[];
  /** The headings found while cleaning: offsets of each heading paragraph in `text` and its nesting level
   *  (1 = outermost), so passages can carry the heading path they sit under. */
  headings: { start: number; end: number; level: number }[];
}

/** A citation-sized piece of a document, before it is stored. */
export interface PassageDraft {
  ordinal: number;
  /** Exactly cleanText.slice(start, end). */
  text: string;
  start: number;
  end: number;
  pageFirst: number;
  pageLast: number;
  /** Headings the passage sits under, outermost first (e.g. ["2 Een aantrekkelijk ambt", "Moderne voorwaarden"]). */
  headingPath: string[];
}

/** Where a metadata field came from: the file's own properties (PDF info, Word core properties), the text, the
 *  file name, the file's creation date, or nowhere. */
export type MetaSource = 'properties' | 'text' | 'file-name' | 'creation-date' | 'none';

export interface DocumentDetails {
  /** How places are named: pages, sections (Word, OpenDocument, HTML) or paragraphs (text without pages). */
  pageKind: PageKind;
  /** Pages read from a scan by OCR, with Tesseract's mean word confidence (0..1). */
  ocrPages: { page: number; confidence: number }[];
  /** Where title, year and organisation came from. */
  metaSources: { title: MetaSource; year: MetaSource; organisation: MetaSource };
}

export const DEFAULT_DETAILS: DocumentDetails = {
  pageKind: 'page',
  ocrPages: [],
  metaSources: { title: 'none', year: 'none', organisation: 'none' },
};

export interface DocumentMeta {
  /** Stable, URL-safe id derived from the file name (e.g. "000_ddb77fb8e123a2aa"). */
  id: string;
  title: string;
  year: number | null;
  organisation: string | null;
  language: string;
  format: SourceFormat;
  pageCount: number;
  byteSize: number;
  sha256: string;
  /** The file name as ingested (basename, e.g. "000_ddb77fb8e123a2aa.txt"): what eval qrels call `doc`. */
  fileName: string;
  /** The document's identity: the real path of its source file, or `upload:<name>` for an upload. */
  sourcePath: string;
  ingestedAt: string;
  details: DocumentDetails;
}

export interface Passage extends PassageDraft {
  /** Global, never reused passage id: also the label in the vector index. */
  id: number;
  docId: string;
}

export type SearchMode = 'lexical' | 'dense' | 'hybrid';

export interface SearchFilters {
  documents?: string[];
  organisation?: string;
  yearFrom?: number;
  yearTo?: number;
}

export interface SearchOptions {
  mode?: SearchMode;
  k?: number;
  filters?: SearchFilters;
  /** Highlight only the first this many hits (the others get none): the answer reads more hits than it lists. */
  highlight?: number;
  /** Rank the passages of the sources the query names first (hybrid; default true): off for the answer ablation. */
  namedFirst?: boolean;
  /** When given, filled with the milliseconds each stage took (analysis, signal:<name>, signals, fusion, hits):
   *  for benchmarks and diagnostics. */
  trace?: Record<string, number>;
}

export interface SignalScore {
  score: number;
  rank: number;
}

/** One ranked result. Adjacent overlapping passages of one document may be merged into one hit. */
export interface Hit extends Omit<PassageDraft, 'ordinal'> {
  rank: number;
  /** Fused score (higher is better) within the ranking the hit came from: a named source's own ranking or the whole
   *  (retrieval/retrieve.ts namedFirst); `rank` is the order. */
  score: number;
  /** Per-signal evidence (retrieval/signals.ts), so results can be explained: the signal's own score and the
   *  hit's rank in its list. A signal that did not find the hit is absent. */
  signals: Record<string, SignalScore>;
  passageIds: number[];
  docId: string;
  document: Pick<DocumentMeta, 'id' | 'title' | 'year' | 'organisation' | 'fileName'> & Pick<DocumentDetails, 'pageKind'>;
  /** Where the hit sits, as a citation names it (retrieval/place.ts): "p. 3–4", "sectie 2 (Inleiding), alinea 3",
   *  "alinea 212" (text without pages). */
  place: string;
  /** Set when text of the hit's pages was read from a scan: those pages and their lowest OCR confidence (0..1). */
  ocr?: { pages: number[]; confidence: number };
  /** Query terms (surface forms in `text`) worth highlighting. */
  highlights: string[];
  /** When the query names sources ("volgens de ChristenUnie", "de SGP in 1918"; retrieval/source.ts namedSources):
   *  whether this hit comes from one of them. Absent when the query names none. */
  namedSource?: boolean;
}

/** A quoted span of a document with whose words it is: what an answer citation and a reading-list item both carry,
 *  so either can be cited without the archive. */
export interface CitedSpan {
  docId: string;
  title: string;
  organisation: string | null;
  year: number | null;
  /** The pages the quote stands on. */
  pageFirst: number;
  pageLast: number;
  /** The quote's place as a citation names it (retrieval/place.ts placeLabel): pages, or section and paragraph, or
   *  paragraph. Absent only on reading-list items collected before it existed (their pages stand in). */
  place?: string;
  /** Offsets into the document's clean text, and exactly the text there. */
  start: number;
  end: number;
  quote: string;
}
