// Locate the team's shared data; tests skip with a note when it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sharedDir } from '../../tools/shared-dir.ts';
import type { CleanDocument, PassageDraft } from '../../lib/types.ts';

export function sharedPath(...parts: string[]): string | null {
  const root = sharedDir();
  const p = root ? join(root, ...parts) : null;
  if (!p || !existsSync(p)) {
    console.warn(`[ingest tests] ${parts.join('/')} not found under ../shared: skipping`);
    return null;
  }
  return p;
}

/** The bundled sample archive (the repository's own corpus/, so these tests never need ../shared). */
export const corpusDir: string | null = join(import.meta.dirname, '../../corpus');
export const pdfNlDir = sharedPath('external', 'pdf-nl');
export const pdfOddDir = sharedPath('external', 'pdf-odd');

export function corpusFiles(): string[] {
  return corpusDir ? readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function read(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

/** The passage invariants: exact slices, ordinals, size ceiling, page map, no mid-word cuts. */
export function checkPassages(doc: CleanDocument, ps: PassageDraft[], maxChars = 1500): void {
  expect(ps.length).toBeGreaterThan(0);
  ps.forEach((p, i) => {
    expect(p.ordinal).toBe(i);
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(p.text.length).toBeLessThanOrEqual(maxChars);
    expect(p.pageFirst).toBeLessThanOrEqual(p.pageLast);
    expect(doc.pageStarts[p.pageFirst - 1]).toBeLessThanOrEqual(p.start);
    // never mid-word at either end
    expect(/\p{L}/u.test(doc.text[p.start - 1] ?? ' ') && /\p{L}/u.test(p.text[0])).toBe(false);
    expect(/\p{L}/u.test(doc.text[p.end] ?? ' ') && /\p{L}/u.test(p.text[p.text.length - 1])).toBe(false);
  });
}
