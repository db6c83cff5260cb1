// What real archives hold, through the whole ingest: Word, OpenDocument and saved web pages (generated here), a
// scanned PDF read by OCR, an encrypted PDF opened with its password (CLI and upload), and metadata checked against the
// text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { ocrAvailable } from '../../ingest/ocr.ts';
import { ask } from '../../answer/ask.ts';
import { extractMetadata } from '../../ingest/metadata.ts';
import { cleanPages } from '../../ingest/clean.ts';
import { buildDocx, buildOdt, NEWS_PAGE, NEWS_CHROME } from '../ingest/formats/fixtures.ts';
import { pdfOddDir } from '../ingest/helpers.ts';
import { CLI, tmp } from '../reliability/fixtures.ts';

let data: string;
let work: string;
let archive: Archive;

beforeAll(async () => {
  data = tmp('formats-data');
  work = tmp('formats-work');
  mkdirSync(join(work, 'map'));
  // One build for both: a zip stamps its entries with the time, so two builds a second apart differ in their bytes.
  const docx = buildDocx();
  writeFileSync(join(work, 'map', 'nota.docx'), docx);
  writeFileSync(join(work, 'map', 'nota-odf.odt'), buildOdt());
  writeFileSync(join(work, 'map', 'nieuws.html'), NEWS_PAGE);
  writeFileSync(join(work, 'map', 'zonder-naam'), docx); // no extension: recognised by its bytes
  archive = await openArchive({ dataDir: data, embedder: 'builtin' });
});
afterAll(async () => archive?.close());

describe('Word, OpenDocument and HTML', () => {
  it('ingests them by their bytes, one section a "page", headings in the heading paths', async () => {
    const out = await archive.ingestFiles([join(work, 'map')]);
    expect(out.map((o) => [o.file.split('/').pop(), o.status])).toEqual([
      ['nieuws.html', 'ingested'], ['nota-odf.odt', 'ingested'], ['nota.docx', 'ingested'], ['zonder-naam', 'duplicate'],
    ]);
    const docx = archive.getDocument('nota')!;
    expect(docx).toMatchObject({ format: 'docx', title: 'Nota coördinatie jeugdzorg', details: { pageKind: 'section' } });
    expect(archive.getDocument('nota-odf')).toMatchObject({ format: 'odt', details: { pageKind: 'section' } });
    const hits = await archive.search('één loket wijkteams', { mode: 'lexical', k: 5 });
    const hit = hits.find((h) => h.docId === 'nota')!;
    expect(hit.document.pageKind).toBe('section');
    expect(hit.headingPath.join(' > ')).toMatch(/Nieuwe ideeën/);
    // A citation of a section document names the section, its heading and the paragraph, numbered as the page view
    // numbers the section's paragraphs.
    const [, section, paragraph] = hit.place.match(/^sectie (\d+) \(Nota coördinatie jeugdzorg\), alinea (\d+)(?:–\d+)?$/) ?? [];
    expect(Number(section)).toBe(hit.pageFirst);
    const page = archive.getPage('nota', hit.pageFirst)!;
    expect(page.text).toContain('Tweede idee: één loket');
    expect(page.paragraphs!.filter((s) => s <= hit.start)).toHaveLength(Number(paragraph));
  });

  it('keeps the main text of a saved web page and drops its menus, scripts and cookie bar', async () => {
    const text = archive.getDocumentText('nieuws')!;
    for (const chrome of NEWS_CHROME) expect(text).not.toContain(chrome);
    expect(archive.getDocument('nieuws')!.format).toBe('html');
  });
});

