// Decide what kind of file we were given. PDFs are recognised by their bytes (names lie: the archive holds
// ".pdf" files that are plain text or random bytes); text files by name plus a check that the bytes are text.
import type { SourceFormat } from '../../lib/types.ts';
import { ArchiveError } from '../../lib/errors.ts';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Acrobat accepts the header anywhere in the first 1024 bytes (junk before it is common from mail gateways). */
const PDF_HEADER_WINDOW = 1024;
/** How much of a text file we inspect for binary content. */
const TEXT_SNIFF_BYTES = 64 * 1024;

export function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when the bytes look like text: UTF-16 with a BOM, or no NULs and few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, TEXT_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    // Tab, LF, VT, FF, CR and ESC-free text; other C0 controls are rare in real text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) control++;
  }
  return control <= n * 0.01;
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

const TEXT_EXTENSIONS: Record<string, 'txt' | 'md'> = { '': 'txt', txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };

export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (bytes.length === 0) throw new ArchiveError('ERR_FILE_EMPTY', '', fileName);
  if (hasPdfHeader(bytes)) return 'pdf';
  const ext = extensionOf(fileName);
  if (ext === 'pdf') throw new ArchiveError('ERR_UNSUPPORTED_TYPE', 'not a PDF: no %PDF header', fileName);
  const textFormat = TEXT_EXTENSIONS[ext];
  if (textFormat === undefined) throw new ArchiveError('ERR_UNSUPPORTED_TYPE', `.${ext} file`, fileName);
  if (!looksLikeText(bytes)) throw new ArchiveError('ERR_UNSUPPORTED_TYPE', 'binary data', fileName);
  return textFormat;
}
