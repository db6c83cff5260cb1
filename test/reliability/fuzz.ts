// Property-based fuzzing of every API endpoint with fast-check: bodies, params, query strings, methods, headers and
// uploads. Whatever a client sends, the server answers below 500, in the error shape, without internals, and nothing
// reaches the archive without the API key. Used by hostile.test.ts (modest runs) and `npm run soak` (many).
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Archive } from '../../archive/api.ts';
import { multipartFile } from '../api/harness.ts';

/** Text that suggests internals leaked: stack frames, source paths, module folders. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.m?js:\d+:\d+|\/work\/|\/home\/|\/tmp\//;

export const TRAVERSALS = [
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%252F..%252Fetc%252Fpasswd',
  '/etc/passwd',
  '\\..\\..\\windows\\win.ini',
  'C:\\Windows\\win.ini',
  'a\u0000b',
  '%00',
  '....//....//etc/passwd',
  '..',
  '.',
  '%2e%2e',
  '..;/..;/etc/passwd',
  '\u202e/etc/passwd',
  'con',
  '~/.ssh/id_rsa',
];

export interface FuzzOptions {
  /** Runs per property (six properties). */
  numRuns: number;
  seed: number;
  apiKey: string;
  /** Paths and ids of the archive, so some fuzzed requests hit real documents. */
  archive: Archive;
}

export interface FuzzReport {
  properties: number;
  cases: number;
  failures: string[];
  /** Problems matching a known, reported bug (KNOWN_ISSUES): counted, not failed. */
  known: Record<string, number>;
}

/** Bugs found by this fuzzer and reported to the owners (see RELIABILITY.md); the explicit tests in
 *  hostile.test.ts pin them, so the fuzz run can go on looking for new ones. */
export const KNOWN_ISSUES: Record<string, RegExp> = {};

/** Problems with one response: 5xx, leaked internals, or an error not in the `{ error: { code, message } }` shape. */
export function responseProblems(res: LightMyRequestResponse, what: string): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`${what}: status ${res.statusCode}: ${res.body.slice(0, 300)}`);
  const url = res.raw.req.url ?? '';
  const isApi = url.startsWith('/api/');
  // No server paths anywhere, /api/health and document metadata included (sourcePath and dataDir are not served).
  if (LEAK.test(res.body)) problems.push(`${what}: internals in the response: ${res.body.slice(0, 300)}`);
  if (isApi && res.statusCode >= 400 && res.raw.req.method !== 'HEAD') {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = res.json();
    } catch {
      problems.push(`${what}: ${res.statusCode} without a JSON body: ${res.body.slice(0, 200)}`);
    }
    if (body && (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string')) {
      problems.push(`${what}: ${res.statusCode} not in the error shape: ${res.body.slice(0, 200)}`);
    }
  }
  return problems;
}

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.constantFrom(...TRAVERSALS));
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, 101, 100, 1));

