// Document identity: readable, URL-safe ids from file names.
import { basename, extname } from 'node:path';

/** A stable, URL-safe document id from a file name: `Verkiezingsprogramma 2022 (def).pdf` -> `verkiezingsprogramma-2022-def`.
 *  Only [a-z0-9_-], so an id can never traverse paths. */
export function documentId(fileName: string): string {
  const stem = basename(fileName, extname(fileName));
  const slug = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80);
  return slug || 'document';
}

/** Document ids come from file names; two files of one batch with the same name get distinct ids. */
export function assignIds(paths: string[]): { path: string; id: string }[] {
  const used = new Map<string, number>();
  return [...new Set(paths)].map((path) => {
    const base = documentId(basename(path));
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return { path, id: n === 0 ? base : `${base}-${n + 1}` };
  });
}

/** A bare upload name: no directories of either kind, no control characters (a NUL would reach the store and the API). */
export function uploadName(fileName: string): string {
  return basename(fileName.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '') || 'document';
}
