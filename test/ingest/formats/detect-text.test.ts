import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../ingest/formats/index.ts';
import { parseText } from '../../../ingest/formats/text.ts';
import { ArchiveError } from '../../../lib/errors.ts';
import { pdfOddDir, corpusDir, read } from '../helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ArchiveError ? `${e.code}: ${e.message}` : `other: ${String(e)}`;
  }
  return undefined;
}

describe('detectFormat', () => {
  it('recognises PDFs by bytes, text by name plus content', () => {
    expect(detectFormat(enc('junk\n%PDF-1.7\n'), 'scan.bin').name).toBe('pdf');
    expect(detectFormat(enc('# Titel\n'), 'notes.md').name).toBe('md');
    expect(detectFormat(enc('tekst'), 'LEESMIJ').name).toBe('txt');
    expect(code(() => detectFormat(new Uint8Array(0), 'x.txt'))).toMatch(/^ERR_FILE_EMPTY/);
    expect(code(() => detectFormat(new Uint8Array([1, 0, 2, 3]), 'x.txt'))).toMatch(/ERR_UNSUPPORTED_TYPE.*binary data/);
    expect(code(() => detectFormat(enc('a,b'), 'x.csv'))).toMatch(/ERR_UNSUPPORTED_TYPE/);
  });

  describe.skipIf(!pdfOddDir)('on pdf-odd files named .pdf that are not PDFs', () => {
    it('refuses them with a clear reason', () => {
      for (const f of ['not_a_pdf_plain_text_7_bytes.pdf', 'not_a_pdf_random_bytes.pdf']) {
        expect(code(() => detectFormat(read(pdfOddDir!, f), f))).toMatch(/ERR_UNSUPPORTED_TYPE.*no %PDF header/);
      }
      expect(detectFormat(read(pdfOddDir!, 'truncated_header_only.pdf'), 'x.pdf').name).toBe('pdf');
    });
  });
});

describe('parseText', () => {
  it('decodes UTF-8 with BOM, Windows-1252 and UTF-16, and splits pages at form feeds', () => {
    expect(parseText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('één')]), 'txt').pages[0].text).toBe('één');
    expect(parseText(new Uint8Array([0x63, 0x6f, 0xeb, 0x80]), 'txt').pages[0].text).toBe('coë€');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('hé').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(parseText(utf16, 'txt').pages[0].text).toBe('hé');
    const paged = parseText(enc('een\ftwee\f'), 'md');
    expect(paged.pages).toEqual([{ page: 1, text: 'een' }, { page: 2, text: 'twee' }]);
  });

  it.skipIf(!corpusDir)('reads a corpus file as one page', () => {
    const parsed = parseText(read(corpusDir!, '000_ddb77fb8e123a2aa.txt'), 'txt');
    expect(parsed.pages).toHaveLength(1);
    expect(parsed.pages[0].text).toContain('wethouderssocialisme');
  });
});
