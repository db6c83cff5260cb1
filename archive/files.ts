// The files an ingest reads: folders walked into files (each real path once, so symlink loops end), every path that
// cannot be read kept as an entry with its reason (one skipped outcome, the batch goes on), files read with a clear
// error when they cannot be.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ArchiveError, describeError } from '../lib/errors.ts';

/** A file to ingest: the path as walked (for messages), its real path (its identity), or why it cannot be read. */
export interface WalkedFile {
  path: string;
  real: string;
  error?: ArchiveError;
}

/** Expands folders (recursively, skipping hidden entries, in name order) into files, keeping the order given. Each
 *  real path is visited once: a link back to a folder already walked ends there, and a file reached twice counts once. */
export async function walk(paths: string[]): Promise<WalkedFile[]> {
  const out: WalkedFile[] = [];
  const seen = new Set<string>();
  const visit = async (p: string): Promise<void> => {
    let real: string;
    let isDir: boolean;
    try {
      real = await realpath(p);
      isDir = (await stat(real)).isDirectory();
    } catch (e) {
      out.push({ path: p, real: p, error: new ArchiveError('ERR_FILE_UNREADABLE', describeError(e), p) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (!isDir) {
      out.push({ path: p, real });
      return;
    }
    let entries: string[];
    try {
      entries = (await readdir(real)).filter((e) => !e.startsWith('.')).sort();
    } catch (e) {
      out.push({ path: p, real, error: new ArchiveError('ERR_FILE_UNREADABLE', `folder: ${describeError(e)}`, p) });
      return;
    }
    for (const e of entries) await visit(join(p, e));
  };
  for (const p of paths) await visit(resolve(p));
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
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ArchiveError('ERR_FILE_UNREADABLE', describeError(e), path);
  }
}
