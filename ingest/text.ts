// Decode a plain-text or Markdown file into pages. Dutch files written by Windows tools are often
// Windows-1252, so invalid UTF-8 falls back to it rather than failing.
import type { ParsedFile, RawPage } from '../lib/types.ts';
import { ArchiveError } from '../lib/errors.ts';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function parseText(bytes: Uint8Array, format: 'txt' | 'md'): ParsedFile {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ArchiveError('ERR_TEXT_ENCODING', 'contains NUL characters');
  // Form feeds separate pages, the way pdftotext writes them; a trailing \f does not open a new page.
  const parts = text.replace(/\r\n?/g, '\n').split('\f');
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  const pages: RawPage[] = parts.map((t, i) => ({ page: i + 1, text: t }));
  return { format, pages, info: {} };
}
