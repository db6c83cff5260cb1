// Bad input files: each gets a clear outcome in bounded time and memory, the batch goes on, and what the archive
// already holds stays exactly as it was. Generated cases here; ../shared/external/pdf-odd as a whole batch is in
// test/archive/ingest.test.ts, so only its hostile files are timed one by one here (all of them in `npm run soak`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { sharedDir } from '../../tools/shared-dir.ts';
import { consistencyProblems, corpusFiles, measure, rng, snapshot, tmp, type Snapshot } from './fixtures.ts';
import { badTextCases, bigTextFile, HOSTILE_PDFS, PDF_FILE_MS, PDF_FILE_RSS_MB, PER_FILE_MS, PER_FILE_RSS_MB } from './bad-file-cases.ts';

const shared = sharedDir();
const pdfOdd = shared ? join(shared, 'external/pdf-odd') : null;

let dir: string;
let work: string;
let archive: Archive;
let before: Snapshot;
const QUERY = 'Wat is wethouderssocialisme?';
let beforeHits: number[][];

beforeAll(async () => {
  dir = tmp('bad-data');
  work = tmp('bad-files');
  archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
  const outcomes = await archive.ingestFiles(corpusFiles());
  expect(outcomes.every((o) => o.status === 'ingested')).toBe(true);
  before = snapshot(archive);
  beforeHits = (await archive.search(QUERY, { k: 10 })).map((h) => h.passageIds);
});

afterAll(async () => {
  await archive?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

async function expectArchiveUnchanged(): Promise<void> {
  const now = snapshot(archive);
  expect(now.docs).toEqual(before.docs);
  expect(now.health).toEqual(before.health);
  expect(now.generation).toBe(before.generation);
  expect((await archive.search(QUERY, { k: 10 })).map((h) => h.passageIds)).toEqual(beforeHits);
  expect(consistencyProblems(archive)).toEqual([]);
}

describe('generated bad files', () => {
  it('each is skipped with a clear reason and code, one by one, in bounded time and memory; nothing changes', async () => {
    const cases = badTextCases(work, rng(7));
    const report: string[] = [];
    for (const c of cases) {
      const { value: outcomes, ms, peakRssGrowthMb } = await measure(() => archive.ingestFiles([c.path]));
      expect(outcomes, c.name).toHaveLength(1);
      const [o] = outcomes;
      report.push(`${c.name}: ${o.status} ${o.code ?? ''} ${o.reason ?? ''} (${ms.toFixed(0)} ms, +${peakRssGrowthMb.toFixed(0)} MB)`);
      expect(o.status, c.name).toBe('skipped');
      expect(o.code, c.name).toBe(c.code);
      expect(o.reason, c.name).toMatch(/\w{4,}/);
      expect(o.reason, c.name).not.toMatch(/\n\s+at /); // no stack trace
      expect(ms, c.name).toBeLessThan(PER_FILE_MS);
      expect(peakRssGrowthMb, c.name).toBeLessThan(PER_FILE_RSS_MB);
    }
    console.log(report.join('\n'));
    await expectArchiveUnchanged();
  });

  it('a FIFO named .txt is refused, not read (reading would block forever)', async () => {
    const fifo = join(work, 'pijp.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this system
    }
    const [o] = await archive.ingestFiles([fifo]);
    expect(o).toMatchObject({ status: 'skipped', code: 'ERR_FILE_UNREADABLE' });
    await expectArchiveUnchanged();
  });

  it('a mixed batch: bad files do not stop the good ones, and the good ones decode correctly', async () => {
    const cases = badTextCases(join(work, 'mixed'), rng(8));
    const good = join(work, 'mixed-good');
    mkdirSync(good, { recursive: true });
    const words = 'De gemeente heeft de ideeën van de reünie besproken en het coördinatiecomité geïnformeerd over één café.';
    const cp1252 = join(good, 'windows1252.txt');
    writeFileSync(cp1252, Buffer.from(`Notitie cp1252\n\n${words}\n`, 'latin1')); // é ë ï are the same bytes in cp1252
    const utf16le = join(good, 'utf16le.txt');
    writeFileSync(utf16le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Notitie utf16le\r\n\r\n${words}\r\n`, 'utf16le')]));
    const utf16be = join(good, 'utf16be.txt');
    const le = Buffer.from(`Notitie utf16be\n\n${words}\n`, 'utf16le');
    writeFileSync(utf16be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]));
    const utf8bom = join(good, 'utf8bom.md');
    writeFileSync(utf8bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# Notitie utf8bom\n\n${words}\n`)]));
    const copy = join(good, 'kopie-004.txt');
    copyFileSync(corpusFiles()[4], copy);

    const paths = [cases[0].path, cp1252, ...cases.slice(1, 4).map((c) => c.path), utf16le, utf16be, ...cases.slice(4).map((c) => c.path), utf8bom, copy];
    const outcomes = await archive.ingestFiles(paths);
    expect(outcomes.map((o) => o.file)).toEqual(expect.arrayContaining(paths));
    for (const c of cases) expect(outcomes.find((o) => o.file === c.path)?.status, c.name).toBe('skipped');
    // A copy of a document already in the archive is reported as a duplicate of it, not indexed twice.
    expect(outcomes.find((x) => x.file === copy)).toMatchObject({ status: 'duplicate', docId: basename(corpusFiles()[4], '.txt') });
    for (const p of [cp1252, utf16le, utf16be, utf8bom]) {
      const o = outcomes.find((x) => x.file === p)!;
      expect(o.status, p).toBe('ingested');
      const text = archive.getDocumentText(o.docId!)!;
      expect(text, p).toContain(words);
      expect(text, p).not.toMatch(/[\uFEFF\uFFFD\u0000]|Ã/); // no BOM, no replacement chars, no mojibake
    }
    const hits = await archive.search('ideeën reünie geïnformeerd', { mode: 'lexical', k: 10 });
    expect(new Set(hits.slice(0, 4).map((h) => h.docId))).toEqual(new Set(['windows1252', 'utf16le', 'utf16be', 'utf8bom']));
    // What was there before is untouched.
    const now = snapshot(archive);
    for (const [id, d] of Object.entries(before.docs)) expect(now.docs[id], id).toEqual(d);
    expect(consistencyProblems(archive)).toEqual([]);
    for (const p of [cp1252, utf16le, utf16be, utf8bom]) await archive.deleteDocument(outcomes.find((x) => x.file === p)!.docId!);
    expect(snapshot(archive).docs).toEqual(before.docs);
  });
});

