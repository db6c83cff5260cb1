// The files an ingest reads: folders walked into files, each file read with a clear error when it cannot be.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ArchiveError, describeError } from '../lib/errors.ts';

/** Expands folders (recursively, skipping hidden entries) into files; keeps the order given. A path that cannot be
 *  read stays in the list, so it gets its own outcome. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push(p);
      return;
    }
    if (!s.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
    for (const e of entries) await walk(join(p, e));
  };
  for (const p of paths) await walk(resolve(p));
  return out;
}

export async function readInput(path: string): Promise<Uint8Array> {
  let s;
  try {
    s = await stat(path);
  } catch (e) {
    throw new ArchiveError('ERR_FILE_UNREADABLE', describeError(e), path);
  }
  if (!s.isFile()) throw new ArchiveError('ERR_FILE_UNREADABLE', 'not a regular file', path);
  if (s.size === 0) throw new ArchiveError('ERR_FILE_EMPTY', '', path);
  return new Uint8Array(await readFile(path));
}
