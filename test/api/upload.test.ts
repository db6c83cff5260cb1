// Uploads as an office sends them: several files in one request, files without an extension, a file over the limit
// among good ones; each file gets its own outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDefaults } from '../../lib/config.ts';
import { startHarness, multipartFiles, type Harness } from './harness.ts';

const KEY = 'upload-key-77c1';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apiKey: KEY });
});
afterAll(async () => h?.close());

const upload = (files: Array<[string, string | Buffer]>) => {
  const m = multipartFiles(files);
  return h.app.inject({ method: 'POST', url: '/api/documents', payload: m.payload, headers: { ...m.headers, 'x-api-key': KEY } });
};
const text = (topic: string) => `Notitie over ${topic}\n\nDe gemeente werkt aan ${topic}. Het college legt het plan voor ${topic} in het voorjaar aan de raad voor.\n`;

describe('POST /api/documents with several files', () => {
  it('ingests every file of the request and reports each outcome', async () => {
    const res = await upload([['kademuren.txt', text('kademuren')], ['fietsparkeren.md', text('fietsparkeren')], ['leeg.txt', '']]);
    expect(res.statusCode).toBe(201);
    const { outcomes, outcome } = res.json();
    expect(outcome).toBeUndefined();
    expect(outcomes.map((o: { status: string }) => o.status)).toEqual(['ingested', 'ingested', 'skipped']);
    expect(outcomes[2].code).toBe('ERR_FILE_EMPTY');
    for (const id of [outcomes[0].docId, outcomes[1].docId]) expect(h.archive.getDocument(id)).not.toBeNull();

    // A password field (for encrypted PDFs) may precede the files; it does not disturb other files.
    const m = multipartFiles([['riolering.txt', text('de riolering')]], 'file', { password: 'geheim' });
    const withPassword = await h.app.inject({ method: 'POST', url: '/api/documents', payload: m.payload, headers: { ...m.headers, 'x-api-key': KEY } });
    expect(withPassword.statusCode).toBe(201);
    expect(withPassword.json().outcome.status).toBe('ingested');

    const again = await upload([['kademuren.txt', text('kademuren')]]);
    expect(again.statusCode).toBe(200);
    expect(again.json().outcome.status).toBe('unchanged');
    expect(again.json().outcomes).toHaveLength(1);
  });

  it('reads unchanged bytes again with a reread field, as `ingest --reread` does', async () => {
    const first = await upload([['havenbeleid.txt', text('het havenbeleid')]]);
    const docId = first.json().outcome.docId;
    const m = multipartFiles([['havenbeleid.txt', text('het havenbeleid')]], 'file', { reread: 'true' });
    const again = await h.app.inject({ method: 'POST', url: '/api/documents', payload: m.payload, headers: { ...m.headers, 'x-api-key': KEY } });
    expect(again.statusCode).toBe(201);
    expect(again.json().outcome).toMatchObject({ status: 'replaced', docId });
    // Without the field the same bytes stay as they are.
    expect((await upload([['havenbeleid.txt', text('het havenbeleid')]])).json().outcome.status).toBe('unchanged');
    expect((await h.archive.search('havenbeleid', { mode: 'lexical', k: 5 })).filter((x) => x.docId === docId)).toHaveLength(1);
  });

  it('reads a file without an extension by its bytes, as the CLI does', async () => {
    const res = await upload([['LEESMIJ', text('grondwaterbeheer')]]);
    expect(res.statusCode).toBe(201);
    const docId = res.json().outcome.docId;
    expect(h.archive.getDocument(docId)?.format).toBe('txt');
    const hits = (await h.app.inject({ method: 'POST', url: '/api/search', payload: { query: 'grondwaterbeheer' } })).json().hits;
    expect(hits[0].docId).toBe(docId);
    // Binary bytes without an extension are still refused, with the reason.
    const bin = await upload([['blob', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 9])]]);
    expect(bin.statusCode).toBe(415);
    expect(bin.json().error.code).toBe('ERR_UNSUPPORTED_TYPE');
  });

  it('skips a file over the limit with a reason that names the limit; the others are ingested', async () => {
    const big = Buffer.alloc(apiDefaults.uploadMaxBytes + 1024, 'a');
    const res = await upload([['te-groot.txt', big], ['havenvisie.txt', text('de havenvisie')]]);
    expect(res.statusCode, res.body).toBe(201);
    const [tooBig, fine] = res.json().outcomes;
    expect(tooBig).toMatchObject({ status: 'skipped', code: 'ERR_TOO_LARGE' });
    expect(tooBig.reason).toContain('50 MB');
    expect(fine.status).toBe('ingested');

    const alone = await upload([['te-groot.txt', big]]);
    expect(alone.statusCode).toBe(413);
    expect(alone.json().error).toMatchObject({ code: 'ERR_TOO_LARGE', limit: apiDefaults.uploadMaxBytes });
  }, 60_000);

  it('refuses more files than the limit with 413 naming the limit', async () => {
    const files: Array<[string, string]> = Array.from({ length: apiDefaults.uploadMaxFiles + 1 }, (_, i) => [`n${i}.txt`, text(`onderwerp ${i}`)]);
    const res = await upload(files);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'ERR_TOO_MANY_FILES', limit: apiDefaults.uploadMaxFiles });
    expect(res.json().error.message).toContain(String(apiDefaults.uploadMaxFiles));
  });

  it('names the limit when a JSON body is too large', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/search', payload: { query: 'x'.repeat(apiDefaults.bodyLimit) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'ERR_TOO_LARGE', limit: apiDefaults.bodyLimit });
  });
});