// A 50 MB text file takes minutes (ingest/clean.ts and ingest/passages.ts grow faster than linearly; see
// RELIABILITY.md), so `npm test` ingests a 1 MB one and `npm run soak` the 50 MB one.
const BIG_MB = Number(process.env.RELIABILITY_BIG_MB ?? 1);
describe(`a ${BIG_MB} MB text file`, () => {
  it('is ingested in bounded time and memory, or refused with a clear reason; the rest is untouched', async () => {
    const big = bigTextFile(join(work, 'groot.txt'), BIG_MB);
    const { value: [o], ms, peakRssGrowthMb } = await measure(() => archive.ingestFiles([big]));
    console.log(`${BIG_MB} MB text: ${o.status} ${o.reason ?? ''} passages ${o.passages ?? 0} in ${ms.toFixed(0)} ms, +${peakRssGrowthMb.toFixed(0)} MB RSS`);
    expect(['ingested', 'skipped']).toContain(o.status);
    if (o.status === 'skipped') expect(o.reason).toMatch(/\w{4,}/);
    expect(ms).toBeLessThan(BIG_MB * 15_000);
    expect(peakRssGrowthMb).toBeLessThan(200 + BIG_MB * 40);
    expect(consistencyProblems(archive)).toEqual([]);
    if (o.docId) await archive.deleteDocument(o.docId);
    expect(snapshot(archive).docs).toEqual(before.docs);
  }, 900_000);
});

describe.skipIf(!pdfOdd)('hostile PDFs from ../shared/external/pdf-odd, one at a time', () => {
  it('each ends with a clear outcome within the parse timeout and the RSS allowance; the archive is unchanged', async () => {
    const report: string[] = [];
    const start = snapshot(archive);
    for (const name of HOSTILE_PDFS) {
      const { value: [o], ms, peakRssGrowthMb } = await measure(() => archive.ingestFiles([join(pdfOdd!, name)]));
      report.push(`${name}: ${o.status} ${o.code ?? ''} ${o.reason ?? ''} (${ms.toFixed(0)} ms, +${peakRssGrowthMb.toFixed(0)} MB)`);
      expect(o.status, name).toBe('skipped');
      expect(o.reason, name).toMatch(/\w{4,}/);
      expect(ms, name).toBeLessThan(PDF_FILE_MS);
      expect(peakRssGrowthMb, name).toBeLessThan(PDF_FILE_RSS_MB);
    }
    console.log(report.join('\n'));
    const now = snapshot(archive);
    expect(now.docs).toEqual(start.docs);
    expect(now.generation).toBe(start.generation);
    expect(consistencyProblems(archive)).toEqual([]);
  }, 180_000);
});

if (!pdfOdd) console.warn('skipping the pdf-odd part of test/reliability/bad-files.test.ts: ../shared/external/pdf-odd is absent');
