// Server-level policies that need their own server: writes disabled without a key, rate limiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../api/server.ts';
import { trustProxy } from '../../lib/config.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { max: 3, timeWindow: '1 minute' } });
});
afterAll(async () => h?.close());

describe('server without API_KEY and with a tight rate limit', () => {
  it('refuses writes with 403 and a clear message', async () => {
    const id = h.archive.listDocuments()[0].id;
    const res = await h.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: { 'x-api-key': 'anything' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'ERR_WRITES_DISABLED', message: expect.stringContaining('API_KEY') });
    expect(h.archive.getDocument(id)).not.toBeNull();
  });

  it('answers 429 once the budget is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.app.inject({ method: 'POST', url: '/api/search', payload: { query: 'wethouder' } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('ERR_RATE_LIMITED');
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});

describe('limits that fit an office', () => {
  it('serves the page\'s own files outside the rate limit', async () => {
    for (let i = 0; i < 10; i++) {
      for (const url of ['/', '/style.css', '/app.js']) expect((await h.app.inject({ url })).statusCode, url).toBe(200);
    }
  });

  it('gives each client behind a trusted proxy its own budget; untrusted X-Forwarded-For is ignored', async () => {
    const search = (app: typeof h.app, client: string) =>
      app.inject({ method: 'POST', url: '/api/search', payload: { query: 'wethouder' }, headers: { 'x-forwarded-for': client } });
    const behindProxy = await buildServer(h.archive, { rateLimit: { max: 2, timeWindow: '1 minute' }, trustProxy: trustProxy('127.0.0.1') });
    const direct = await buildServer(h.archive, { rateLimit: { max: 2, timeWindow: '1 minute' } });
    try {
      const proxied = [];
      for (const client of ['10.0.0.1', '10.0.0.1', '10.0.0.2', '10.0.0.2', '10.0.0.1']) proxied.push((await search(behindProxy, client)).statusCode);
      expect(proxied).toEqual([200, 200, 200, 200, 429]);
      const spoofed = [];
      for (const client of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) spoofed.push((await search(direct, client)).statusCode);
      expect(spoofed).toEqual([200, 200, 429]);
    } finally {
      await behindProxy.close();
      await direct.close();
    }
  });

  it('reads TRUST_PROXY as none, all, a hop count or a list of addresses', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('10.0.0.1, 192.168.0.0/16')).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });
});
