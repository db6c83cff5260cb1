// One file's bytes -> a prepared document (metadata, clean text with page map, passages). No store, no index:
// the archive decides what to do with the result.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { CleanDocument, DocumentMeta, ParsedFile, PassageDraft } from '../lib/types.ts';
import { ArchiveError } from '../lib/errors.ts';
import { ingestDefaults, passageDefaults } from '../lib/config.ts';
import { detectFormat } from './formats/index.ts';
import { parsePdf } from './formats/pdf.ts';
import { parseText } from './formats/text.ts';
import { cleanPages } from './clean.ts';
import { splitPassages } from './passages.ts';
import { extractMetadata } from './metadata.ts';

export interface PreparedDocument {
  meta: DocumentMeta;
  doc: CleanDocument;
  passages: PassageDraft[];
}

export interface PrepareOptions {
  passage?: Partial<typeof passageDefaults>;
  parseTimeoutMs?: number;
}

/** A stable, URL-safe document id from a file name: `Verkiezingsprogramma 2022 (def).pdf` -> `verkiezingsprogramma-2022-def`.
 *  Only [a-z0-9_-], so an id can never traverse paths. */
export function documentId(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80);
  return slug || 'document';
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function parseBytes(bytes: Uint8Array, fileName: string, timeoutMs?: number): Promise<ParsedFile> {
  if (bytes.byteLength > ingestDefaults.maxFileBytes) {
    throw new ArchiveError('ERR_TOO_LARGE', `${bytes.byteLength} bytes; the limit is ${ingestDefaults.maxFileBytes}`, fileName);
  }
  const format = detectFormat(bytes, fileName);
  return format === 'pdf'
    ? parsePdf(bytes, { timeoutMs: timeoutMs ?? ingestDefaults.parseTimeoutMs })
    : parseText(bytes, format);
}

export async function prepareDocument(
  bytes: Uint8Array,
  source: { fileName: string; sourcePath: string; id?: string },
  opts: PrepareOptions = {},
): Promise<PreparedDocument> {
  const hash = sha256(bytes); // before parsing: pdf-parse transfers the buffer to its worker
  const parsed = await parseBytes(bytes, source.fileName, opts.parseTimeoutMs);
  const doc = cleanPages(parsed.pages, parsed.format);
  if (doc.text.trim().length === 0) throw new ArchiveError('ERR_NO_TEXT', '', source.fileName);
  const passages = splitPassages(doc, opts.passage);
  const info = extractMetadata(parsed, doc, source.fileName);
  const meta: DocumentMeta = {
    id: source.id ?? documentId(source.fileName),
    title: info.title,
    year: info.year,
    organisation: info.organisation,
    language: info.language,
    format: parsed.format,
    pageCount: parsed.pages.length,
    byteSize: bytes.byteLength,
    sha256: hash,
    fileName: source.fileName,
    sourcePath: source.sourcePath,
    ingestedAt: new Date().toISOString(),
  };
  return { meta, doc, passages };
}
