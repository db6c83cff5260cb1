// The document store: SQLite through better-sqlite3 (WAL, foreign keys, one transaction per document),
// so a crash or Ctrl-C mid-batch leaves every document either fully in or fully out.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanDocument, DocumentMeta, Passage, PassageDraft } from '../lib/types.ts';
import { blobToVector, DOC_COLUMNS, toMeta, toPassage, vectorToBlob, type DocumentRow, type PassageRow } from './rows.ts';
import type { DocumentSummary } from '../archive/api.ts';
import { ArchiveError } from '../lib/errors.ts';
import { fillParagraphStarts, MIGRATIONS, SCHEMA_VERSION, schemaSql } from './schema.ts';
import { paragraphStarts } from '../ingest/paragraphs.ts';

/** Whether a text holds a character beyond the BMP: its UTF-8 holds a byte F0-F4, which only such characters begin
 *  with (instr on the bytes: 0.3 ms for a programme, a GLOB over code points 0.7 ms). */
const ASTRAL_SQL = ['F0', 'F1', 'F2', 'F3', 'F4'].map((b) => `instr(CAST(text AS BLOB), X'${b}')`).join(' + ') + ' > 0';

/** A passage ready to be written: its draft, its analysed terms and (optionally) its vector. */
export interface PassageRecord extends PassageDraft {
  terms: string[];
  vector?: Float32Array;
}

/** The light per-passage facts retrieval keeps in memory (no text). */
export interface PassageRef {
  id: number;
  docId: string;
  ordinal: number;
  start: number;
  end: number;
}

export class Store {
  readonly db: Database.Database;
  readonly path: string;
  /** The answer windows' statements (documentLayout, documentSlice), prepared on first use. */
  private layoutStmt?: Database.Statement;
  private sliceStmt?: Database.Statement;

  private constructor(path: string) {
    this.path = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(schemaSql);
    this.migrate();
  }

