// Decode a plain-text or Markdown file into pages. Dutch files written by Windows tools are often
// Windows-1252, so invalid UTF-8 falls back to it rather than failing.
import type { ParsedFile, RawPage } from '../../lib/types.ts';
import { ArchiveError } from '../../lib/errors.ts';

/** How much of a text file we inspect for binary content. */
const TEXT_SNIFF_BYTES = 64 * 1024;

/** Converted texts carry stray control characters (a NUL, BELs between words): up to this share they are read as
 *  spaces; above it the bytes are not text (programmas-nl: 1.8% BELs in Piratenpartij_2010 is text, 69% in a
 *  font-encoded PVN_2006 is not). UTF-16 without a BOM has ~50% NULs. */
const MAX_CONTROL_SHARE = 0.05;
/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return. */
const STRAY_CONTROLS = /[\x00-\x08\x0e-\x1f\x7f]/g;

/** True when the bytes look like text: UTF-16 with a BOM, or few NULs and control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const n = Math.min(bytes.length, TEXT_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) control++;
  }
  return control <= n * MAX_CONTROL_SHARE;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, curly quotes, dashes); Node's TextDecoder
// without full ICU decodes 'windows-1252' as Latin-1, so map that range ourselves.
const CP1252_C1 =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_C1[b - 0x80] : String.fromCharCode(b);
  return out;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

export function parseText(bytes: Uint8Array, format: 'txt' | 'md'): ParsedFile {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const decoded = decodeText(bytes);
  // In UTF-16 a NUL means the file is not what its BOM says; in 8-bit text stray controls are conversion debris.
  if (utf16 && decoded.includes('\u0000')) throw new ArchiveError('ERR_TEXT_ENCODING', 'contains NUL characters');
  const text = decoded.replace(STRAY_CONTROLS, ' ');
  // Form feeds separate pages, the way pdftotext writes them; a trailing \f does not open a new page.
  const parts = text.replace(/\r\n?/g, '\n').split('\f');
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  const pages: RawPage[] = parts.map((t, i) => ({ page: i + 1, text: t }));
  // Without form feeds the file has no pages of its own: citations name its paragraphs, not "p. 1".
  return { format, pages, info: {}, pageKind: pages.length === 1 ? 'paragraph' : 'page' };
}
