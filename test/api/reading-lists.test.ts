// Reading lists over the real API and store: created, filled from real hits and answers, noted, reordered, shared
// read-only, exported to Markdown and to a Word document whose footnotes are checked in its XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { startHarness, type Harness } from './harness.ts';

const KEY = 'lists-key-19a2';
const auth = { 'x-api-key': KEY };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ apiKey: KEY });
});
afterAll(async () => h?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = auth) =>
  h.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A passage item and an answer-sentence item, from a real search and a real answer. */
async function realItems() {
  const hit = (await inject('POST', '/api/search', { query: 'wethouderssocialisme', k: 1 })).json().hits[0];
  const doc = h.archive.getDocument(hit.docId)!;
  const answer = (await inject('POST', '/api/ask', { question: 'Wat is wethouderssocialisme?' })).json();
  const c = answer.citations[0];
  const cited = h.archive.getDocument(c.docId)!;
  // Every citation names its file, for the reader of a document without an organisation.
  expect(answer.citations.every((x: { docId: string; fileName: string }) => x.fileName === h.archive.getDocument(x.docId)!.fileName)).toBe(true);
  return [
    { kind: 'passage', text: hit.text, source: { docId: hit.docId, title: doc.title, organisation: doc.organisation, year: doc.year,
      pageFirst: hit.pageFirst, pageLast: hit.pageLast, start: hit.start, end: hit.end, quote: hit.text, fileName: doc.fileName, headingPath: hit.headingPath } },
    { kind: 'answer', text: answer.sentences[0].text, question: 'Wat is wethouderssocialisme?', source: { docId: c.docId, title: c.title,
      organisation: cited.organisation, year: cited.year, pageFirst: c.pageFirst, pageLast: c.pageLast, start: c.start, end: c.end, quote: c.quote } },
  ];
}

