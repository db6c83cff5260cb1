// Document identity. A document IS its source: the real path of the file it was ingested from, or `upload:<name>` for
// an upload. Its id is a readable, URL-safe slug of the file name; when another source already holds that slug, the
// parent folder's name joins it (`besluitenlijst-2020`), then a number. Ingesting a source again finds its document
// by the source, never by the name, so same-named files in other folders are never touched.
import { basename, dirname, extname } from 'node:path';

/** A stable, URL-safe slug: `Verkiezingsprogramma 2022 (def).pdf` -> `verkiezingsprogramma-2022-def`.
 *  Only [a-z0-9_-], so an id can never traverse paths. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80);
  return s || 'document';
}

/** The readable id of a file name (its extension dropped). */
export function documentId(fileName: string): string {
  return slug(basename(fileName, extname(fileName)));
}

/** The id for a new source: the file name's slug, else with its folder's name, else numbered; `taken` says whether an
 *  id already belongs to another source (in the archive or earlier in the batch). */
export function newDocumentId(source: string, taken: (id: string) => boolean): string {
  const base = documentId(source.startsWith('upload:') ? source.slice('upload:'.length) : source);
  if (!taken(base)) return base;
  const folder = source.startsWith('upload:') ? '' : slug(basename(dirname(source)));
  const withFolder = folder && folder !== 'document' ? `${base}-${folder}`.slice(0, 100) : '';
  if (withFolder && !taken(withFolder)) return withFolder;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A bare upload name: no directories of either kind, no control characters (a NUL would reach the store and the API). */
export function uploadName(fileName: string): string {
  return basename(fileName.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '') || 'document';
}

export function uploadSource(name: string): string {
  return `upload:${name}`;
}
