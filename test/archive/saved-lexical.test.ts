// The lexical index is saved beside the store and read back at the next open instead of being rebuilt from every
// passage's terms; a file that does not reflect the store as it is (older, damaged) is passed over and rebuilt.
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { archiveDefaults } from '../../lib/config.ts';
import { corpusFiles, tmp } from '../reliability/fixtures.ts';

const QUESTIONS = ['wethouderssocialisme', 'de raad en het college', 'jeugdzorg gemeente', 'Voor Dorien Zandvliet'];
const open = (dataDir: string) => openArchive({ dataDir, embedder: 'builtin' });

async function answers(a: Archive): Promise<string[][]> {
  return Promise.all(QUESTIONS.map(async (q) => (await a.search(q, { mode: 'lexical', k: 5 })).map((h) => `${h.passageIds.join(",")} ${h.score.toFixed(6)}`)));
}

describe('the saved lexical index', () => {
  let data: string;
  let file: string;
  const opened: Archive[] = [];
  const reopen = async () => {
    const a = await open(data);
    opened.push(a);
    return a;
  };
  afterEach(async () => {
    for (const a of opened.splice(0)) await a.close();
  });

  beforeAll(async () => {
    data = tmp('saved-lexical');
    file = join(data, 'lexical', 'lexical.bin');
    const a = await open(data);
    await a.ingestFiles(corpusFiles().slice(0, -1));
    await a.close();
  }, 120_000);

  it('is written by an ingest and read at the next open, ranking exactly as one built from the store', async () => {
    expect(existsSync(file)).toBe(true);
    const fromFile = await reopen();
    expect(fromFile.health().lexicalIndex.loadedFrom).toBe('file');
    const read = await answers(fromFile);
    await fromFile.close();
    opened.length = 0;
    rmSync(file);
    const rebuilt = await reopen();
    expect(rebuilt.health().lexicalIndex.loadedFrom).toBe('store');
    expect(read).toEqual(await answers(rebuilt));
    expect(read.flat().length).toBeGreaterThan(10);
  });

  it('is passed over once the store has moved on (a file saved before another ingest)', async () => {
    const before = join(data, 'lexical-before.bin');
    copyFileSync(file, before);
    const writer = await reopen();
    const [added] = await writer.ingestFiles(corpusFiles().slice(-1));
    await writer.close();
    opened.length = 0;
    copyFileSync(before, file);
    const a = await reopen();
    expect(a.health().lexicalIndex.loadedFrom).toBe('store');
    const word = a.getPassages(added.docId!)[0].text.split(/\s+/).find((w) => /^[a-z]{9,}$/.test(w))!;
    expect((await a.search(word, { mode: 'lexical', k: 10 })).some((h) => h.docId === added.docId)).toBe(true);
  });

  it('is rebuilt, with a warning, when the file is damaged', async () => {
    writeFileSync(file, 'RALEX\n garbage');
    const warn = vi.spyOn(process.stderr, 'write');
    const a = await reopen();
    expect(warn.mock.calls.map((c) => String(c[0])).join('')).toMatch(/lexical index file: header unreadable; rebuilding it from the store/);
    warn.mockRestore();
    expect(a.health().lexicalIndex.loadedFrom).toBe('store');
    await a.close();
    opened.length = 0;
    // The rebuilt index was saved again: the next open reads it.
    expect((await reopen()).health().lexicalIndex.loadedFrom).toBe('file');
  });

  it('is saved once uploads and deletes pause, while the server stays open', async () => {
    const quiet = archiveDefaults.lexicalSaveQuietMs;
    archiveDefaults.lexicalSaveQuietMs = 300;
    try {
      const server = await reopen();
      const saved = () => statSync(file).mtimeMs;
      const before = saved();
      const word = 'kwartiermakersoverleg';
      const up = await server.ingestBytes('notitie.txt', new TextEncoder().encode(`Het ${word} van de gemeente komt elke maand bijeen om de wijkplannen te bespreken.\n`));
      expect(up.status).toBe('ingested');
      expect(saved()).toBe(before);
      await new Promise((r) => setTimeout(r, 900));
      expect(saved()).toBeGreaterThan(before);
      // Another process opening now reads the file, upload included.
      const reader = await reopen();
      expect(reader.health().lexicalIndex.loadedFrom).toBe('file');
      expect((await reader.search(word, { mode: 'lexical' })).map((h) => h.docId)).toEqual([up.docId]);
      await reader.close();
      const afterUpload = saved();
      expect(await server.deleteDocument(up.docId!)).toBe(true);
      await new Promise((r) => setTimeout(r, 900));
      expect(saved()).toBeGreaterThan(afterUpload);
      const later = await reopen();
      expect(later.health().lexicalIndex.loadedFrom).toBe('file');
      expect(await later.search(word, { mode: 'lexical' })).toEqual([]);
    } finally {
      archiveDefaults.lexicalSaveQuietMs = quiet;
    }
  });
});
