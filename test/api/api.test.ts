// The API over the real archive and the bundled corpus, driven with app.inject.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../tools/shared-dir.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, multipartFile, type Harness } from './harness.ts';

const KEY = 'test-key-6f1c';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ apiKey: KEY });
});
afterAll(async () => h?.close());

const post = (url: string, payload: unknown) => h.app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /api/search', () => {
  it('returns ranked passages with document, pages, headings, highlights and scores', async () => {
    const res = await post('/api/search', { query: 'wethouderssocialisme', k: 5 });
    expect(res.statusCode).toBe(200);
    const { hits } = res.json();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits.map((x: { rank: number }) => x.rank)).toEqual(hits.map((_: unknown, i: number) => i + 1));
    const top = hits[0];
    expect(top.document).toMatchObject({ id: expect.any(String), title: expect.any(String) });
    expect(top.pageFirst).toBeGreaterThanOrEqual(1);
    expect(top.pageLast).toBeGreaterThanOrEqual(top.pageFirst);
    expect(Array.isArray(top.headingPath)).toBe(true);
    expect(top.text.toLowerCase()).toMatch(/wethouders\s*-?\s*socialisme/);
    expect(top.highlights.length).toBeGreaterThan(0);
    expect(top.signals.lexical ?? top.signals.dense).toBeDefined();
    // The hit's offsets point into the clean document text.
    expect(h.archive.getDocumentText(top.docId)!.slice(top.start, top.end)).toBe(top.text);
  });

  it('applies filters', async () => {
    const docs = h.archive.listDocuments();
    const target = docs[0];
    const res = await post('/api/search', { query: 'wethouder', filters: { documents: [target.id] } });
    expect(res.statusCode).toBe(200);
    const ids = new Set(res.json().hits.map((x: { docId: string }) => x.docId));
    expect([...ids]).toEqual([target.id]);
  });
});

describe('POST /api/ask', () => {
  it('answers with sentences whose citations resolve to the quoted document text', async () => {
    const res = await post('/api/ask', { question: 'Wat is wethouderssocialisme?' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.answered).toBe(true);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.sentences.length).toBeLessThanOrEqual(3);
    expect(body.answer).toContain('[1]');
    for (const c of body.citations) {
      const text = h.archive.getDocumentText(c.docId)!;
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.pageFirst).toBeGreaterThanOrEqual(1);
      expect(body.answer).toContain(`[${c.n}]`);
    }
    expect(body.answer.toLowerCase()).toContain('wethouderssocialisme');
    // No sentence twice.
    const texts = body.sentences.map((s: { text: string }) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
    // The listed hits are highlighted as a search highlights them, though the answer read more hits than it lists.
    const search = (await post('/api/search', { query: 'Wat is wethouderssocialisme?', k: 10 })).json();
    const marks = (hits: { docId: string; start: number; highlights: string[] }[]) => hits.map((x) => [x.docId, x.start, x.highlights]);
    expect(marks(body.hits)).toEqual(marks(search.hits));
    expect(body.hits[0].highlights.length).toBeGreaterThan(0);
  });

  // The place each names stands nowhere near the archive's nearest sentence: the names signal refuses them (reading
  // only source words and acronyms answered all three: EVAL.md "thirteenth session"). The third is dev d031.
  it.each([
    'Wat kost een parkeervergunning voor bewoners in Utrecht?',
    'Hoeveel kost een hondenbelasting in Maastricht?',
    // A party the archive holds nothing of (the seats question, d031, is answered since the threshold of 0.40: EVAL.md).
    'Wat vindt de VVD van het wethouderssocialisme?',
  ])('abstains on an unanswerable question: %s', async (question) => {
    const res = await post('/api/ask', { question });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.answered).toBe(false);
    expect(body.answer).toBe('Hierover staat niets in het archief.');
    expect(body.citations).toBeUndefined();
    expect(Array.isArray(body.closest)).toBe(true);
  });
});

