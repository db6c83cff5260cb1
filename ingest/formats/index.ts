// The formats the archive reads: one list, each entry a name, its file name extensions, a byte sniff and a parser.
// Detection trusts bytes over names (archives hold ".pdf" files that are plain text or random bytes): a format
// with a signature is recognised by it whatever the name; text formats by name plus a check that the bytes are text.
// A new format is one parser file plus one entry in FORMATS.
import type { ParsedFile } from '../../lib/types.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { ingestDefaults } from '../../lib/config.ts';
import { hasPdfHeader, parsePdf } from './pdf.ts';
import { looksLikeText, parseText } from './text.ts';
import { sniffContainer, startsLikeHtml } from './sniff.ts';
import { parseDocx } from './docx.ts';
import { parseOdt } from './odt.ts';
import { parseHtml } from './html.ts';
import { parseStructured } from './structured-pages.ts';

export interface ParseOptions {
  timeoutMs: number;
  /** For encrypted PDFs. */
  password?: string;
}

export interface Format {
  /** Stored as DocumentMeta.format. */
  name: string;
  /** File name extensions (lower case, without the dot) that name this format; '' for files without one. */
  extensions: readonly string[];
  /** True when the bytes carry this format's signature, whatever the file is called. */
  sniff(bytes: Uint8Array): boolean;
  /** What the signature is, for messages ("%PDF header"); formats recognised by name have none. */
  signature?: string;
  /** For formats recognised by name: whether the bytes fit (e.g. text, not binary); the reason when not. */
  fits?(bytes: Uint8Array): string | null;
  /** The raw text is the document as written (a baseline may index the file itself). */
  plainText: boolean;
  parse(bytes: Uint8Array, opts: ParseOptions): Promise<ParsedFile>;
}

const textFits = (bytes: Uint8Array) => (looksLikeText(bytes) ? null : 'binary data');
const zipped = (kind: 'docx' | 'odt') => (bytes: Uint8Array) => sniffContainer(bytes) === kind;

export const FORMATS: readonly Format[] = [
  { name: 'pdf', extensions: ['pdf'], sniff: hasPdfHeader, signature: '%PDF header', plainText: false, parse: (b, o) => parsePdf(b, o) },
  {
    // By name the parser reads it anyway: it tells a damaged file from an encrypted or old-format one.
    name: 'docx', extensions: ['docx', 'docm', 'dotx'], sniff: zipped('docx'), fits: () => null, plainText: false,
    parse: (b) => parseStructured('docx', () => parseDocx(b)),
  },
  {
    name: 'odt', extensions: ['odt', 'ott'], sniff: zipped('odt'), fits: () => null, plainText: false,
    parse: (b) => parseStructured('odt', () => parseOdt(b)),
  },
  {
    name: 'html', extensions: ['html', 'htm', 'xhtml'], sniff: startsLikeHtml, plainText: false,
    fits: (b) => (sniffContainer(b) === 'html' ? null : 'no HTML markup'),
    parse: (b) => parseStructured('html', () => parseHtml(b)),
  },
  { name: 'md', extensions: ['md', 'markdown'], sniff: () => false, fits: textFits, plainText: true, parse: async (b) => parseText(b, 'md') },
  { name: 'txt', extensions: ['txt', 'text', ''], sniff: () => false, fits: textFits, plainText: true, parse: async (b) => parseText(b, 'txt') },
];

/** The extensions the archive accepts, for messages and upload checks (".pdf, .md, …"). */
export function supportedExtensions(): string[] {
  return FORMATS.flatMap((f) => f.extensions.filter(Boolean).map((e) => `.${e}`));
}

export function formatNamed(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The format of a file: by signature first, then by extension when the bytes fit it. */
export function detectFormat(bytes: Uint8Array, fileName: string): Format {
  if (bytes.length === 0) throw new ArchiveError('ERR_FILE_EMPTY', '', fileName);
  const signed = FORMATS.find((f) => f.sniff(bytes));
  if (signed) return signed;
  const ext = extensionOf(fileName);
  const named = FORMATS.find((f) => f.extensions.includes(ext));
  if (!named) throw unsupported(ext ? `.${ext} file` : 'no extension', fileName);
  // A name that promises a signature the bytes lack: say which.
  if (!named.fits) throw unsupported(`not a ${named.name.toUpperCase()}: no ${named.signature ?? 'signature'}`, fileName);
  const misfit = named.fits(bytes);
  if (misfit) throw unsupported(misfit, fileName);
  return named;
}

function unsupported(reason: string, fileName: string): ArchiveError {
  return new ArchiveError('ERR_UNSUPPORTED_TYPE', `${reason}; the archive reads ${supportedExtensions().join(', ')}`, fileName);
}

/** Parses a file's bytes with its detected format. */
export async function parseFile(bytes: Uint8Array, fileName: string, opts: Partial<ParseOptions> = {}): Promise<ParsedFile> {
  if (bytes.byteLength > ingestDefaults.maxFileBytes) {
    throw new ArchiveError('ERR_TOO_LARGE', `${bytes.byteLength} bytes; the limit is ${ingestDefaults.maxFileBytes}`, fileName);
  }
  return detectFormat(bytes, fileName).parse(bytes, { timeoutMs: opts.timeoutMs ?? ingestDefaults.parseTimeoutMs, password: opts.password });
}
