// HTTP: the real server (buildServer) on a real loopback port, driven by a client in a child process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildServer } from '../../api/server.ts';
import type { Archive } from '../../archive/api.ts';
import { ROOT } from '../lib/sources.ts';
import { gc, load, memory } from '../lib/stats.ts';

/** The rate limit raised far above anything the benchmark sends: the limiter's bookkeeping still runs per request. */
export const BENCH_RATE_LIMIT = { max: 1_000_000_000, timeWindow: '1 minute' };

export async function startApi(archive: Archive): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer(archive, { rateLimit: BENCH_RATE_LIMIT, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

/** Fastify with one route returning a constant: the framework's ceiling on this machine. */
export async function startBare(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.post('/bare', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

export interface SeqResult { n: number; mean: number; p50: number; p95: number; p99: number; max: number; errors: number }
export interface LoadResult {
  connections: number; seconds: number; requests: number; rps: number; p50: number; p90: number; p99: number; max: number;
  errors: number; timeouts: number; non2xx: number;
}

export function runClient<T>(job: object): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/client.ts'), JSON.stringify(job)], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`bench client failed: ${err.message}\n${stderr}`));
      try {
        resolvePromise(JSON.parse(stdout.trim().split('\n').pop()!) as T);
      } catch (e) {
        reject(new Error(`bench client printed no JSON: ${stdout}\n${stderr}`));
      }
    });
  });
}

export function searchBodies(queries: string[], mode: string): string[] {
  return queries.map((q) => JSON.stringify({ query: q.slice(0, 1000), mode, k: 10 }));
}

export function askBodies(queries: string[]): string[] {
  return queries.map((q) => JSON.stringify({ question: q.slice(0, 1000), k: 10 }));
}

export async function httpLatency(url: string, queries: string[], n: number): Promise<{ byTarget: Record<string, SeqResult>; load: string }> {
  const out: Record<string, SeqResult> = {};
  for (const mode of ['lexical', 'dense', 'hybrid']) {
    out[mode] = await runClient<SeqResult>({ kind: 'seq', url, path: '/api/search', bodies: searchBodies(queries, mode), n, warmup: 20 });
  }
  out.ask = await runClient<SeqResult>({ kind: 'seq', url, path: '/api/ask', bodies: askBodies(queries), n, warmup: 20 });
  return { byTarget: out, load: load() };
}

export interface LoadRow extends LoadResult { target: string; rssBeforeMb: number; rssAfterMb: number; load: string }

/** autocannon at each concurrency against each target; RSS of this (server) process before and after each run. */
export async function loadTest(targets: { name: string; url: string; path: string; bodies: string[] }[], connections: number[], seconds: number): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const t of targets) {
    for (const c of connections) {
      gc();
      const before = memory().rssMb;
      const r = await runClient<LoadResult>({ kind: 'load', url: t.url, path: t.path, bodies: t.bodies, connections: c, seconds });
      rows.push({ ...r, target: t.name, rssBeforeMb: before, rssAfterMb: memory().rssMb, load: load() });
      process.stderr.write(`  load ${t.name} c=${c}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, errors ${r.errors + r.non2xx + r.timeouts}\n`);
    }
  }
  return rows;
}
