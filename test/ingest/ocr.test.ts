import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fromTsv, ocrAvailable, ocrPdfPages, run } from '../../ingest/ocr.ts';
import { pdfOddDir, read } from './helpers.ts';

const available = await ocrAvailable();
if (!available.ok) console.warn(`[ocr tests] OCR not installed (${available.reason}): skipping the Tesseract tests`);
const canOcr = available.ok && pdfOddDir !== null;
const SCAN = 'scanned_image_only_nl_2p.pdf';

/** Our temporary directories; each test checks it left none behind. */
const ocrDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('raadsarchief-ocr-'));

describe('fromTsv', () => {
  it('rebuilds lines and paragraphs from block/par/line numbers and averages word confidence, ignoring -1', () => {
    const rows = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\tGeadviseerd',
      '5\t1\t1\t1\t1\t2\t0\t0\t9\t9\t80\tbesluit',
      '5\t1\t1\t1\t2\t1\t0\t0\t9\t9\t70\tcoördinatie',
      '5\t1\t2\t1\t1\t1\t0\t0\t9\t9\t-1\t ',
      '5\t1\t2\t1\t1\t2\t0\t0\t9\t9\t60\tToelichting',
    ];
    const { text, confidence } = fromTsv(rows.join('\n'));
    expect(text).toBe('Geadviseerd besluit\ncoördinatie\n\nToelichting');
    expect(confidence).toBeCloseTo(0.75);
    expect(fromTsv('')).toEqual({ text: '', confidence: 0 });
  });
});

describe('run', () => {
  it('kills the whole process group on timeout (a grandchild holding stdout would otherwise keep it open)', async () => {
    const start = performance.now();
    await expect(run('sh', ['-c', 'sleep 30 & sleep 30'], { timeoutMs: 200, memoryMb: 256 })).rejects.toThrow(/sh timed out after 200 ms/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('names a missing program', async () => {
    await expect(run('geen-tesseract-hier', [], { timeoutMs: 5000, memoryMb: 256 })).rejects.toThrow(/geen-tesseract-hier is not installed/);
  });
});

describe.skipIf(!canOcr)('ocrPdfPages on a scanned Dutch Kamerstuk (pdf-odd)', () => {
  it('reads both pages: words visible in the scan, line and paragraph breaks, confidence in (0, 1]', async () => {
    const before = ocrDirs().length;
    const start = performance.now();
    const pages = await ocrPdfPages(read(pdfOddDir!, SCAN), [1, 2], { concurrency: 2 });
    const seconds = (performance.now() - start) / 1000;
    console.info(`[ocr] ${SCAN}: ${(2 / seconds).toFixed(2)} pages/s, confidence ${pages.map((p) => p.confidence.toFixed(3)).join(', ')}`);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    for (const p of pages) {
      expect(p.error).toBeUndefined();
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.confidence).toBeLessThanOrEqual(1);
      expect(p.ms).toBeGreaterThan(0);
      expect(p.text).toMatch(/\n\n/);
    }
    for (const word of ['Nitraatrichtlijn', 'Tweeminutendebat', 'Geadviseerd besluit', 'Aanleiding']) expect(pages[0].text).toContain(word);
    for (const word of ['maatwerkaanpak', 'waterkwaliteit', 'Toelichting', 'zienswijzen']) expect(pages[1].text).toContain(word);
    expect(ocrDirs().length).toBe(before);
  });

  it('a tiny time limit gives each page a clear timeout error, and nothing is left behind', async () => {
    const before = ocrDirs().length;
    const pages = await ocrPdfPages(read(pdfOddDir!, SCAN), [1, 2], { timeoutMs: 50 });
    for (const p of pages) {
      expect(p.text).toBe('');
      expect(p.error).toMatch(new RegExp(`^page ${p.page}: pdftoppm timed out after 50 ms$`));
    }
    expect(ocrDirs().length).toBe(before);
  });

  it('one failing page does not lose the others; memory limits and bad page numbers are reported', async () => {
    const pages = await ocrPdfPages(read(pdfOddDir!, SCAN), [2, 7, 0], { dpi: 100 });
    expect(pages[0].error).toBeUndefined();
    expect(pages[0].text).toContain('Toelichting');
    expect(pages[1].error).toMatch(/^page 7: pdftoppm failed \(exit code 99\): Wrong page range/);
    expect(pages[2].error).toBe('page 0: invalid page number 0');
    const starved = await ocrPdfPages(read(pdfOddDir!, SCAN), [1], { dpi: 100, memoryMb: 60 });
    expect(starved[0].error).toMatch(/^page 1: (pdftoppm|tesseract) ran out of memory \(limit 60 MB\)$/);
  });

  it('opens an encrypted PDF with its user password and says when the password is wrong', async () => {
    const pdf = read(pdfOddDir!, 'pdfjs_issue6010_1.pdf'); // AES-256, user password "abc"
    const [ok] = await ocrPdfPages(pdf, [1], { password: 'abc', dpi: 100 });
    expect(ok.error).toBeUndefined();
    const [wrong] = await ocrPdfPages(pdf, [1], { password: 'fout', dpi: 100 });
    expect(wrong.error).toMatch(/Incorrect password/);
  });
});