const filtersArb = fc.oneof(
  fc.anything(),
  fc.record(
    {
      documents: fc.oneof(fc.array(anyText, { maxLength: 150 }), anyText, fc.anything()),
      organisation: fc.oneof(anyText, fc.anything()),
      yearFrom: anyNumber,
      yearTo: fc.oneof(anyNumber, anyText),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

const searchLike = fc.record(
  {
    query: fc.oneof(anyText, fc.anything()),
    question: fc.oneof(anyText, fc.anything()),
    mode: fc.oneof(fc.constantFrom('lexical', 'dense', 'hybrid', 'LEXICAL', ''), fc.anything()),
    k: fc.oneof(anyNumber, anyText, fc.anything()),
    filters: filtersArb,
    constructor: fc.anything(),
  },
  { requiredKeys: [] },
);

const POLLUTION = [
  '{"__proto__": {"polluted": "yes"}, "query": "wethouder"}',
  '{"constructor": {"prototype": {"polluted": "yes"}}, "question": "wethouder"}',
  '{"query": "wethouder", "filters": {"__proto__": {"polluted": "yes"}}}',
  '{"query": "wethouder", "query": "dubbel"}',
  '{"query": "wethouder"' + ', "x": 1'.repeat(2000) + '}',
  '[' .repeat(5000) + ']'.repeat(5000),
  '{"query": "' + 'a'.repeat(70_000) + '"}',
];

/** A request body as sent: JSON of a fuzzed value, a known-nasty document, or arbitrary (mostly invalid) text. */
const jsonBody = fc.oneof(
  fc.oneof(fc.jsonValue(), searchLike, fc.anything()).map((v) => safeJson(v)),
  fc.constantFrom(...POLLUTION),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return '{}';
  }
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'application/json; charset=ebcdic',
  '',
  '*/*',
];

const PATHS = ['/api/search', '/api/ask', '/api/documents', '/api/health', '/', '/docs', '/docs/json', '/api/nope', '/index.html', '/app.js'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

async function inject(app: FastifyInstance, opts: InjectOptions): Promise<LightMyRequestResponse | null> {
  try {
    return await app.inject(opts);
  } catch (e) {
    // light-my-request refuses some requests itself (an invalid URL or header): no request reached the server.
    if (/invalid|header|url/i.test((e as Error).message)) return null;
    throw e;
  }
}

export async function fuzzApi(app: FastifyInstance, opts: FuzzOptions): Promise<FuzzReport> {
  const failures: string[] = [];
  const auth = { 'x-api-key': opts.apiKey };
  const realIds = opts.archive.listDocuments().map((d) => d.id);
  const idArb = fc.oneof(anyText, fc.constantFrom(...(realIds.length ? realIds : ['x'])));
  let cases = 0;
  const known: Record<string, number> = {};
  const run = async <T>(name: string, arb: fc.Arbitrary<T>, check: (v: T) => Promise<string[]>, seedOffset: number) => {
    const result = await fc.check(
      fc.asyncProperty(arb, async (v) => {
        cases++;
        const problems = (await check(v)).filter((p) => {
          const issue = Object.keys(KNOWN_ISSUES).find((k) => KNOWN_ISSUES[k].test(p));
          if (issue) known[issue] = (known[issue] ?? 0) + 1;
          return !issue;
        });
        if (problems.length) throw new Error(problems.join('\n'));
      }),
      { numRuns: opts.numRuns, seed: opts.seed + seedOffset, endOnFailure: true },
    );
    if (result.failed) {
      const why = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      failures.push(`${name}: ${JSON.stringify(result.counterexample).slice(0, 300)} (seed ${result.seed}, path ${result.counterexamplePath}): ${why.slice(0, 1500)}`);
    }
  };

  // 1. JSON bodies of search and ask.
  await run('search/ask bodies', fc.tuple(fc.constantFrom('/api/search', '/api/ask'), jsonBody), async ([url, body]) => {
    const res = await inject(app, { method: 'POST', url, payload: body, headers: { 'content-type': 'application/json' } });
    return res ? responseProblems(res, `POST ${url} ${body.slice(0, 200)}`) : [];
  }, 1);

  // 2. Raw bytes with any content type to any POST endpoint (uploads without the key must be refused).
  await run('raw bodies', fc.tuple(fc.constantFrom('/api/search', '/api/ask', '/api/documents'), fc.constantFrom(...CONTENT_TYPES), fc.uint8Array({ maxLength: 4096 }), fc.boolean()),
    async ([url, type, bytes, withKey]) => {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const res = await inject(app, { method: 'POST', url, payload: Buffer.from(bytes), headers: withKey ? { ...headers, ...auth } : headers });
      if (!res) return [];
      const problems = responseProblems(res, `POST ${url} (${type}, ${bytes.length} bytes)`);
      if (url === '/api/documents' && !withKey && res.statusCode < 400) problems.push(`upload without key answered ${res.statusCode}`);
      return problems;
    }, 2);

  // 3. Document ids and page numbers in paths, read and delete, with and without the key.
  const docsBefore = () => new Set(opts.archive.listDocuments().map((d) => d.id));
  await run('document params', fc.tuple(idArb, fc.oneof(anyNumber, anyText), fc.constantFrom('doc', 'page', 'delete', 'delete-key'), fc.boolean()),
    async ([id, n, kind, raw]) => {
      if (kind === 'delete-key' && realIds.includes(id)) return []; // a real delete with the key: allowed, not fuzzing
      const seg = raw ? id : encodeURIComponent(id);
      const url = kind === 'page' ? `/api/documents/${seg}/pages/${raw ? String(n) : encodeURIComponent(String(n))}` : `/api/documents/${seg}`;
      const method = kind.startsWith('delete') ? 'DELETE' : 'GET';
      const before = docsBefore();
      const res = await inject(app, { method, url, headers: kind === 'delete-key' ? auth : {} });
      if (!res) return [];
      const problems = responseProblems(res, `${method} ${url}`);
      if (kind === 'delete' && res.statusCode < 400) problems.push(`DELETE without key answered ${res.statusCode}`);
      if (kind === 'delete' && docsBefore().size !== before.size) problems.push('a document vanished after a DELETE without key');
      if (res.statusCode === 200 && method === 'GET' && /root:.*:0:0:/.test(res.body)) problems.push(`${url} served /etc/passwd`);
      return problems;
    }, 3);

  // 4. Any method on any path with any query string.
  await run('methods, paths and query strings', fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom(...PATHS), fc.dictionary(anyText, anyText, { maxKeys: 5 })),
    async ([method, path, query]) => {
      const qs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      const url = qs ? `${path}?${qs}` : path;
      const res = await inject(app, { method, url, headers: path === '/api/documents' ? {} : undefined });
      if (!res) return [];
      const problems = responseProblems(res, `${method} ${url.slice(0, 200)}`);
      if (path === '/api/documents' && method === 'POST' && res.statusCode < 400) problems.push('upload without key accepted');
      return problems;
    }, 4);

  // 5. Write endpoints with wrong keys in every place a key could be: always 401, nothing changes.
  await run('wrong API keys', fc.tuple(anyText, fc.constantFrom('x-api-key', 'authorization-bearer', 'authorization-raw', 'query', 'x-api-key-array'), fc.constantFrom('POST', 'DELETE')),
    async ([key, where, method]) => {
      if (key === opts.apiKey) return [];
      const headers: Record<string, string | string[]> = {};
      let url = method === 'POST' ? '/api/documents' : `/api/documents/${realIds[0] ?? 'x'}`;
      if (where === 'x-api-key') headers['x-api-key'] = key;
      if (where === 'x-api-key-array') headers['x-api-key'] = [key, key];
      if (where === 'authorization-bearer') headers.authorization = `Bearer ${key}`;
      if (where === 'authorization-raw') headers.authorization = key;
      if (where === 'query') url += `?api_key=${encodeURIComponent(opts.apiKey)}&key=${encodeURIComponent(opts.apiKey)}`;
      const m = multipartFile('sleutel.txt', 'Een document dat er niet in mag komen.');
      const before = docsBefore();
      const res = await inject(app, { method, url, headers: method === 'POST' ? { ...m.headers, ...headers } : headers, payload: method === 'POST' ? m.payload : undefined });
      if (!res) return [];
      const problems = responseProblems(res, `${method} ${url} with key in ${where}`);
      if (res.statusCode !== 401) problems.push(`${method} with a wrong key (${where}: ${JSON.stringify(key).slice(0, 60)}) answered ${res.statusCode}`);
      if (docsBefore().size !== before.size) problems.push('the archive changed without a valid key');
      return problems;
    }, 5);

  // 6. Uploads with the key: hostile file names and contents. Ids stay URL-safe; names carry no directories.
  const nameArb = fc.tuple(fc.oneof(anyText, fc.constantFrom(...TRAVERSALS)), fc.constantFrom('.txt', '.md', '.pdf', '', '.exe', '.txt\u0000.exe', '/.txt'));
  const contentArb = fc.oneof(fc.string({ minLength: 1, maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)), fc.constant('%PDF-1.7\n%%EOF'));
  await run('uploads', fc.tuple(nameArb, contentArb), async ([[stem, ext], content]) => {
    const name = `${stem}${ext}`.replace(/["\r\n]/g, '_');
    const m = multipartFile(name, typeof content === 'string' ? content : content);
    const res = await inject(app, { method: 'POST', url: '/api/documents', headers: { ...m.headers, ...auth }, payload: m.payload });
    if (!res) return [];
    const problems = responseProblems(res, `upload "${JSON.stringify(name).slice(0, 80)}"`);
    if (res.statusCode < 300) {
      const o = res.json().outcome as { docId?: string; file?: string };
      if (!o.docId || !/^[a-z0-9_-]+$/.test(o.docId)) problems.push(`upload "${name}" got id ${JSON.stringify(o.docId)}`);
      const doc = o.docId ? opts.archive.getDocument(o.docId) : null;
      if (doc && /[/\u0000]/.test(doc.fileName)) problems.push(`stored file name keeps a directory or NUL: ${JSON.stringify(doc.fileName)}`);
      if (o.docId) await opts.archive.deleteDocument(o.docId);
    }
    return problems;
  }, 6);

  if (({} as Record<string, unknown>).polluted !== undefined) failures.push('Object.prototype was polluted by a request body');
  return { properties: 6, cases, failures, known };
}
