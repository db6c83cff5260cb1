// Generated bad input files, each with the outcome code the archive must give it. Used by bad-files.test.ts and soak.
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ingestDefaults } from '../../lib/config.ts';
import { corpusFiles } from './fixtures.ts';

export interface BadCase {
  name: string;
  path: string;
  /** The outcome code the archive must report. */
  code: string;
}

/** Time and memory one generated (non-PDF) bad file may take: it is refused by its bytes, before any parsing. */
export const PER_FILE_MS = 10_000;
export const PER_FILE_RSS_MB = 256;
/** A hostile PDF may run until the parse timeout or the RSS watchdog stops it (lib/config.ts), plus slack. */
export const PDF_FILE_MS = ingestDefaults.parseTimeoutMs + 15_000;
export const PDF_FILE_RSS_MB = ingestDefaults.pdfParseRssGrowthMb + 512;

/** pdf-odd files that must be skipped (encrypted with a user password, lying page count, zero pages, not a PDF,
 *  truncated; the scan only when OCR is not installed: see ocrIsAvailable). pdf.js recovers poppler-91414 and issue9418, so they are not here; the decompression bomb
 *  takes ~30 s to be stopped, so it is timed in `npm run soak` (every pdf-odd file is) and test/archive. */
export const HOSTILE_PDFS = [
  'pdfjs_poppler-85140-0.pdf',
  'pdfjs_issue6010_1.pdf',
  'pdfjs_issue21579.pdf',
  'pdfjs_issue15590.pdf',
  'pdfjs_bug1020226.pdf',
  'not_a_pdf_random_bytes.pdf',
  'truncated_header_only.pdf',
];

function randomBytes(n: number, random: () => number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(random() * 256);
  return b;
}

/** Writes the generated bad files into `dir` (created) and returns them with their expected codes. */
export function badTextCases(dir: string, random: () => number): BadCase[] {
  mkdirSync(dir, { recursive: true });
  const cases: BadCase[] = [];
  const add = (name: string, content: Buffer | string | null, code: string) => {
    const path = join(dir, name);
    if (content !== null) writeFileSync(path, content);
    cases.push({ name, path, code });
  };
  add('leeg.txt', '', 'ERR_FILE_EMPTY');
  add('leeg.pdf', '', 'ERR_FILE_EMPTY');
  add('leeg.md', '', 'ERR_FILE_EMPTY');
  const junk = randomBytes(256 * 1024, random);
  junk[10] = 0; // certainly binary
  add('rommel.txt', junk, 'ERR_UNSUPPORTED_TYPE');
  add('rommel.pdf', junk, 'ERR_UNSUPPORTED_TYPE');
  add('rommel.bin', junk, 'ERR_UNSUPPORTED_TYPE');
  add('rommel', junk, 'ERR_UNSUPPORTED_TYPE');
  add('brief.docx', Buffer.concat([Buffer.from('PK\x03\x04'), junk.subarray(0, 4096)]), 'ERR_FILE_CORRUPT');
  add('besturingstekens.txt', Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'.repeat(100)), 'ERR_UNSUPPORTED_TYPE');
  add('witruimte.txt', ' \n\n\t  \r\n   \n', 'ERR_NO_TEXT');
  add('alleen-bom.txt', Buffer.from([0xef, 0xbb, 0xbf]), 'ERR_NO_TEXT');
  add('utf16-alleen-bom.txt', Buffer.from([0xff, 0xfe]), 'ERR_NO_TEXT');
  add('utf16-met-nul.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tekst met een NUL\u0000 erin', 'utf16le')]), 'ERR_TEXT_ENCODING');
  add('kop-en-rommel.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]), 'ERR_PDF_MALFORMED');
  add('pdf-als-txt.txt', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('geen objecten, geen xref\n')]), 'ERR_PDF_MALFORMED');
  add('bestaat-niet.txt', null, 'ERR_FILE_UNREADABLE');
  return cases;
}

/** A `mb` MB Dutch text file made of corpus paragraphs, numbered so that passages differ. Written in chunks. */
export function bigTextFile(path: string, mb: number): string {
  const paragraphs = corpusFiles().flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/)).filter((p) => p.trim());
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    let i = 0;
    const target = mb * 1024 * 1024;
    while (written < target) {
      let chunk = '';
      while (chunk.length < 1024 * 1024) {
        chunk += `${i % 500 === 0 ? `Hoofdstuk ${i / 500 + 1}\n\n` : ''}${paragraphs[i % paragraphs.length]} (${i})\n\n`;
        i++;
      }
      const buf = Buffer.from(chunk);
      writeSync(fd, buf);
      written += buf.length;
    }
  } finally {
    closeSync(fd);
  }
  return path;
}