describe.skipIf(!pdfOddDir)('scanned and encrypted PDFs (../shared/external/pdf-odd)', () => {
  it('reads a scan with OCR: a word visible in the scan is found, and its pages are marked with their confidence', async (ctx) => {
    if (!(await ocrAvailable()).ok) {
      console.warn('skipping the OCR check: tesseract-ocr with the nld model and poppler-utils are not installed');
      return ctx.skip();
    }
    const out = await archive.ingestFiles([join(pdfOddDir!, 'scanned_image_only_nl_2p.pdf')]);
    expect(out[0]).toMatchObject({ status: 'ingested', ocrPages: 2 });
    const doc = archive.getDocument(out[0].docId!)!;
    expect(doc.details.ocrPages.map((o) => o.page)).toEqual([1, 2]);
    for (const o of doc.details.ocrPages) expect(o.confidence).toBeGreaterThan(0.5);
    const hits = await archive.search('Nitraatrichtlijn', { mode: 'lexical', k: 3 });
    expect(hits[0]?.docId).toBe(doc.id);
    expect(hits[0].ocr?.confidence).toBeGreaterThan(0.5);
    const shown = execFileSync(process.execPath, [CLI, '--data', data, 'show', doc.id, '--page', '1'], { encoding: 'utf8' });
    expect(shown).toMatch(/tekst uit scan \(OCR, \d+%\)/);
    expect(doc.title).not.toMatch(/^Ministerie van/); // a letterhead is the sender, not the title
    // An answer quoting the scan says so in its citation.
    const answer = await ask(archive, { question: 'Over welk actieprogramma gaan de wijzigingsvoorstellen na het Tweeminutendebat mestbeleid?' });
    expect(answer.answered).toBe(true);
    if (answer.answered) expect(answer.citations.find((c) => c.docId === doc.id)?.ocr?.confidence).toBeGreaterThan(0.5);
  }, 120_000);

  it('opens an encrypted PDF with its password from the CLI, and says clearly when it is missing or wrong', () => {
    const pdf = join(work, 'beveiligd.pdf');
    copyFileSync(join(pdfOddDir!, 'pdfjs_issue21579.pdf'), pdf); // user password "pässwört" (its MANIFEST)
    const ingest = (...args: string[]) =>
      JSON.parse(execFileSync(process.execPath, [CLI, '--data', data, 'ingest', pdf, '--json', ...args], { encoding: 'utf8' }).toString());
    const cli = (...args: string[]) => {
      try {
        return ingest(...args);
      } catch (e) {
        return JSON.parse((e as { stdout: string }).stdout);
      }
    };
    expect(cli().outcomes[0]).toMatchObject({ status: 'skipped', code: 'ERR_PDF_ENCRYPTED', reason: expect.stringMatching(/password/) });
    expect(cli('--password', 'fout').outcomes[0]).toMatchObject({ status: 'skipped', code: 'ERR_PDF_PASSWORD' });
    expect(cli('--password', 'pässwört').outcomes[0]).toMatchObject({ status: 'ingested' });
  }, 60_000);
});

describe('metadata checked against the text', () => {
  it('lets a title found in the text win over a stale PDF title, and takes year and organisation from the text', () => {
    const text = 'Besluitenlijst raadsvergadering 29 juni 2015\n\n1. Opening.\n\nDe fractie van het CDA vraagt het woord. De ChristenUnie stemt in. Het CDA stemt tegen.';
    const parsed = {
      format: 'pdf',
      pages: [{ page: 1, text }],
      info: { title: 'Aandachtspuntenlijst raadsvergadering 3 november 2008', author: 'ChristenUnie', creationDate: '2008-11-01T10:00:00Z' },
    };
    const meta = extractMetadata(parsed, cleanPages(parsed.pages), 'besluitenlijst.pdf');
    expect(meta).toMatchObject({ title: 'Besluitenlijst raadsvergadering 29 juni 2015', year: 2015, sources: { title: 'text', year: 'text' } });
    const generic = { ...parsed, info: { title: 'Microsoft Word - besluitenlijst.docx' } };
    expect(extractMetadata(generic, cleanPages(parsed.pages), 'x.pdf').title).toBe('Besluitenlijst raadsvergadering 29 juni 2015');
    const furniture = { format: 'pdf', pages: [{ page: 1, text: 'Tweede Kamer der Staten-Generaal\n\nDatum: 18 maart 2024\n\nOpenbare versie\n\nInleiding............. 3\n\nAdvies over de CoronaMelder' }], info: {} };
    expect(extractMetadata(furniture, cleanPages(furniture.pages), 'x.pdf').title).toBe('Advies over de CoronaMelder');
  });
});
