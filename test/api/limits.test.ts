// Server-level policies that need their own server: writes disabled without a key, rate limiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
