// Writing derived index files so that a kill at any moment leaves the old file or the new one, never a torn one:
// a temp file, fsynced, renamed over the old. Shared by the vector index and the lexical index.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Temp files carry the process id, the thread and a count of saves: two processes, or two archives of one process
 *  (each with its vector thread), saving one data folder never write the same temp file. One shared name per process
 *  let one save rename the other's file away before it was fsynced (ENOENT, test/archive/freshness.test.ts under load). */
let saves = 0;
export const tmpSuffix = (): string => `.${process.pid}.${threadId}.${++saves}.tmp`;
/** A temp file older than this was left by a save that died; younger ones may belong to a live process. */
const STALE_TMP_MS = 60 * 60 * 1000;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A temp file means a save died before its rename (the renamed file, if any, is still whole); only old ones are
 *  removed, since another process may be saving right now. */
export function removeStaleTemps(dir: string): void {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return; // no folder (or not a folder): nothing left behind; opening the index file reports the rest
  }
  for (const f of files) {
    if (!f.endsWith('.tmp')) continue;
    const path = join(dir, f);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_TMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already: another process finished or cleaned up.
    }
  }
}
