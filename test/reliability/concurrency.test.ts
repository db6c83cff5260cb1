// Concurrency: searches keep answering, and answering correctly, while ingests, uploads and deletes run — through the
// archive and through the API. No answer may show a half-updated document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { buildServer } from '../../api/server.ts';
import { prepareDocument, sha256 } from '../../ingest/prepare.ts';
import type { Hit } from '../../lib/types.ts';
import { consistencyProblems, corpusFiles, expectedCounts, hitProblems, tmp, writeCorpusPieces, type ExpectedCounts } from './fixtures.ts';
import { multipartFile } from '../api/harness.ts';

const QUERIES = [
  'Wat is wethouderssocialisme?',
  'strategisch doel van de vereniging',
  'zwembad tarieven verhogen',
  'coördinatie jeugdzorg gemeente',
  'leergang wethouders',
];

let data: string;
let work: string;
let archive: Archive;
let expected: ExpectedCounts;

beforeAll(async () => {
  data = tmp('conc-data');
  work = tmp('conc-work');
  archive = await openArchive({ dataDir: data, embedder: 'builtin' });
  await archive.ingestFiles(corpusFiles());
  expected = await expectedCounts(corpusFiles());
});
afterAll(async () => {
  await archive?.close();
  rmSync(data, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Runs searches back to back until `until` settles; returns how many ran and what was wrong with their answers. */
async function searchWhile(until: Promise<unknown>, check: (hits: Hit[]) => string[]): Promise<{ n: number; problems: string[] }> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const problems: string[] = [];
  let n = 0;
  while (!done) {
    const q = QUERIES[n % QUERIES.length];
    const mode = (['hybrid', 'lexical', 'dense'] as const)[n % 3];
    try {
      problems.push(...check(await archive.search(q, { mode, k: 10 })));
    } catch (e) {
      problems.push(`search "${q}" (${mode}) failed: ${(e as Error).message}`);
    }
    n++;
    await new Promise((r) => setImmediate(r));
  }
  return { n, problems };
}

/** Two versions of one file and their clean texts: a hit on it must quote one version exactly, never a mix. */
async function versions(name: string, a: string, b: string) {
  const path = join(work, name);
  const texts: string[] = [];
  for (const v of [a, b]) {
    const bytes = new Uint8Array(Buffer.from(v));
    const prep = await prepareDocument(bytes, { id: 'test', fileName: name, sourcePath: path });
    expected.set(sha256(bytes), prep.passages.length);
    texts.push(prep.doc.text);
  }
  return { path, texts };
}

function quotesOneVersion(docId: string, texts: string[]) {
  return (hits: Hit[]) =>
    hits
      .filter((h) => h.docId === docId)
      .filter((h) => !texts.some((t) => t.slice(h.start, h.end) === h.text))
      .map((h) => `hit on ${docId} ${h.start}-${h.end} quotes neither version`);
}

describe('through the archive', () => {
  it('searches answer correctly while a batch of 30+ documents is ingested', async () => {
    const files = writeCorpusPieces(join(work, 'stukken'), 3000);
    await expectedCounts(files, expected);
    const ingest = archive.ingestFiles(files);
    const { n, problems } = await searchWhile(ingest, (hits) => hitProblems(archive, hits, expected));
    const outcomes = await ingest;
    console.log(`${n} searches during the ingest of ${files.length} files`);
    expect(outcomes.every((o) => o.status === 'ingested')).toBe(true);
    expect(problems).toEqual([]);
    expect(n).toBeGreaterThan(files.length / 2);
    expect(consistencyProblems(archive, expected)).toEqual([]);
  }, 120_000);

  it('a document replaced again and again is always seen whole, in one version', async () => {
    const [p0, p1] = corpusFiles().map((f) => readFileSync(f, 'utf8'));
    const { path, texts } = await versions('wissel.txt', `Wissel A\n\n${p0}`, `Wissel B\n\n${p1}`);
    const writer = (async () => {
      for (let i = 0; i < 8; i++) {
        writeFileSync(path, i % 2 ? `Wissel B\n\n${p1}` : `Wissel A\n\n${p0}`);
        const [o] = await archive.ingestFiles([path]);
        if (o.status === 'skipped') throw new Error(o.reason);
      }
    })();
    const check = quotesOneVersion('wissel', texts);
    const { n, problems } = await searchWhile(writer, (hits) => [...check(hits), ...hitProblems(archive, hits, expected)]);
    await writer;
    console.log(`${n} searches during 8 replacements`);
    expect(problems).toEqual([]);
    expect(consistencyProblems(archive, expected)).toEqual([]);
  }, 120_000);

  it('deletes during searches: no error, no hit on a document that is gone when the search starts', async () => {
    const ids = archive.listDocuments().map((d) => d.id).filter((id) => id.includes('-deel'));
    const deleting = (async () => {
      for (const id of ids.slice(0, 10)) await archive.deleteDocument(id);
    })();
    const gone = new Set<string>();
    const { problems } = await searchWhile(deleting, (hits) => {
      const bad = hits.filter((h) => gone.has(h.docId)).map((h) => `hit on deleted ${h.docId}`);
      for (const id of ids.slice(0, 10)) if (!archive.getDocument(id)) gone.add(id);
      return bad;
    });
    await deleting;
    expect(problems).toEqual([]);
    for (const q of QUERIES) {
      const hits = await archive.search(q, { k: 50 });
      expect(hits.filter((h) => ids.slice(0, 10).includes(h.docId))).toEqual([]);
    }
    expect(consistencyProblems(archive, expected)).toEqual([]);
  }, 60_000);

  it('concurrent writers are serialised: ingest, upload-by-bytes and delete at once', async () => {
    const [p2, p3] = corpusFiles().slice(2).map((f) => readFileSync(f, 'utf8'));
    const a = join(work, 'tegelijk-a.txt');
    writeFileSync(a, `Tegelijk A\n\n${p2}`);
    await expectedCounts([a], expected);
    const bBytes = new Uint8Array(Buffer.from(`Tegelijk B\n\n${p3}`));
    expected.set(sha256(bBytes), (await prepareDocument(bBytes, { id: 'test', fileName: 'tegelijk-b.txt', sourcePath: 'x' })).passages.length);
    const victim = archive.listDocuments().find((d) => d.id.includes('-deel'))!.id;
    const all = Promise.all([archive.ingestFiles([a]), archive.ingestBytes('tegelijk-b.txt', bBytes), archive.deleteDocument(victim)]);
    const { problems } = await searchWhile(all, (hits) => hitProblems(archive, hits, expected));
    const [[oa], ob, deleted] = await all;
    expect(problems).toEqual([]);
    expect(oa.status).toBe('ingested');
    expect(ob.status).toBe('ingested');
    expect(deleted).toBe(true);
    expect(consistencyProblems(archive, expected)).toEqual([]);
  }, 60_000);
});

describe('through the API (app.inject)', () => {
  let app: FastifyInstance;
  const KEY = 'test-sleutel-123';
  const auth = { 'x-api-key': KEY };

  beforeAll(async () => {
    app = await buildServer(archive, { apiKey: KEY, rateLimit: { max: 1_000_000, timeWindow: '1 minute' } });
  });
  afterAll(async () => app?.close());

  const search = (query: string) => app.inject({ method: 'POST', url: '/api/search', payload: { query, k: 10 } });

  it('two uploads at once, a delete and searches: all answer, none sees a half-updated document', async () => {
    const all = corpusFiles().map((f) => readFileSync(f, 'utf8'));
    const up1 = `Upload een\n\n${all.join('\n\n')}`; // large, so that many reads fall inside the writes
    const up2 = `Upload twee\n\n${[...all].reverse().join('\n\n')}`;
    for (const [name, body] of [['upload-een.txt', up1], ['upload-twee.txt', up2]] as const) {
      const bytes = new Uint8Array(Buffer.from(body));
      expected.set(sha256(bytes), (await prepareDocument(bytes, { id: 'test', fileName: name, sourcePath: name })).passages.length);
    }
    const victim = archive.listDocuments().find((d) => d.id.includes('-deel'))!.id;
    const m1 = multipartFile('upload-een.txt', up1);
    const m2 = multipartFile('upload-twee.txt', up2);
    const writes = Promise.all([
      app.inject({ method: 'POST', url: '/api/documents', headers: { ...m1.headers, ...auth }, payload: m1.payload }),
      app.inject({ method: 'POST', url: '/api/documents', headers: { ...m2.headers, ...auth }, payload: m2.payload }),
      app.inject({ method: 'DELETE', url: `/api/documents/${victim}`, headers: auth }),
    ]);
    const reads: Promise<LightMyRequestResponse>[] = [];
    let done = false;
    void writes.finally(() => {
      done = true;
    });
    while (!done) {
      reads.push(search(QUERIES[reads.length % QUERIES.length]));
      reads.push(app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUERIES[reads.length % QUERIES.length] } }));
      await new Promise((r) => setTimeout(r, 5));
    }
    const [r1, r2, rd] = await writes;
    expect([r1.statusCode, r2.statusCode, rd.statusCode]).toEqual([201, 201, 200]);
    const responses = await Promise.all(reads);
    console.log(`${responses.length} searches/asks during two uploads and a delete`);
    for (const res of responses) {
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(hitProblems(archive, res.json().hits, expected)).toEqual([]);
    }
    expect(archive.getDocument('upload-een')).not.toBeNull();
    expect(archive.getDocument('upload-twee')).not.toBeNull();
    expect(archive.getDocument(victim)).toBeNull();
    expect(consistencyProblems(archive, expected)).toEqual([]);
  }, 60_000);

  it('two uploads of the same name at once: one wins whole, the other is a replacement or unchanged', async () => {
    const [, , p2, p3] = corpusFiles().map((f) => readFileSync(f, 'utf8'));
    const v = [`Zelfde naam A\n\n${p2}`, `Zelfde naam B\n\n${p3}`];
    const { texts } = await versions('zelfde.txt', v[0], v[1]);
    const ms = v.map((body) => multipartFile('zelfde.txt', body));
    const [ra, rb, rs] = await Promise.all([
      ...ms.map((m) => app.inject({ method: 'POST', url: '/api/documents', headers: { ...m.headers, ...auth }, payload: m.payload })),
      search('Zelfde naam'),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 201]);
    expect([ra.json().outcome.status, rb.json().outcome.status].sort()).toEqual(['ingested', 'replaced']);
    expect(rs.statusCode).toBe(200);
    const doc = archive.getDocument('zelfde')!;
    expect(texts).toContain(archive.getDocumentText('zelfde'));
    expect(doc.passageCount).toBe(expected.get(doc.sha256));
    expect(consistencyProblems(archive, expected)).toEqual([]);
  });

  it('a delete racing a page read and a document read: 200 or 404, never 5xx', async () => {
    const id = archive.listDocuments().find((d) => d.id.includes('-deel'))!.id;
    const rs = await Promise.all([
      app.inject({ method: 'GET', url: `/api/documents/${id}` }),
      app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: auth }),
      app.inject({ method: 'GET', url: `/api/documents/${id}/pages/1` }),
      search('wethouder'),
      app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: auth }),
    ]);
    for (const r of rs) expect([200, 404], r.body.slice(0, 200)).toContain(r.statusCode);
    expect(rs.filter((r) => r.raw.req.method === 'DELETE').map((r) => r.statusCode).sort()).toEqual([200, 404]);
    expect(consistencyProblems(archive, expected)).toEqual([]);
  });
});

