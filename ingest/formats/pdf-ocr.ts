// Pages of a PDF without a text layer (scans, image-only pages) read by OCR (ingest/ocr.ts), when Tesseract is there.
// Each page read this way is marked with its confidence, so staff can tell scanned text from typed text.
import type { RawPage } from '../../lib/types.ts';
import { ocrDefaults } from '../../lib/config.ts';
import { log } from '../../lib/log.ts';
import { ocrAvailable, ocrPdfPages } from '../ocr.ts';

export interface OcrResult {
  pages: RawPage[];
  ocrPages: { page: number; confidence: number }[];
  /** Why empty pages stayed empty (OCR off or not installed), for the "no text layer" message. */
  note?: string;
}

export async function fillEmptyPages(pdf: Uint8Array, pages: RawPage[], password?: string): Promise<OcrResult> {
  const empty = pages.filter((p) => p.text.trim() === '').map((p) => p.page);
  if (empty.length === 0) return { pages, ocrPages: [] };
  if (!ocrDefaults.enabled) return { pages, ocrPages: [], note: 'OCR is off (RAADSARCHIEF_OCR=off)' };
  const available = await ocrAvailable();
  if (!available.ok) return { pages, ocrPages: [], note: `OCR unavailable: ${available.reason}` };
  const read = await ocrPdfPages(pdf, empty, { password });
  const byPage = new Map(read.filter((r) => r.text.trim() !== '').map((r) => [r.page, r]));
  for (const r of read) if (r.error) log.warn(`OCR of page ${r.page}: ${r.error}`);
  return {
    pages: pages.map((p) => ({ ...p, text: byPage.get(p.page)?.text ?? p.text })),
    ocrPages: [...byPage.values()].map((r) => ({ page: r.page, confidence: Math.round(r.confidence * 1000) / 1000 })),
    note: byPage.size === 0 ? 'OCR found no text' : undefined,
  };
}
