// Vectors from another embedder are refused until `reindex`; metadata filters restrict every mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { Store } from '../../store/store.ts';
import { corpusFiles, openCorpusArchive } from '../corpus.ts';

describe('embedder identity', () => {
  it('refuses dense search and adds with a foreign index, keeps lexical search, and reindex repairs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-mismatch-'));
    let a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await a.ingestFiles(corpusFiles().slice(3));
    await a.close();

    // As if the index had been built by another model (e.g. E5 on another machine).
    const store = Store.open(dir);
    store.setMeta('embedder', JSON.stringify({ name: 'e5-small', dimension: 384, version: 'abc' }));
    store.close();

    a = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await expect(a.search('wethouderssocialisme', { mode: 'dense' })).rejects.toMatchObject({ code: 'ERR_EMBEDDER_MISMATCH' });
    await expect(a.search('wethouderssocialisme', { mode: 'hybrid' })).rejects.toThrow(/e5-small.*reindex/);
    expect((await a.search('wethouderssocialisme', { mode: 'lexical' })).length).toBeGreaterThan(0);
    expect(a.health().embedder.note).toMatch(/dense search disabled/);

    const extra = join(dir, 'extra.txt');
    writeFileSync(extra, 'Een notitie over de griffie van de gemeenteraad en haar taken.');
    const [o] = await a.ingestFiles([extra]);
    expect(o).toMatchObject({ status: 'skipped', code: 'ERR_EMBEDDER_MISMATCH' });

    const r = await a.reindex();
    expect(r.passages).toBe(a.health().passages);
    expect((await a.search('wethouderssocialisme', { mode: 'dense' })).length).toBeGreaterThan(0);
    expect((await a.ingestFiles([extra]))[0].status).toBe('ingested');
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('filters', () => {
  let corpus: Awaited<ReturnType<typeof openCorpusArchive>>;
  let a: Archive;
  beforeAll(async () => {
    corpus = await openCorpusArchive('filters');
    a = corpus.archive;
  });
  afterAll(async () => corpus?.close());

  it('restrict results by organisation and by year range, in every mode', async () => {
    const docs = a.listDocuments();
    const org = docs.find((d) => d.organisation)!;
    for (const mode of ['lexical', 'dense', 'hybrid'] as const) {
      const byOrg = await a.search('wethouder', { mode, k: 10, filters: { organisation: org.organisation!.toLowerCase() } });
      expect(byOrg.length).toBeGreaterThan(0);
      // Containment, case-insensitive: "pvda" also finds "Centrum voor Lokaal Bestuur (PvdA)".
      for (const h of byOrg) expect(h.document.organisation!.toLowerCase()).toContain(org.organisation!.toLowerCase());

      const year = org.year!;
      const byYear = await a.search('wethouder', { mode, k: 10, filters: { yearFrom: year, yearTo: year } });
      expect(byYear.length).toBeGreaterThan(0);
      for (const h of byYear) expect(h.document.year).toBe(year);
    }
    expect(await a.search('wethouder', { filters: { yearFrom: 1950, yearTo: 1951 } })).toEqual([]);
  });
});
