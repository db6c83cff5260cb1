// The search queue: arrival order, one job per event-loop turn, a fast 503 with Retry-After when too many wait,
// and no work for clients that left. Then the same over real loopback HTTP against the corpus archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FairQueue } from '../../api/fair-queue.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { startHarness, type Harness } from './harness.ts';

/** Synchronous CPU work, like a search. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('FairQueue', () => {
  it('runs jobs one at a time in arrival order, letting the event loop turn between them', async () => {
    const q = new FairQueue({ concurrency: 1, maxWaiting: 100 });
    const events: string[] = [];
    let active = 0;
    const job = (name: string) => () => {
      active++;
      expect(active).toBe(1);
      events.push(name);
      // I/O-phase work queued during a job must run before the next job starts.
      setImmediate(() => events.push(`io after ${name}`));
      busy(2);
      active--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => q.run(job(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['a', 'io after a', 'b', 'io after b', 'c', 'io after c']);
  });

  it('refuses beyond maxWaiting with ERR_BUSY and a retry estimate, and keeps serving the rest', async () => {
    const q = new FairQueue({ concurrency: 1, maxWaiting: 3 });
    const runs = Array.from({ length: 6 }, (_, i) => q.run(() => (busy(1), i)));
    const settled = await Promise.allSettled(runs);
    expect(settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value)).toEqual([0, 1, 2]);
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as ArchiveError);
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(e.code).toBe('ERR_BUSY');
      expect(e.status).toBe(503);
      expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(await q.run(() => 'later')).toBe('later');
  });

  it('drops a job whose client left before its turn, and a failing job does not stop the queue', async () => {
    const q = new FairQueue({ concurrency: 1, maxWaiting: 10 });
    const ran: string[] = [];
    const a = q.run(() => ran.push('a'));
    const gone = q.run(() => ran.push('gone'), () => true);
    const failing = q.run(() => {
      throw new Error('boom');
    });
    const c = q.run(() => ran.push('c'));
    await a;
    await expect(gone).rejects.toMatchObject({ code: 'ERR_BUSY' });
    await expect(failing).rejects.toThrow('boom');
    await c;
    expect(ran).toEqual(['a', 'c']);
    expect(q.depth).toBe(0);
  });
});

describe('search queue over loopback HTTP', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await startHarness({ queue: { concurrency: 1, maxWaiting: 4 }, rateLimit: { max: 10_000, timeWindow: '1 minute' } });
    url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => h?.close());

  it('answers every request: results for those queued, a JSON 503 with Retry-After for the overflow', async () => {
    const post = (path: string, body: object) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? post('/api/ask', { question: 'wat is wethouderssocialisme?' }) : post('/api/search', { query: 'wethouder' }))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(4);
    for (const r of responses.filter((r) => r.status === 503)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await r.json()).error).toMatchObject({ code: 'ERR_BUSY', message: expect.stringContaining('busy') });
    }
    // Sequential requests never meet a full queue.
    for (let i = 0; i < 5; i++) expect((await post('/api/search', { query: 'gemeenteraad' })).status).toBe(200);
  });
});
