// Recognise a container format by its bytes, never its name (archives hold .doc files that are HTML and
// .docx files renamed .zip). Cheap: a ZIP is judged by its central directory plus at most one tiny entry,
// markup by its first few KB.
import { decodeText } from './text.ts';
import { ODT_MIME } from './odt.ts';
import { FormatError } from './structured.ts';
import { entryText, isZip, readZip } from './zip.ts';

export type Container = 'docx' | 'odt' | 'html';

/** How much of a file is searched for markup. Saved pages can start with a long comment or script. */
const HTML_SNIFF_BYTES = 8 * 1024;
/** An unmistakable start of an HTML document (after an optional BOM, whitespace and comments). */
const HTML_START = /^(?:<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
/** Common tags; a fragment with several distinct ones is markup even without <html>. */
const COMMON_TAGS = /<(p|div|span|a|br|table|tr|td|ul|ol|li|h[1-6]|strong|em|b|i|img|meta|title|section|article)[\s/>]/gi;
const MIN_COMMON_TAGS = 3;
/** A Word main part has one of these content types (docx, docm, dotx, dotm). */
const WORD_MAIN = /wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled\.main\+xml/i;

export function sniffContainer(bytes: Uint8Array): Container | null {
  if (isZip(bytes)) return sniffZip(bytes);
  return looksLikeHtml(bytes) ? 'html' : null;
}

function sniffZip(bytes: Uint8Array): Container | null {
  try {
    // Read only the central directory first; inflate one small entry when the names do not decide.
    const names = new Set(readZip(bytes, () => false).names);
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('mimetype')) return ODT_MIME.test(smallEntry(bytes, 'mimetype') ?? '') ? 'odt' : null;
    // Word sometimes names the main part word/document2.xml; the content types then say what it is.
    if (names.has('[Content_Types].xml') && [...names].some((n) => n.startsWith('word/'))) {
      return WORD_MAIN.test(smallEntry(bytes, '[Content_Types].xml') ?? '') ? 'docx' : null;
    }
    // ODF without a mimetype entry: the manifest's root entry gives the document type.
    if (names.has('content.xml') && names.has('META-INF/manifest.xml')) {
      return ODT_MIME.test(rootMediaType(smallEntry(bytes, 'META-INF/manifest.xml') ?? '')) ? 'odt' : null;
    }
    return null;
  } catch (e) {
    // A corrupt ZIP is not recognisably anything; the caller reports it as unsupported.
    if (e instanceof FormatError) return null;
    throw e;
  }
}

/** One entry's text; readZip's size limits keep a lying entry from costing more than the limit. */
function smallEntry(bytes: Uint8Array, name: string): string | undefined {
  return entryText(readZip(bytes, (n) => n === name), name);
}

/** The media type of the manifest's "/" entry (the document itself). */
function rootMediaType(manifest: string): string {
  for (const [entry] of manifest.matchAll(/<manifest:file-entry\b[^>]*>/g)) {
    if (/manifest:full-path="\/"/.test(entry)) return /manifest:media-type="([^"]*)"/.exec(entry)?.[1] ?? '';
  }
  return '';
}

/** The file opens as an HTML document (doctype, <html>, <head> or <body>): HTML whatever it is called. A fragment
 *  (common tags only) counts as HTML only when sniffContainer is asked, i.e. for a name that promises HTML. */
export function startsLikeHtml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, HTML_SNIFF_BYTES));
  return !head.includes('\u0000') && HTML_START.test(head.trimStart());
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  // BOMs are honoured; a UTF-8 sequence cut at the end falls back to Windows-1252, fine for finding tags.
  const head = decodeText(bytes.subarray(0, HTML_SNIFF_BYTES));
  if (head.includes('\u0000')) return false; // binary, or UTF-16 without a BOM
  if (HTML_START.test(head.trimStart())) return true;
  const tags = new Set([...head.matchAll(COMMON_TAGS)].map((m) => m[1].toLowerCase()));
  return tags.size >= MIN_COMMON_TAGS;
}
