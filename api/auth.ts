// Write endpoints need the API key. Keys are compared as SHA-256 digests with timingSafeEqual, so the
// comparison takes the same time whatever the key's length or content.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import { ArchiveError } from '../lib/errors.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The key a request presents: `x-api-key`, else `Authorization: Bearer <key>`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | null {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string' && direct.length > 0) return direct;
  const auth = headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return m ? m[1] : null;
}

/** An onRequest hook that admits only requests with the key; without a configured key, none. */
export function requireApiKey(apiKey: string | undefined): onRequestHookHandler {
  const expected = apiKey ? digest(apiKey) : null;
  return async (request) => {
    if (!expected) throw new ArchiveError('ERR_WRITES_DISABLED');
    const key = presentedKey(request.headers);
    if (key === null || !timingSafeEqual(digest(key), expected)) throw new ArchiveError('ERR_UNAUTHORIZED');
  };
}

/** The OpenAPI security requirement of the routes behind the key (either scheme). */
export const keySecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, { bearer: [] }];
