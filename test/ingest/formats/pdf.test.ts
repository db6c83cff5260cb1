import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { parsePdf, closePdfWorkers } from '../../../ingest/formats/pdf.ts';
import { cleanPages } from '../../../ingest/clean.ts';
import { splitPassages } from '../../../ingest/passages.ts';
import { extractMetadata } from '../../../ingest/metadata.ts';
import { ArchiveError } from '../../../lib/errors.ts';
import { ocrAvailable } from '../../../ingest/ocr.ts';
import { checkPassages, pdfNlDir, pdfOddDir, read } from '../helpers.ts';

afterAll(() => closePdfWorkers());

describe.skipIf(!pdfOddDir)('parsePdf on broken, encrypted and scanned PDFs', () => {
  it('gives pages or one clear ArchiveError for every file, never a crash or hang', async () => {
    const files = readdirSync(pdfOddDir!).filter((f) => f.endsWith('.pdf'));
    const outcomes = new Map<string, string>();
    await Promise.all(
      files.map(async (f) => {
        try {
          // The bomb only needs to be cut off; real files get room for a busy machine.
          const r = await parsePdf(read(pdfOddDir!, f), { timeoutMs: f.includes('bomb') ? 8000 : 30_000 });
          outcomes.set(f, `pages:${r.pages.length}`);
        } catch (e) {
          expect(e).toBeInstanceOf(ArchiveError);
          outcomes.set(f, (e as ArchiveError).code);
        }
      }),
    );
    expect(outcomes.size).toBe(files.length);
    expect(outcomes.get('encrypted_rc4_owner_pw_only_63p.pdf')).toBe('pages:63'); // empty user password opens
    expect(outcomes.get('pdfjs_issue6010_1.pdf')).toBe('ERR_PDF_ENCRYPTED');
    // A scan is read by OCR when Tesseract is installed, else refused with the reason.
    expect(outcomes.get('scanned_image_only_nl_2p.pdf')).toBe((await ocrAvailable()).ok ? 'pages:2' : 'ERR_PDF_NO_TEXT');
    expect(outcomes.get('truncated_header_only.pdf')).toBe('ERR_PDF_MALFORMED');
    expect(['ERR_PARSE_TIMEOUT', 'ERR_PDF_MALFORMED']).toContain(outcomes.get('pdfjs_bomb_giant.pdf'));
    expect(outcomes.get('pdfjs_freeculture.pdf')).toBe('pages:352');
  }, 120_000);
});

describe.skipIf(!pdfNlDir)('parse + clean + split on Dutch PDFs', () => {
  it('handles a sample of 3 PDFs with exact passages and page numbers', async () => {
    for (const f of ['vkp2023_ja21.pdf', 'tk_motie_kst-32545-143.pdf', 'ap_jaarverslag_2022.pdf']) {
      const bytes = read(pdfNlDir!, f);
      const parsed = await parsePdf(bytes);
      expect(bytes.byteLength).toBeGreaterThan(0); // caller's buffer survives the transfer
      const doc = cleanPages(parsed.pages);
      const ps = splitPassages(doc);
      checkPassages(doc, ps);
      expect(ps[ps.length - 1].pageLast).toBeGreaterThan(parsed.pages.length / 2);
      const meta = extractMetadata(parsed, doc, f);
      expect(meta.language).toBe('nl');
      if (f === 'vkp2023_ja21.pdf') {
        expect(meta.organisation).toBe('JA21');
        expect(doc.text).not.toContain('JA21 Verkiezingsprogramma 2023'); // running header
        expect(doc.text).toContain('- Een betrokken overheid die de Nederlandse normen en waarden uitdraagt.');
      }
    }
  }, 60_000);
});
