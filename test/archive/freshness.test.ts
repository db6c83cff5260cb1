// Freshness across processes: a serving archive (watch) sees what another archive or the CLI adds, replaces and
// deletes in its data folder within two seconds, never half a document; two readers give the same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { CLI, consistencyProblems, corpusFiles, tmp, writeCorpusPieces } from '../reliability/fixtures.ts';

const run = promisify(execFile);
let data: string;
let work: string;
let served: Archive;
let writer: Archive;

/** Polls until `check` holds (up to `ms`); returns how long it took. */
async function within(ms: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - t0;
}

beforeAll(async () => {
  data = tmp('fresh-data');
  work = tmp('fresh-work');
  served = await openArchive({ dataDir: data, embedder: 'builtin', watch: true });
  writer = await openArchive({ dataDir: data, embedder: 'builtin' });
});
afterAll(async () => {
  await writer?.close();
  await served?.close();
});

describe('a serving archive and another process on one data folder', () => {
  it('sees an added document within two seconds, in every mode (the writer fitted the embedder)', async () => {
    const file = join(work, 'wethouders.txt');
    copyFileSync(corpusFiles()[0], file);
    await writer.ingestFiles([file]);
    const ms = await within(2000, async () => (await served.search('wethouderssocialisme', { mode: 'lexical', k: 3 }))[0]?.docId === 'wethouders');
    console.log(`added document visible after ${ms.toFixed(0)} ms`);
    expect((await served.search('wethouderssocialisme', { mode: 'hybrid', k: 3 }))[0].docId).toBe('wethouders');
    expect(served.health()).toMatchObject({ inStep: true, documents: 1 });
  });

  it('sees a replaced document whole and a deleted one gone', async () => {
    const file = join(work, 'wethouders.txt');
    writeFileSync(file, 'Een heel andere tekst over de kinderopvang in de gemeente Zwolle.\n');
    await writer.ingestFiles([file]);
    await within(2000, async () => (await served.search('kinderopvang Zwolle', { mode: 'lexical', k: 1 }))[0]?.docId === 'wethouders');
    expect(await served.search('wethouderssocialisme', { mode: 'lexical', k: 3 })).toEqual([]);
    expect(served.getPassages('wethouders')).toHaveLength(1);
    expect(await writer.deleteDocument('wethouders')).toBe(true);
    await within(2000, () => served.health().inStep && served.health().indexed.documents === 0);
    expect(await served.search('kinderopvang Zwolle', { mode: 'lexical', k: 3 })).toEqual([]);
    expect(consistencyProblems(served)).toEqual([]);
  });

  it('never shows half a document while the CLI ingests a batch, and ends in step with it', async () => {
    const pieces = writeCorpusPieces(join(work, 'stukken'), 2500);
    const g0 = served.health().generation.store;
    const cli = run(process.execPath, [CLI, '--data', data, 'ingest', join(work, 'stukken'), '--json'], { env: { ...process.env, EMBEDDER: 'builtin' } });
    const seen: { generation: number; documents: number; passages: number }[] = [];
    let done = false;
    void cli.finally(() => (done = true));
    while (!done) {
      await served.refresh();
      const h = served.health();
      seen.push({ generation: h.generation.indexes, ...h.indexed });
      await new Promise((r) => setTimeout(r, 20));
    }
    const out = JSON.parse((await cli).stdout) as { outcomes: { status: string; docId: string; passages: number }[] };
    expect(out.outcomes.filter((o) => o.status === 'ingested')).toHaveLength(pieces.length);
    await within(2000, () => served.health().inStep && served.listDocuments().length === pieces.length);
    // One commit per document, in input order: at generation g0 + n the server must hold exactly the first n documents
    // with all their passages, never some of a document's passages.
    const after = (n: number) => out.outcomes.slice(0, n).reduce((sum, o) => sum + o.passages, 0);
    for (const s of seen) expect(s, JSON.stringify(s)).toEqual({ generation: s.generation, documents: s.generation - g0, passages: after(s.generation - g0) });
    expect(new Set(seen.map((s) => s.generation)).size).toBeGreaterThan(2);
    expect(consistencyProblems(served)).toEqual([]);
    console.log(`${seen.length} looks during the CLI batch at ${new Set(seen.map((s) => s.generation)).size} generations, all whole`);
  });

  it('gives the same answers from two readers of one folder', async () => {
    const other = await openArchive({ dataDir: data, embedder: 'builtin' });
    // The follower counted the added passages' words itself: its query analysis splits compounds as a fresh reader's does.
    for (const q of ['wethouderssocialisme', 'gemeenteraadsverkiezingen', 'participatiesamenleving']) {
      expect(served.parts().analyser.queryTerms(q), q).toEqual(other.parts().analyser.queryTerms(q));
    }
    for (const q of ['Wat is wethouderssocialisme?', 'Hoe worden wethouders gewaardeerd?', 'Banningleergang participatiesamenleving']) {
      for (const mode of ['lexical', 'hybrid'] as const) {
        const a = (await served.search(q, { mode, k: 5 })).map((h) => h.passageIds.join(','));
        const b = (await other.search(q, { mode, k: 5 })).map((h) => h.passageIds.join(','));
        expect(a, `${mode}: ${q}`).toEqual(b);
      }
    }
    await other.close();
  });
});