describe('reading lists', () => {
  it('creates a list, adds a passage and an answer sentence, notes, reorders, shares and exports it', async () => {
    const created = await inject('POST', '/api/reading-lists', { name: 'Leergang week 3: *wethouders*' });
    expect(created.statusCode).toBe(201);
    const id = created.json().list.id as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const items = await realItems();
    const added = [];
    for (const item of items) {
      const res = await inject('POST', `/api/reading-lists/${id}/items`, item);
      expect(res.statusCode).toBe(201);
      added.push(res.json().item);
    }
    expect(added.map((i) => i.kind)).toEqual(['passage', 'answer']);
    expect((await inject('PATCH', `/api/reading-lists/${id}/items/${added[1].id}`, { note: 'Bespreken in de groep.' })).json().item.note).toBe('Bespreken in de groep.');
    const reordered = await inject('PUT', `/api/reading-lists/${id}/order`, { items: [added[1].id, added[0].id] });
    expect(reordered.json().list.items.map((i: { id: number }) => i.id)).toEqual([added[1].id, added[0].id]);

    // The share link reads without a key; it cannot change anything.
    const shared = await inject('GET', `/api/reading-lists/${id}`, undefined, {});
    expect(shared.statusCode).toBe(200);
    expect(shared.json().list).toMatchObject({ name: 'Leergang week 3: *wethouders*', itemCount: 2 });
    expect((await inject('POST', `/api/reading-lists/${id}/items`, items[0], {})).statusCode).toBe(401);
    expect((await inject('DELETE', `/api/reading-lists/${id}`, undefined, {})).statusCode).toBe(401);
    expect((await inject('GET', '/api/reading-lists', undefined, {})).statusCode).toBe(401);

    const md = await inject('GET', `/api/reading-lists/${id}/export.md`, undefined, {});
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(/attachment; filename="Leergang-week-3-wethouders\.md"/);
    const text = md.body;
    expect(text).toMatch(/^# Leergang week 3: \\\*wethouders\\\*/);
    expect(text).toContain('**Vraag:** Wat is wethouderssocialisme?');
    expect(text).toContain('**Notitie:** Bespreken in de groep.');
    // Item 1 is now the answer sentence; both footnotes cite title and page.
    const s = items[1].source;
    const p = items[0].source;
    expect(text).toContain(`[^1]: ${s.title}`);
    expect(text).toMatch(new RegExp(`\\[\\^1\\]: .*p\\. ${s.pageFirst}`));
    expect(text).toMatch(new RegExp(`\\[\\^2\\]: .*p\\. ${p.pageFirst}`));
    expect(text.match(/\n> .+\[\^\d\]/g)).toHaveLength(2);

    const docx = await inject('GET', `/api/reading-lists/${id}/export.docx`, undefined, {});
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = unzipSync(new Uint8Array(docx.rawPayload));
    const body = strFromU8(zip['word/document.xml']);
    const notes = strFromU8(zip['word/footnotes.xml']);
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    for (const src of [s, p]) {
      const title = src.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      expect(notes).toContain(title);
    }
    expect(notes).toMatch(new RegExp(`p\\. ${s.pageFirst}`));
    expect(body).toContain('Bespreken in de groep.');
  });

  it('keeps an item when its document is deleted: the citation stands on its own', async () => {
    const list = (await inject('POST', '/api/reading-lists', { name: 'Blijft staan' })).json().list;
    const [item] = await realItems();
    await inject('POST', `/api/reading-lists/${list.id}/items`, item);
    const all = (await inject('GET', '/api/reading-lists')).json().lists;
    expect(all.find((l: { id: string }) => l.id === list.id)).toMatchObject({ name: 'Blijft staan', itemCount: 1 });
    const md = (await inject('GET', `/api/reading-lists/${list.id}/export.md`)).body;
    expect(md).toContain(item.source.title);
    expect((await inject('DELETE', `/api/reading-lists/${list.id}`)).statusCode).toBe(200);
    expect((await inject('GET', `/api/reading-lists/${list.id}`)).statusCode).toBe(404);
  });

  it('adds an item once: the same passage or quote again returns the item already there', async () => {
    const list = (await inject('POST', '/api/reading-lists', { name: 'Dubbelklik' })).json().list;
    const [passage, answer] = await realItems();
    // Two at once, as a double click sends them, then one more later; the answer's quote is its own item.
    const [a, b] = await Promise.all([1, 2].map(() => inject('POST', `/api/reading-lists/${list.id}/items`, passage)));
    const c = await inject('POST', `/api/reading-lists/${list.id}/items`, { ...passage, note: 'opnieuw' });
    const d = await inject('POST', `/api/reading-lists/${list.id}/items`, answer);
    expect([a, b, c, d].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set([a, b, c].map((r) => r.json().item.id)).size).toBe(1);
    expect(c.json().item.note).toBe('');
    expect(d.json().item.id).not.toBe(a.json().item.id);
    const got = (await inject('GET', `/api/reading-lists/${list.id}`)).json().list;
    expect(got.items.map((i: { kind: string }) => i.kind)).toEqual(['passage', 'answer']);
  });

  it('refuses bad input with codes the page can translate', async () => {
    const list = (await inject('POST', '/api/reading-lists', { name: 'Proef' })).json().list;
    const [item] = await realItems();
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '/api/reading-lists', { name: '  ' }, 400, 'ERR_BAD_REQUEST'],
      ['GET', '/api/reading-lists/AAAAAAAAAAAAAAAAAAAAAA', undefined, 404, 'ERR_LIST_NOT_FOUND'],
      ['GET', '/api/reading-lists/kort%2F..', undefined, 400, 'ERR_BAD_REQUEST'],
      ['POST', `/api/reading-lists/${list.id}/items`, { ...item, kind: 'html' }, 400, 'ERR_BAD_REQUEST'],
      ['POST', `/api/reading-lists/${list.id}/items`, { ...item, source: { ...item.source, pageFirst: 9, pageLast: 2 } }, 400, 'ERR_BAD_REQUEST'],
      ['PATCH', `/api/reading-lists/${list.id}/items/999999`, { note: 'x' }, 404, 'ERR_LIST_ITEM_NOT_FOUND'],
      ['PUT', `/api/reading-lists/${list.id}/order`, { items: [1, 1] }, 400, 'ERR_BAD_REQUEST'],
    ];
    for (const [method, url, payload, status, code] of cases) {
      const res = await inject(method as 'GET', url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.json().error.code, `${method} ${url}`).toBe(code);
    }
  });
});

describe('reading lists in the OpenAPI document', () => {
  it('describes every reading-list route with its body', async () => {
    const spec = (await h.app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/reading-lists', '/api/reading-lists/{id}', '/api/reading-lists/{id}/items', '/api/reading-lists/{id}/items/{itemId}',
      '/api/reading-lists/{id}/order', '/api/reading-lists/{id}/export.md', '/api/reading-lists/{id}/export.docx',
    ]));
    const item = spec.paths['/api/reading-lists/{id}/items'].post.requestBody.content['application/json'].schema;
    expect(item.required).toEqual(expect.arrayContaining(['kind', 'text', 'source']));
  });
});
