// The team's shared folder (corpus, eval, external material): for tests, eval sets, benchmarks and build tools only.
// It lives outside lib/ so that nothing the product runs can reach it (test/layout.test.ts checks the run-time folders).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared (or RAADSARCHIEF_SHARED), when present. */
export function sharedDir(): string | null {
  const dir = process.env.RAADSARCHIEF_SHARED ?? resolve(import.meta.dirname, '../../shared');
  return existsSync(dir) ? dir : null;
}
