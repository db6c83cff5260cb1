// The SQLite schema: the store is the source of truth; the vector and lexical indexes are derived from it.
// Bump SCHEMA_VERSION with a migration in MIGRATIONS when columns change; new tables (CREATE TABLE IF NOT EXISTS) need
// none.
import type Database from 'better-sqlite3';
import { paragraphStarts } from '../ingest/paragraphs.ts';

export const SCHEMA_VERSION = 4;

/** Statements that bring a store of version n - 1 to version n (index n - 2), run in order in one transaction. */
export const MIGRATIONS: readonly string[][] = [
  // 2: document details (page kind, OCR pages, where the metadata came from), as JSON.
  [`ALTER TABLE documents ADD COLUMN details TEXT NOT NULL DEFAULT '{}'`],
  // 3: where each paragraph of the clean text starts; Store.migrate fills it in for the documents already stored.
  [`ALTER TABLE documents ADD COLUMN paragraph_starts TEXT NOT NULL DEFAULT '[0]'`],
  // 4: no new column; a block without blank lines is cut into paragraphs (ingest/paragraphs.ts): filled in again.
  [],
];

/** Schemas 3 and 4: the paragraph starts of documents stored before them (programmas-nl: 1.3 s, once). */
export function fillParagraphStarts(db: Database.Database): void {
  const update = db.prepare('UPDATE documents SET paragraph_starts = ? WHERE id = ?');
  const text = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  for (const id of db.prepare('SELECT id FROM documents').pluck().all() as string[]) {
    update.run(JSON.stringify(paragraphStarts(text.get(id) as string)), id);
  }
}

export const schemaSql = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  year         INTEGER,
  organisation TEXT,
  language     TEXT NOT NULL,
  format       TEXT NOT NULL,
  page_count   INTEGER NOT NULL,
  empty_pages  TEXT NOT NULL,          -- JSON array of page numbers
  byte_size    INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  source_path  TEXT NOT NULL,
  ingested_at  TEXT NOT NULL,
  text         TEXT NOT NULL,          -- the clean text that passage offsets point into
  page_starts  TEXT NOT NULL,          -- JSON array: offset of each page in text
  paragraph_starts TEXT NOT NULL DEFAULT '[0]', -- JSON array: offset of each paragraph in text (ingest/paragraphs.ts)
  details      TEXT NOT NULL DEFAULT '{}' -- JSON DocumentDetails: page kind, OCR pages, metadata sources
);
-- A document is its source (a file's real path, or upload:<name>); identical bytes are found by their hash.
CREATE INDEX IF NOT EXISTS documents_source ON documents(source_path);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);

-- AUTOINCREMENT: passage ids are never reused, so a stale vector-index label can never point at a new passage.
CREATE TABLE IF NOT EXISTS passages (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  page_first   INTEGER NOT NULL,
  page_last    INTEGER NOT NULL,
  heading_path TEXT NOT NULL,          -- JSON array, outermost first
  text         TEXT NOT NULL,
  terms        TEXT NOT NULL,          -- analysed lexical terms, space-separated (see meta.analyser_version)
  UNIQUE (doc_id, ordinal)
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);

-- The archive's own word counts (compound splitting trusts words the archive uses on their own); kept here so an
-- open need not re-tokenise every passage. Counts only grow: a deleted document's words stay known.
CREATE TABLE IF NOT EXISTS vocabulary (
  word  TEXT PRIMARY KEY,
  count INTEGER NOT NULL
);

-- Reading lists: staff collections of passages and answer sentences, each item with its citation. Additive tables
-- (no schema version bump: an older store simply gains them). store/reading-lists.ts holds their SQL.
CREATE TABLE IF NOT EXISTS reading_lists (
  id         TEXT PRIMARY KEY,         -- 128 random bits (base64url): the read-only share link's secret
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- No foreign key to documents: an item keeps its citation (title, organisation, year, pages, quote) when the
-- document is deleted or replaced, as a printed reading list would.
CREATE TABLE IF NOT EXISTS reading_list_items (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  list_id    TEXT NOT NULL REFERENCES reading_lists(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL,            -- 'passage' | 'answer'
  text       TEXT NOT NULL,            -- the passage, or the answer sentence
  question   TEXT,                     -- for answer sentences: the question they answered
  note       TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL,            -- JSON: the citation (docId, title, organisation, year, pages, offsets, quote)
  added_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reading_list_items_list ON reading_list_items(list_id, position);

CREATE TABLE IF NOT EXISTS vectors (
  passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
  vector     BLOB NOT NULL             -- Float32 little-endian, built by meta.embedder_*
);
`;
