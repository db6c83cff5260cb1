// The bundled corpus (corpus/*.txt) for tests that need real documents, and a fresh archive over it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openArchive } from '../archive/archive.ts';
import type { Archive } from '../archive/api.ts';

const CORPUS_DIR = resolve(import.meta.dirname, '../corpus');

/** The corpus texts, sorted by name. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(CORPUS_DIR, f));
}

/** A new archive (built-in embedder) in a temporary folder with the whole corpus ingested; `close` removes it. */
export async function openCorpusArchive(what: string): Promise<{ dir: string; archive: Archive; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `raadsarchief-${what}-`));
  const archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
  await archive.ingestFiles(corpusFiles());
  return {
    dir,
    archive,
    async close() {
      await archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