describe('documents', () => {
  it('lists documents, shows one with passages, and serves a page', async () => {
    const list = (await h.app.inject({ url: '/api/documents' })).json().documents;
    expect(list).toHaveLength(5);
    const id = list[0].id;
    const one = await h.app.inject({ url: `/api/documents/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().passages.length).toBeGreaterThan(0);
    const page = await h.app.inject({ url: `/api/documents/${id}/pages/1` });
    expect(page.statusCode).toBe(200);
    const p = page.json();
    expect(p.page).toBe(1);
    expect(h.archive.getDocumentText(id)!.slice(p.start, p.end)).toBe(p.text);
  });

  it('404s for an unknown document or page', async () => {
    expect((await h.app.inject({ url: '/api/documents/does-not-exist' })).statusCode).toBe(404);
    const id = h.archive.listDocuments()[0].id;
    const res = await h.app.inject({ url: `/api/documents/${id}/pages/9999` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ERR_PAGE_NOT_FOUND');
  });

  it('uploads a document, finds it, deletes it, and it is gone', async () => {
    const text = 'Het zwaluwstaartbeleid van de gemeente\n\nDe gemeente voert sinds 2019 een zwaluwstaartbeleid voor bruggen en kades. ' +
      'Het zwaluwstaartbeleid regelt dat oude verbindingen worden hersteld in plaats van vervangen.\n';
    const file = multipartFile('zwaluwstaart.txt', text);
    const up = await h.app.inject({ method: 'POST', url: '/api/documents', payload: file.payload, headers: { ...file.headers, 'x-api-key': KEY } });
    expect(up.statusCode).toBe(201);
    const docId = up.json().outcome.docId;
    expect(docId).toBeTruthy();

    const found = (await post('/api/search', { query: 'zwaluwstaartbeleid' })).json().hits;
    expect(found[0].docId).toBe(docId);

    const del = await h.app.inject({ method: 'DELETE', url: `/api/documents/${docId}`, headers: { authorization: `Bearer ${KEY}` } });
    expect(del.statusCode).toBe(200);
    const after = (await post('/api/search', { query: 'zwaluwstaartbeleid' })).json().hits;
    expect(after.some((x: { docId: string }) => x.docId === docId)).toBe(false);
    expect((await h.app.inject({ url: `/api/documents/${docId}` })).statusCode).toBe(404);
  });

  it.skipIf(!sharedDir())('opens an uploaded encrypted PDF with the password field, and says so without it', async () => {
    const pdf = readFileSync(join(sharedDir()!, 'external/pdf-odd/pdfjs_issue6010_1.pdf')); // user password "abc"
    const send = (fields: Record<string, string>) => {
      const file = multipartFile('beveiligd.pdf', pdf, 'file', fields);
      return h.app.inject({ method: 'POST', url: '/api/documents', payload: file.payload, headers: { ...file.headers, 'x-api-key': KEY } });
    };
    const without = await send({});
    expect(without.statusCode).toBe(422);
    expect(without.json().error.code).toBe('ERR_PDF_ENCRYPTED');
    expect((await send({ password: 'fout' })).json().error.code).toBe('ERR_PDF_PASSWORD');
    const opened = await send({ password: 'abc' });
    expect(opened.statusCode).toBe(201);
    await h.app.inject({ method: 'DELETE', url: `/api/documents/${opened.json().outcome.docId}`, headers: { 'x-api-key': KEY } });
  });

  it('refuses uploads of unsupported types and empty uploads', async () => {
    const exe = multipartFile('tool.exe', 'MZ');
    const res = await h.app.inject({ method: 'POST', url: '/api/documents', payload: exe.payload, headers: { ...exe.headers, 'x-api-key': KEY } });
    expect(res.statusCode).toBe(415);
    const notMultipart = await h.app.inject({ method: 'POST', url: '/api/documents', payload: { a: 1 }, headers: { 'x-api-key': KEY } });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
  });
});

describe('API key', () => {
  it('401 without a key or with a wrong one, on upload and delete', async () => {
    const file = multipartFile('x.txt', 'Een korte tekst over wethouders en raadsleden in de gemeente.');
    const noKey = await h.app.inject({ method: 'POST', url: '/api/documents', ...file });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json().error.code).toBe('ERR_UNAUTHORIZED');
    const id = h.archive.listDocuments()[0].id;
    for (const headers of [{}, { 'x-api-key': 'wrong' }, { authorization: 'Bearer wrong' }, { authorization: KEY }]) {
      const res = await h.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers });
      expect(res.statusCode).toBe(401);
    }
    expect(h.archive.getDocument(id)).not.toBeNull();
  });
});

describe('bad input is a 4xx naming the problem, never a 5xx', () => {
  const cases: Array<[string, unknown, string | undefined]> = [
    ['empty query', { query: '' }, 'query'],
    ['blank query', { query: '   ' }, 'query'],
    ['missing query', {}, 'query'],
    ['query of wrong type', { query: 42 }, 'query'],
    ['query as array', { query: ['a'] }, 'query'],
    ['huge k', { query: 'wethouder', k: 1_000_000 }, 'k'],
    ['zero k', { query: 'wethouder', k: 0 }, 'k'],
    ['fractional k', { query: 'wethouder', k: 2.5 }, 'k'],
    ['k as string', { query: 'wethouder', k: '10' }, 'k'],
    ['unknown mode', { query: 'wethouder', mode: 'semantic' }, 'mode'],
    ['filters not an object', { query: 'wethouder', filters: 'x' }, 'filters'],
    ['bad document id in filter', { query: 'wethouder', filters: { documents: ['../etc/passwd'] } }, 'filters.documents.0'],
    ['year out of range', { query: 'wethouder', filters: { yearFrom: 99999 } }, 'filters.yearFrom'],
    ['reversed years', { query: 'wethouder', filters: { yearFrom: 2020, yearTo: 2010 } }, 'filters.yearFrom'],
    ['unknown field', { query: 'wethouder', limit: 3 }, 'body'],
    ['query too long', { query: 'a'.repeat(1001) }, 'query'],
    ['body is an array', [1, 2], 'body'],
    ['body is null', null, 'body'],
  ];
  it.each(cases)('/api/search: %s', async (_name, payload, field) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/search', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('ERR_BAD_REQUEST');
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
  });

  it.each([
    ['missing question', {}],
    ['question of wrong type', { question: { q: 1 } }],
    ['mode is not accepted on ask', { question: 'x', mode: 'lexical' }],
    ['huge k', { question: 'Wat is wethouderssocialisme?', k: 10_000 }],
  ])('/api/ask: %s', async (_name, payload) => {
    const res = await post('/api/ask', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBeTruthy();
  });

  it('malformed JSON, wrong content type, oversized body, bad ids and unknown routes', async () => {
    const responses = await Promise.all([
      h.app.inject({ method: 'POST', url: '/api/search', payload: '{"query": ', headers: { 'content-type': 'application/json' } }),
      h.app.inject({ method: 'POST', url: '/api/search', payload: 'query=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      h.app.inject({ method: 'POST', url: '/api/search', payload: { query: 'x'.repeat(200_000) } }),
      h.app.inject({ url: '/api/documents/..%2F..%2Fetc%2Fpasswd' }),
      h.app.inject({ url: `/api/documents/${'a'.repeat(500)}` }),
      h.app.inject({ url: '/api/documents/abc/pages/zero' }),
      h.app.inject({ url: '/api/documents/abc/pages/-1' }),
      h.app.inject({ url: '/api/documents/abc/pages/1.5' }),
      h.app.inject({ method: 'DELETE', url: '/api/documents/..', headers: { 'x-api-key': KEY } }),
      h.app.inject({ url: '/api/nothing-here' }),
      h.app.inject({ method: 'PUT', url: '/api/search', payload: { query: 'x' } }),
    ]);
    for (const res of responses) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      const err = res.json().error;
      expect(err.code).toMatch(/^ERR_/);
      expect(err.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    expect(responses[2].statusCode).toBe(413);
  });
});

describe('service endpoints', () => {
  it('health, OpenAPI, Swagger UI and the staff page', async () => {
    const health = await h.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', documents: 5 });
    const spec = (await h.app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/ask', '/api/documents', '/api/documents/{id}']));
    expect(spec.paths['/api/search'].post.requestBody.content['application/json'].schema.required).toContain('query');
    const ui = await h.app.inject({ url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const page = await h.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });
});
