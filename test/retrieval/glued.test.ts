// Programmes whose text layer lost its spaces ("deverantwoording", "vandeThomas"), searched with the questions of
// eval/sets/glued-programmas-nl.jsonl: indexed by the words of their glued runs too (language/spaces.ts), more of the
// passages that answer reach the top five than when the runs are indexed as they stand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive/archive.ts';
import type { Archive } from '../../archive/api.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { relevanceUnits, unitsFoundBy } from '../../eval/relevance.ts';
import { sharedPath } from '../ingest/helpers.ts';

const PROGRAMMES = sharedPath('external', 'programmas-nl');
const SET = join(import.meta.dirname, '../../eval/sets/glued-programmas-nl.jsonl');

describe.skipIf(!PROGRAMMES)('glued programmes (../shared/external/programmas-nl)', () => {
  const questions = loadQuestions(SET).filter((q) => q.relevant.length > 0);
  const files = [...new Set(questions.flatMap((q) => q.relevant.map((r) => r.doc)))];
  let dir: string;
  let archive: Archive;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raadsarchief-glued-'));
    archive = await openArchive({ dataDir: dir, embedder: 'builtin' });
    await archive.ingestFiles(files.map((f) => join(PROGRAMMES!, f)));
  }, 120_000);
  afterAll(async () => {
    await archive?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The share of the questions' answers (a multi question's parts each) found in the top five. */
  const recallAt5 = async (a: Archive) => {
    let found = 0;
    for (const q of questions) {
      const units = relevanceUnits(q);
      const hits = await a.search(q.question, { k: 5 });
      const seen = new Set(hits.flatMap((h) => unitsFoundBy({ doc: a.getDocument(h.docId)!.fileName, text: h.text, score: h.score }, units)));
      found += seen.size / units.length;
    }
    return found / questions.length;
  };

  it('finds more of the answering passages with the words of glued runs indexed', async () => {
    const glued = await recallAt5(archive);
    await archive.close();
    // The same store re-analysed without glued runs (the analyser's version differs, so opening re-analyses).
    archive = await openArchive({ dataDir: dir, embedder: 'builtin', analyser: { glued: false } });
    const plain = await recallAt5(archive);
    expect(glued).toBeGreaterThan(plain);
  }, 120_000);
});
