// The benchmark's HTTP client, run as a child process so it does not share the server's event loop (and, on a
// 2-core machine, mostly runs on the other core). Reads one JSON job from argv[2], prints one JSON result.
//   seq:  n sequential POSTs, client-side latency of each (p50/p95/p99)
//   load: autocannon for `seconds` at `connections`, bodies cycled per request
import autocannon from 'autocannon';
import { summarize } from './lib/stats.ts';

interface Job {
  kind: 'seq' | 'load';
  url: string;
  path: string;
  bodies: string[];
  n?: number;
  warmup?: number;
  connections?: number;
  seconds?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;

async function seq(): Promise<unknown> {
  const url = job.url + job.path;
  const post = async (body: string) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await r.arrayBuffer();
    return r.status;
  };
  for (let i = 0; i < (job.warmup ?? 10); i++) await post(job.bodies[i % job.bodies.length]!);
  const lat: number[] = [];
  let errors = 0;
  for (let i = 0; i < (job.n ?? 100); i++) {
    const t0 = performance.now();
    const status = await post(job.bodies[i % job.bodies.length]!);
    lat.push(performance.now() - t0);
    if (status !== 200) errors++;
  }
  return { ...summarize(lat), errors };
}

async function load(): Promise<unknown> {
  let i = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections ?? 1,
    duration: job.seconds ?? 5,
    requests: [
      {
        method: 'POST',
        path: job.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: job.bodies[i++ % job.bodies.length] }),
      },
    ],
  });
  return {
    connections: job.connections,
    seconds: job.seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

const out = job.kind === 'seq' ? await seq() : await load();
process.stdout.write(JSON.stringify(out) + '\n');
