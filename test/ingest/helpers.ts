// Locate the team's shared data; tests skip with a note when it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../lib/config.ts';

export function sharedPath(...parts: string[]): string | null {
  const root = sharedDir();
  const p = root ? join(root, ...parts) : null;
  if (!p || !existsSync(p)) {
    console.warn(`[ingest tests] ${parts.join('/')} not found under ../shared: skipping`);
    return null;
  }
  return p;
}

export const corpusDir = sharedPath('corpus');
export const pdfNlDir = sharedPath('external', 'pdf-nl');
export const pdfOddDir = sharedPath('external', 'pdf-odd');

export function corpusFiles(): string[] {
  return corpusDir ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function read(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}
