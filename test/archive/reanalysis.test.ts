// Terms as the archive grows: compound parts come from the archive's own word counts, so the passages of the first
// batches were analysed with fewer words than a question is now. Once the archive's words have doubled since, every
// passage is analysed again: an archive's terms no longer depend on the order its files came in, and another process
// reading the archive picks the new terms up.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { createAnalyser } from '../../language/analyser.ts';
import { Store } from '../../store/store.ts';
import { lexiconDir } from '../../lib/config.ts';
import { corpusFiles, tmp } from '../reliability/fixtures.ts';

/** The stored terms by document and ordinal, and what the archive's current words make of each passage. */
function storedTerms(dataDir: string): { stored: Map<string, string>; fresh: Map<string, string>; recorded: number; total: number } {
  const db = new Database(join(dataDir, 'archive.sqlite'), { readonly: true });
  const vocabulary = new Map((db.prepare('SELECT word, count FROM vocabulary').all() as { word: string; count: number }[]).map((r) => [r.word, r.count]));
  const analyser = createAnalyser({ lexiconDir: lexiconDir(), vocabulary });
  const stored = new Map<string, string>();
  const fresh = new Map<string, string>();
  for (const p of db.prepare('SELECT doc_id, ordinal, text, terms FROM passages').all() as { doc_id: string; ordinal: number; text: string; terms: string }[]) {
    stored.set(`${p.doc_id}#${p.ordinal}`, p.terms);
    fresh.set(`${p.doc_id}#${p.ordinal}`, analyser.passageTerms(p.text).join(' '));
  }
  const recorded = Number((db.prepare("SELECT value FROM meta WHERE key = 'terms_vocabulary'").pluck().get() as string | undefined) ?? 0);
  db.close();
  return { stored, fresh, recorded, total: [...vocabulary.values()].reduce((a, b) => a + b, 0) };
}

describe('passages analysed again as the archive grows', () => {
  const files = corpusFiles().sort(); // the smallest (004) last
  let oneBatch: string;
  let twoBatches: string;
  let served: Archive;
  let writer: Archive;

  beforeAll(async () => {
    oneBatch = tmp('terms-one');
    twoBatches = tmp('terms-two');
    const a = await openArchive({ dataDir: oneBatch, embedder: 'builtin' });
    await a.ingestFiles(files);
    await a.close();
    served = await openArchive({ dataDir: twoBatches, embedder: 'builtin' });
    writer = await openArchive({ dataDir: twoBatches, embedder: 'builtin' });
    await writer.ingestFiles(files.slice(-1)); // 4 kB: the archive's words then grow twenty-fold
  }, 180_000);
  afterAll(async () => {
    await writer?.close();
    await served?.close();
  });

  it('stores terms made with the words of the archive as it stood after its first batch', () => {
    const t = storedTerms(twoBatches);
    expect(t.recorded).toBe(t.total);
    expect(t.stored).toEqual(t.fresh);
  });

  it('analyses every passage again after a batch that doubles the words, so the order of ingest does not matter', async () => {
    await writer.ingestFiles(files.slice(0, -1));
    const two = storedTerms(twoBatches);
    expect(two.recorded).toBe(two.total);
    expect(two.stored).toEqual(two.fresh);
    // The same files in one batch give the same terms, passage for passage.
    expect(two.stored).toEqual(storedTerms(oneBatch).stored);
  }, 180_000);

  it('moves the terms epoch on inside the re-analysis transaction, from what the store holds', () => {
    const a = Store.open(oneBatch);
    const b = Store.open(oneBatch);
    const seenByB = b.termsEpoch();
    a.replaceTerms([]);
    // b saw the epoch before a moved it on; its re-analysis still makes a new one rather than repeating a's.
    b.replaceTerms([]);
    expect([a.termsEpoch(), b.termsEpoch()]).toEqual([seenByB + 2, seenByB + 2]);
    a.close();
    b.close();
  });

  it('lets another process reading the archive rank by the new terms once it looks', async () => {
    await served.refresh();
    for (const q of ['wethouderssocialisme', 'jeugdzorg en decentralisatie', 'raadsleden ondersteuning']) {
      const [mine, theirs] = await Promise.all([writer.search(q, { mode: 'lexical', k: 5 }), served.search(q, { mode: 'lexical', k: 5 })]);
      expect(theirs.map((h) => [h.docId, h.start, h.score])).toEqual(mine.map((h) => [h.docId, h.start, h.score]));
    }
  });
});