  /** Brings an older store up to SCHEMA_VERSION in one transaction; refuses a newer one (written by a newer program). */
  private migrate(): void {
    const raw = this.getMeta('schema_version');
    const version = raw === null ? SCHEMA_VERSION : Number(raw);
    if (version > SCHEMA_VERSION) throw new ArchiveError('ERR_STORE_VERSION', `${version}; this program reads up to ${SCHEMA_VERSION}`, this.path);
    this.db.transaction(() => {
      for (let v = version + 1; v <= SCHEMA_VERSION; v++) for (const sql of MIGRATIONS[v - 2]) this.db.exec(sql);
      if (version < 4) fillParagraphStarts(this.db);
      this.setMeta('schema_version', String(SCHEMA_VERSION));
    }).immediate();
  }

  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    return new Store(join(dataDir, 'archive.sqlite'));
  }

  close(): void {
    this.db.close();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Incremented inside every transaction that changes documents, passages or vectors: the vector index records the
   *  generation it reflects. */
  generation(): number {
    return Number(this.getMeta('generation') ?? 0);
  }

  /** Moved on by every re-analysis of the stored terms (replaceTerms): the lexical index records the epoch it reflects. */
  termsEpoch(): number {
    return Number(this.getMeta('terms_epoch') ?? 0);
  }

  private bumpGeneration(): void {
    this.setMeta('generation', String(this.generation() + 1));
  }

  getDocument(id: string): DocumentSummary | null {
    const row = this.db
      .prepare(`SELECT ${DOC_COLUMNS}, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS passage_count FROM documents d WHERE id = ?`)
      .get(id) as DocumentRow | undefined;
    return row ? { ...toMeta(row), passageCount: row.passage_count ?? 0 } : null;
  }

  /** The document ingested from a source (a file's real path, or upload:<name>). */
  documentBySource(source: string): DocumentMeta | null {
    const row = this.db.prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE source_path = ? LIMIT 1`).get(source) as DocumentRow | undefined;
    return row ? toMeta(row) : null;
  }

  /** A document with exactly these bytes, other than the one at `exceptSource`. */
  documentBySha(sha256: string, exceptSource: string): DocumentMeta | null {
    const row = this.db
      .prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE sha256 = ? AND source_path <> ? ORDER BY id LIMIT 1`)
      .get(sha256, exceptSource) as DocumentRow | undefined;
    return row ? toMeta(row) : null;
  }

  hasDocument(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  /** Changes whenever another connection (another process) commits: a cheap check before a fuller look. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Runs `fn` in one read transaction: what it reads is one consistent state of the store (WAL snapshot). */
  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  passageIds(): number[] {
    return (this.db.prepare('SELECT id FROM passages').pluck().all() as number[]);
  }

  /** Refs with text, terms and vectors of the given passages, for bringing the in-memory indexes up to date. */
  passagesForIndex(ids: number[]): { ref: PassageRef; text: string; terms: string[]; vector: Float32Array | null }[] {
    const stmt = this.db.prepare(
      'SELECT p.id, p.doc_id AS docId, p.ordinal, p.start, p.end, p.text, p.terms, v.vector FROM passages p LEFT JOIN vectors v ON v.passage_id = p.id WHERE p.id = ?',
    );
    return ids.flatMap((id) => {
      const r = stmt.get(id) as (PassageRef & { text: string; terms: string; vector: Buffer | null }) | undefined;
      if (!r) return [];
      const { text, terms, vector, ...ref } = r;
      return [{ ref, text, terms: terms ? terms.split(' ') : [], vector: vector ? blobToVector(vector) : null }];
    });
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.db
      .prepare(`SELECT ${DOC_COLUMNS}, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.id) AS passage_count FROM documents d ORDER BY id`)
      .all() as DocumentRow[];
    return rows.map((r) => ({ ...toMeta(r), passageCount: r.passage_count ?? 0 }));
  }

  emptyPages(id: string): number[] {
    const row = this.db.prepare('SELECT empty_pages FROM documents WHERE id = ?').get(id) as { empty_pages: string } | undefined;
    return row ? (JSON.parse(row.empty_pages) as number[]) : [];
  }

  documentText(id: string): { text: string; pageStarts: number[] } | null {
    const row = this.db.prepare('SELECT text, page_starts FROM documents WHERE id = ?').get(id) as { text: string; page_starts: string } | undefined;
    return row ? { text: row.text, pageStarts: JSON.parse(row.page_starts) as number[] } : null;
  }

  /** Where a document's pages and paragraphs start in its text, without reading the text. */
  documentParagraphs(id: string): { pageStarts: number[]; paragraphStarts: number[] } | null {
    const row = this.db.prepare('SELECT page_starts, paragraph_starts FROM documents WHERE id = ?').get(id) as { page_starts: string; paragraph_starts: string } | undefined;
    return row ? { pageStarts: JSON.parse(row.page_starts) as number[], paragraphStarts: JSON.parse(row.paragraph_starts) as number[] } : null;
  }

  /** A document's page map and length, and whether SQLite's character offsets are the text's own: SQLite counts code
   *  points, JavaScript UTF-16 units, so they agree unless the text holds characters beyond the BMP (emoji, maths
   *  letters). Reads no text into JavaScript. */
  documentLayout(id: string): { pageStarts: number[]; length: number; sliceable: boolean } | null {
    this.layoutStmt ??= this.db.prepare(`SELECT page_starts, length(text) AS n, ${ASTRAL_SQL} AS astral FROM documents WHERE id = ?`);
    const row = this.layoutStmt.get(id) as { page_starts: string; n: number; astral: number } | undefined;
    return row ? { pageStarts: JSON.parse(row.page_starts) as number[], length: row.n, sliceable: row.astral === 0 } : null;
  }

  /** text.slice(from, to) of a document whose layout is sliceable, without reading the rest: a tenth of the time of
   *  reading a whole programme (0.09 against 0.87 ms per document on programmas-nl). */
  documentSlice(id: string, from: number, to: number): string | null {
    // Prepared once: an answer reads some 25 windows, and preparing cost as much as reading a short document's window.
    this.sliceStmt ??= this.db.prepare('SELECT substr(text, ?, ?) AS w FROM documents WHERE id = ?');
    const row = this.sliceStmt.get(from + 1, Math.max(0, to - from), id) as { w: string } | undefined;
    return row ? row.w : null;
  }

  passagesOf(docId: string): Passage[] {
    const rows = this.db.prepare('SELECT * FROM passages WHERE doc_id = ? ORDER BY ordinal').all(docId) as PassageRow[];
    return rows.map(toPassage);
  }

  passagesByIds(ids: number[]): Map<number, Passage> {
    const out = new Map<number, Passage>();
    const stmt = this.db.prepare('SELECT * FROM passages WHERE id = ?');
    for (const id of ids) {
      const row = stmt.get(id) as PassageRow | undefined;
      if (row) out.set(id, toPassage(row));
    }
    return out;
  }

  /** The stored vectors of the given passages (those that have one). */
  vectorsByIds(ids: readonly number[]): Map<number, Float32Array> {
    const out = new Map<number, Float32Array>();
    const stmt = this.db.prepare('SELECT vector FROM vectors WHERE passage_id = ?').pluck();
    for (const id of ids) {
      const v = stmt.get(id) as Buffer | undefined;
      if (v) out.set(id, blobToVector(v));
    }
    return out;
  }

  /** Writes one document with all its passages, terms and vectors, replacing any earlier version, atomically.
   *  Returns the ids of the passages removed and added so the caller can update derived indexes. */
  putDocument(meta: DocumentMeta, doc: CleanDocument, passages: PassageRecord[]): { removed: number[]; added: number[] } {
    const tx = this.db.transaction(() => {
      const removed = this.passageIdsOf(meta.id);
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(meta.id);
      this.db
        .prepare(
          `INSERT INTO documents (${DOC_COLUMNS}, text, page_starts, paragraph_starts)
           VALUES (@id, @title, @year, @organisation, @language, @format, @pageCount, @emptyPages, @byteSize, @sha256,
                   @fileName, @sourcePath, @ingestedAt, @details, @text, @pageStarts, @paragraphStarts)`,
        )
        .run({
          ...meta,
          details: JSON.stringify(meta.details),
          emptyPages: JSON.stringify(doc.emptyPages),
          text: doc.text,
          pageStarts: JSON.stringify(doc.pageStarts),
          paragraphStarts: JSON.stringify(paragraphStarts(doc.text)),
        });
      const insertPassage = this.db.prepare(
        `INSERT INTO passages (doc_id, ordinal, start, end, page_first, page_last, heading_path, text, terms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertVector = this.db.prepare('INSERT INTO vectors (passage_id, vector) VALUES (?, ?)');
      const added: number[] = [];
      for (const p of passages) {
        const info = insertPassage.run(
          meta.id,
          p.ordinal,
          p.start,
          p.end,
          p.pageFirst,
          p.pageLast,
          JSON.stringify(p.headingPath),
          p.text,
          p.terms.join(' '),
        );
        const id = Number(info.lastInsertRowid);
        added.push(id);
        if (p.vector) insertVector.run(id, vectorToBlob(p.vector));
      }
      this.bumpGeneration();
      return { removed, added };
    });
    return tx.immediate();
  }

  /** Deletes a document and everything derived from it in the store; returns the removed passage ids. */
  deleteDocument(id: string): number[] | null {
    const tx = this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) return null;
      const removed = this.passageIdsOf(id);
      this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      this.bumpGeneration();
      return removed;
    });
    return tx.immediate();
  }

  private passageIdsOf(docId: string): number[] {
    return (this.db.prepare('SELECT id FROM passages WHERE doc_id = ?').all(docId) as { id: number }[]).map((r) => r.id);
  }

  counts(): { documents: number; passages: number; vectors: number } {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      documents: one('SELECT COUNT(*) AS n FROM documents'),
      passages: one('SELECT COUNT(*) AS n FROM passages'),
      vectors: one('SELECT COUNT(*) AS n FROM vectors'),
    };
  }

  *passageRefs(): Generator<PassageRef> {
    yield* this.db.prepare('SELECT id, doc_id AS docId, ordinal, start, end FROM passages ORDER BY id').iterate() as Iterable<PassageRef>;
  }

  /** Every passage's analysed terms (space-separated), for building the lexical index. */
  *passageTerms(): Generator<{ id: number; terms: string }> {
    yield* this.db.prepare('SELECT id, terms FROM passages ORDER BY id').iterate() as Iterable<{ id: number; terms: string }>;
  }

  *passageTexts(): Generator<{ id: number; text: string; headingPath: string[]; title: string }> {
    const stmt = this.db.prepare(
      'SELECT p.id, p.text, p.heading_path, d.title FROM passages p JOIN documents d ON d.id = p.doc_id ORDER BY p.id',
    );
    for (const r of stmt.iterate() as Iterable<{ id: number; text: string; heading_path: string; title: string }>) {
      yield { id: r.id, text: r.text, headingPath: JSON.parse(r.heading_path) as string[], title: r.title };
    }
  }

  *vectors(): Generator<{ id: number; vector: Float32Array }> {
    const stmt = this.db.prepare('SELECT passage_id AS id, vector FROM vectors ORDER BY passage_id');
    for (const r of stmt.iterate() as Iterable<{ id: number; vector: Buffer }>) yield { id: r.id, vector: blobToVector(r.vector) };
  }

  vocabulary(): Map<string, number> {
    const rows = this.db.prepare('SELECT word, count FROM vocabulary').all() as { word: string; count: number }[];
    return new Map(rows.map((r) => [r.word, r.count]));
  }

  /** Adds word counts to the stored vocabulary, in one transaction. */
  addVocabulary(counts: ReadonlyMap<string, number>): void {
    const tx = this.db.transaction(() => {
      const upsert = this.db.prepare(
        'INSERT INTO vocabulary (word, count) VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET count = count + excluded.count',
      );
      for (const [word, count] of counts) upsert.run(word, count);
    });
    tx.immediate();
  }

  /** Replaces every stored vector (after a refit or a change of embedder), in one transaction. */
  replaceVectors(entries: Iterable<{ id: number; vector: Float32Array }>): void {
    const tx = this.db.transaction(() => {
      this.db.prepare('DELETE FROM vectors').run();
      const ins = this.db.prepare('INSERT INTO vectors (passage_id, vector) VALUES (?, ?)');
      for (const e of entries) ins.run(e.id, vectorToBlob(e.vector));
      this.bumpGeneration();
    });
    tx.immediate();
  }

  /** Replaces the analysed terms of every passage, sets `meta` and moves the terms epoch on, in one transaction
   *  (archive/indexes.ts reanalyseTerms; read and moved inside it, so two processes re-analysing at once make two epochs).
   *  The generation stays: the vector index does not depend on terms, and a bump would make the next open rebuild HNSW. */
  replaceTerms(entries: Iterable<{ id: number; terms: string[] }>, meta: Record<string, string> = {}): void {
    const tx = this.db.transaction(() => {
      const upd = this.db.prepare('UPDATE passages SET terms = ? WHERE id = ?');
      for (const e of entries) upd.run(e.terms.join(' '), e.id);
      for (const [key, value] of Object.entries(meta)) this.setMeta(key, value);
      this.setMeta('terms_epoch', String(this.termsEpoch() + 1));
    });
    tx.immediate();
  }
}
