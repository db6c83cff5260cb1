// One file's bytes -> a prepared document (metadata, clean text with page map, passages). No store, no index:
// the archive decides what to do with the result.
import { createHash } from 'node:crypto';
import type { CleanDocument, DocumentMeta, PassageDraft } from '../lib/types.ts';
import { ArchiveError } from '../lib/errors.ts';
import type { passageDefaults } from '../lib/config.ts';
import { parseFile } from './formats/index.ts';
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
  /** For encrypted PDFs. */
  password?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function prepareDocument(
  bytes: Uint8Array,
  source: { id: string; fileName: string; sourcePath: string },
  opts: PrepareOptions = {},
): Promise<PreparedDocument> {
  const hash = sha256(bytes); // before parsing: pdf-parse transfers the buffer to its worker
  const parsed = await parseFile(bytes, source.fileName, { timeoutMs: opts.parseTimeoutMs, password: opts.password });
  const doc = cleanPages(parsed.pages, { furniture: parsed.pageKind !== 'section' });
  if (doc.text.trim().length === 0) throw new ArchiveError('ERR_NO_TEXT', '', source.fileName);
  const passages = splitPassages(doc, opts.passage);
  const info = extractMetadata(parsed, doc, source.fileName);
  const meta: DocumentMeta = {
    id: source.id,
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
    details: { pageKind: parsed.pageKind ?? 'page', ocrPages: parsed.ocrPages ?? [], metaSources: info.sources },
  };
  return { meta, doc, passages };
}
