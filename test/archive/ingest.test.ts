// The archive end to end on real data: ingest the bundled corpus, re-ingest, replace, delete, bad files in a batch,
// page spans on a real multi-page PDF, persistence across restarts and a corrupt index file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ocrAvailable } from '../../ingest/ocr.ts';
import { openArchive } from '../../archive/archive.ts';
import { ask } from '../../answer/ask.ts';
import type { Archive } from '../../archive/api.ts';
import { sharedDir } from '../../tools/shared-dir.ts';
import { corpusFiles as allCorpusFiles } from '../corpus.ts';

const corpusFiles = allCorpusFiles();
const shared = sharedDir();
const pdfOdd = shared ? join(shared, 'external/pdf-odd') : null;
const pdfNl = shared ? join(shared, 'external/pdf-nl') : null;

const tmp = () => mkdtempSync(join(tmpdir(), 'raadsarchief-test-'));

describe('archive over the bundled corpus', () => {
  let dir: string;
  let archive: Archive;

  beforeAll(async () => {
    dir = tmp();
    archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
  });
  afterAll(async () => {
    await archive.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests every corpus file, with passages that are exact slices of the clean text', async () => {
    const outcomes = await archive.ingestFiles(corpusFiles);
    expect(outcomes.map((o) => o.status)).toEqual(corpusFiles.map(() => 'ingested'));
    for (const d of archive.listDocuments()) {
      const text = archive.getDocumentText(d.id)!;
      const passages = archive.getPassages(d.id);
      expect(passages.length).toBeGreaterThan(0);
      passages.forEach((p, i) => {
        expect(p.ordinal).toBe(i);
        expect(text.slice(p.start, p.end)).toBe(p.text);
        expect(p.text.length).toBeLessThanOrEqual(1500);
      });
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(archive.health().vectors).toBe(archive.health().passages);
  });

  it('reads the text around a passage as a slice of the clean text, also past characters beyond the BMP', async () => {
    // SQLite slices by code points and JavaScript by UTF-16 units: an emoji before the window would shift it.
    const file = join(dir, 'emoji-programma.txt');
    const filler = 'De gemeente investeert in goede bibliotheken en in het onderwijs van alle kinderen. '.repeat(30);
    writeFileSync(file, `Programma 😀 voor iedereen 𝑥.\n\n${filler}\n\nDe wijkraad krijgt een eigen budget van 40.000 euro per jaar.\n`);
    const [outcome] = await archive.ingestFiles([file]);
    expect(outcome.status).toBe('ingested');
    for (const d of archive.listDocuments()) {
      const text = archive.getDocumentText(d.id)!;
      for (const p of archive.getPassages(d.id)) {
        const w = archive.getTextAround(d.id, p.start - 50, p.end + 50)!;
        expect(w.offset).toBe(Math.max(0, p.start - 50));
        expect(w.text).toBe(text.slice(w.offset, p.end + 50));
        expect(w.atEnd).toBe(p.end + 50 >= text.length);
      }
    }
    const answer = await ask(archive, { question: 'Hoeveel budget krijgt de wijkraad?' });
    expect(answer.answered && answer.citations.map((c) => c.quote).join(' ')).toContain('40.000 euro');
    await archive.deleteDocument(outcome.docId!);
  });

  it('re-ingesting unchanged files is a no-op', async () => {
    const before = archive.parts().store.generation();
    const outcomes = await archive.ingestFiles(corpusFiles);
    expect(outcomes.every((o) => o.status === 'unchanged')).toBe(true);
    expect(archive.parts().store.generation()).toBe(before);
  });

  it("reads unchanged files again when asked to, so that a newer version's metadata reaches them", async () => {
    const work = tmp();
    const file = join(work, 'ARP_1952.txt');
    writeFileSync(file, 'Program van actie\n\nWij willen vrijheid van onderwijs voor iedere ouder en ieder kind.\n');
    const [first] = await archive.ingestFiles([file]);
    expect(archive.getDocument(first.docId!)!.organisation).toBe('ARP');
    // An older version found no organisation in the file name.
    const db = new Database(join(dir, 'archive.sqlite'));
    db.prepare('UPDATE documents SET organisation = NULL WHERE id = ?').run(first.docId);
    db.close();
    expect((await archive.ingestFiles([file]))[0].status).toBe('unchanged');
    expect(archive.getDocument(first.docId!)!.organisation).toBeNull();
    const [again] = await archive.ingestFiles([file], { reread: true });
    expect(again).toMatchObject({ status: 'replaced', docId: first.docId });
    expect(archive.getDocument(first.docId!)!.organisation).toBe('ARP');
    await archive.deleteDocument(first.docId!);
    rmSync(work, { recursive: true, force: true });
  });

  it('filters by organisation on whole words: SP is not PSP', async () => {
    const work = tmp();
    writeFileSync(join(work, 'SP_2010.txt'), 'Programma\n\nDe zorg moet weer van ons allemaal worden, zonder marktwerking.\n');
    writeFileSync(join(work, 'PSP_1981.txt'), 'Program\n\nDe zorg hoort bij de gemeenschap en niet bij de markt.\n');
    const outcomes = await archive.ingestFiles([join(work, 'SP_2010.txt'), join(work, 'PSP_1981.txt')]);
    for (const mode of ['lexical', 'hybrid'] as const) {
      const hits = await archive.search('zorg markt', { mode, k: 10, filters: { organisation: 'SP' } });
      expect(new Set(hits.map((h) => h.document.organisation))).toEqual(new Set(['SP']));
    }
    for (const o of outcomes) await archive.deleteDocument(o.docId!);
    rmSync(work, { recursive: true, force: true });
  });

  it('finds wethouderssocialisme in every mode, citing the right document', async () => {
    for (const mode of ['lexical', 'dense', 'hybrid'] as const) {
      const hits = await archive.search('Wat is wethouderssocialisme?', { mode, k: 5 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((h) => h.text.toLowerCase().includes('wethouderssocialisme'))).toBe(true);
      for (const h of hits) expect(archive.getDocumentText(h.docId)!.slice(h.start, h.end)).toBe(h.text);
    }
  });

  it('filters by document', async () => {
    const hits = await archive.search('wethouder', { k: 10, filters: { documents: ['004_10e39ddcb2732d17'] } });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.docId))).toEqual(new Set(['004_10e39ddcb2732d17']));
  });

  it('replaces a changed file atomically and deletes a document', async () => {
    const work = tmp();
    const file = join(work, 'notitie.txt');
    writeFileSync(file, 'Notitie over de zwembadtarieven\n\nDe gemeente verhoogt de zwembadtarieven in 2019 met vijf procent.\n');
    expect((await archive.ingestFiles([file]))[0].status).toBe('ingested');
    const first = await archive.search('zwembadtarieven', { mode: 'lexical', k: 3 });
    expect(first[0].docId).toBe('notitie');

    writeFileSync(file, 'Notitie over de parkeervergunningen\n\nDe gemeente schaft de parkeervergunning voor bewoners af.\n');
    expect((await archive.ingestFiles([file]))[0].status).toBe('replaced');
    const old = await archive.search('zwembadtarieven', { mode: 'lexical', k: 3 });
    expect(old.filter((h) => h.docId === 'notitie')).toEqual([]);
    const fresh = await archive.search('parkeervergunning', { mode: 'lexical', k: 3 });
    expect(fresh[0].docId).toBe('notitie');

    expect(await archive.deleteDocument('notitie')).toBe(true);
    expect(archive.getDocument('notitie')).toBeNull();
    const gone = await archive.search('parkeervergunning', { k: 10 });
    expect(gone.filter((h) => h.docId === 'notitie')).toEqual([]);
    expect(await archive.deleteDocument('notitie')).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('persistence', () => {
  it('reopens without rebuilding, and rebuilds a corrupt vector index from the store', async () => {
    const dir = tmp();
    let a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await a.ingestFiles(corpusFiles.slice(0, 2));
    const before = await a.search('Wat is het strategisch doel van de Wethoudersvereniging?', { k: 5 });
    await a.close();

    a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    const after = await a.search('Wat is het strategisch doel van de Wethoudersvereniging?', { k: 5 });
    expect(after.map((h) => h.passageIds)).toEqual(before.map((h) => h.passageIds));
    await a.close();

    const indexFile = join(dir, 'vectors/hnsw.bin');
    writeFileSync(indexFile, readFileSync(indexFile).subarray(0, 100)); // truncated, as by a crash or a full disk
    a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    expect(a.health().vectors).toBe(a.health().passages);
    const rebuilt = await a.search('Wat is het strategisch doel van de Wethoudersvereniging?', { k: 5, mode: 'dense' });
    expect(rebuilt.length).toBeGreaterThan(0);
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.skipIf(!pdfOdd)('bad files in a batch (../shared/external/pdf-odd)', () => {
  it('gives every file a clear outcome, ingests the good ones and loses nothing already indexed', async () => {
    const dir = tmp();
    const work = tmp();
    const a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await a.ingestFiles([corpusFiles[4]]);
    const odd = readdirSync(pdfOdd!).filter((f) => f.endsWith('.pdf')).map((f) => join(pdfOdd!, f));
    const junk = join(work, 'leeg.txt');
    writeFileSync(junk, '');
    const binary = join(work, 'plaatje.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const good = join(work, 'goed.txt');
    copyFileSync(corpusFiles[3], good);

    const outcomes = await a.ingestFiles([...odd, junk, binary, good]);
    expect(outcomes).toHaveLength(odd.length + 3);
    for (const o of outcomes) {
      expect(['ingested', 'skipped', 'duplicate']).toContain(o.status);
      if (o.status === 'skipped') expect(o.reason && o.reason.length > 5).toBe(true);
    }
    const byName = (n: string) => outcomes.find((o) => o.file.endsWith(n))!;
    // A scan is read by OCR where Tesseract is installed; without it, it is skipped with the reason.
    if ((await ocrAvailable()).ok) expect(byName('scanned_image_only_nl_2p.pdf')).toMatchObject({ status: 'ingested', ocrPages: 2 });
    else expect(byName('scanned_image_only_nl_2p.pdf').reason).toMatch(/scanned PDF, no text layer/);
    expect(byName('not_a_pdf_random_bytes.pdf').status).toBe('skipped');
    expect(byName('truncated_header_only.pdf').status).toBe('skipped');
    expect(byName('leeg.txt').reason).toMatch(/empty/);
    expect(byName('plaatje.png').status).toBe('skipped');
    expect(byName('goed.txt').status).toBe('ingested');
    expect(a.getDocument(corpusFiles[4].split('/').pop()!.replace('.txt', ''))).not.toBeNull();
    console.log(outcomes.map((o) => `${o.file.split('/').pop()}: ${o.status}${o.reason ? ` (${o.reason})` : ''}`).join('\n'));
    await a.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }, 300_000);
});

describe.skipIf(!pdfNl)('a real multi-page PDF (../shared/external/pdf-nl)', () => {
  it('keeps page spans and offsets exact', async () => {
    const dir = tmp();
    const a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    const pdf = join(pdfNl!, 'coronamelder_advies_raad_van_state.pdf');
    const [o] = await a.ingestFiles([pdf]);
    expect(o.status).toBe('ingested');
    const doc = a.getDocument(o.docId!)!;
    expect(doc.pageCount).toBeGreaterThan(1);
    const text = a.getDocumentText(doc.id)!;
    const passages = a.getPassages(doc.id);
    expect(passages.at(-1)!.pageLast).toBeGreaterThan(1);
    for (const p of passages) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      // The passage's first and last characters lie on the pages it names.
      const first = a.getPage(doc.id, p.pageFirst)!;
      const last = a.getPage(doc.id, p.pageLast)!;
      expect(p.start).toBeGreaterThanOrEqual(first.start);
      expect(p.start).toBeLessThan(first.start + first.text.length);
      expect(p.end).toBeGreaterThan(last.start);
    }
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
