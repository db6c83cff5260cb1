// Where an HTTP /api/ask's time goes, on an existing archive: the client's wall time (a child process, as in the
// bench), the server's time between Fastify's hooks (onRequest → preValidation → preHandler → preSerialization →
// onSend → onResponse; the handler, i.e. ask(), runs between preHandler and preSerialization), and the library ask
// in the same process for comparison.
//   node bin/run-ts.js bench/profile-http.ts <dataDir> [n=300]
import type { FastifyRequest } from 'fastify';
import { openArchive } from '../archive/archive.ts';
import { ask } from '../answer/ask.ts';
import { buildServer } from '../api/server.ts';
import { queries as loadQueries } from './lib/sources.ts';
import { summarize } from './lib/stats.ts';
import { askBodies, BENCH_RATE_LIMIT, runClient, type SeqResult } from './sections/http.ts';

const [dir, n = '300'] = process.argv.slice(2);
if (!dir) throw new Error('usage: profile-http.ts <dataDir> [n]');
const archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
const qs = loadQueries().map((q) => q.slice(0, 1000));

const app = await buildServer(archive, { rateLimit: BENCH_RATE_LIMIT, logger: false });
const HOOKS = ['onRequest', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse'] as const;
const marks = new WeakMap<object, number[]>();
const rows: number[][] = [];
const mark = (req: FastifyRequest, i: number) => {
  let r = marks.get(req.raw);
  if (!r) marks.set(req.raw, (r = []));
  r[i] = performance.now();
  if (i === HOOKS.length - 1) rows.push(r);
};
app.addHook('onRequest', async (req) => mark(req, 0));
app.addHook('preValidation', async (req) => mark(req, 1));
app.addHook('preHandler', async (req) => mark(req, 2));
app.addHook('preSerialization', async (req, _reply, payload) => (mark(req, 3), payload));
app.addHook('onSend', async (req, _reply, payload) => (mark(req, 4), payload));
app.addHook('onResponse', async (req) => mark(req, 5));
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const client = await runClient<SeqResult>({ kind: 'seq', url, path: '/api/ask', bodies: askBodies(qs), n: Number(n), warmup: 20 });
const measured = rows.slice(20);
const p50 = (xs: number[]) => summarize(xs).p50.toFixed(2);
console.log(`client wall p50 ${client.p50.toFixed(2)} ms (p95 ${client.p95.toFixed(2)})`);
for (let i = 1; i < HOOKS.length; i++) console.log(`  ${HOOKS[i - 1]} → ${HOOKS[i]}: ${p50(measured.map((r) => r[i] - r[i - 1]))} ms`);
console.log(`  server onRequest → onResponse: ${p50(measured.map((r) => r[5] - r[0]))} ms`);

const lib: number[] = [];
for (let i = 0; i < Number(n) + 20; i++) {
  const t0 = performance.now();
  await ask(archive, { question: qs[i % qs.length]!, k: 10 });
  if (i >= 20) lib.push(performance.now() - t0);
}
console.log(`library ask p50 ${p50(lib)} ms`);
await app.close();
await archive.close();
