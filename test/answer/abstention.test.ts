// The abstention rule measured on the dev questions over the real archive: the figures recorded with
// answerDefaults.minCoverage in lib/config.ts come from this run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../answer/extractive.ts';
import { abstains, measureEvidence } from '../../answer/evidence.ts';
import { startHarness, type Harness } from '../api/harness.ts';
import { sharedDir } from '../../lib/config.ts';

interface DevQuestion {
  id: string;
  question: string;
  type: string;
}
const shared = sharedDir();
const DEV = shared ? resolve(shared, 'eval/dev.jsonl') : null;
if (!DEV) console.warn('skipping abstention calibration: ../shared/eval/dev.jsonl is absent');
const questions: DevQuestion[] = DEV ? readFileSync(DEV, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe.skipIf(!DEV)('abstention on ../shared/eval/dev.jsonl', () => {
  it('abstains on unanswerable questions it can recognise and answers nearly all answerable ones', async () => {
    const rows = [];
    for (const q of questions) {
      const hits = await h.archive.search(q.question, { k: 10 });
      const e = measureEvidence(q.question, hits);
      rows.push({ id: q.id, type: q.type, coverage: Number(e.coverage.toFixed(2)), abstained: abstains(q.question, hits) });
    }
    console.table(rows);
    const unanswerable = rows.filter((r) => r.type === 'unanswerable');
    const answerable = rows.filter((r) => r.type !== 'unanswerable');
    expect(unanswerable.length).toBeGreaterThan(0);
    // d031 (zetels, 2018, Amsterdam: coverage 0.33) lacks its key facts and is refused. d030 ("taken van de griffier") is a known
    // miss: "taken" and "gemeenteraad" are all over the archive and only "griffier" is absent, which term overlap
    // alone cannot tell from a paraphrase (see answerDefaults in lib/config.ts).
    expect(rows.find((r) => r.id === 'd031')?.abstained).toBe(true);
    expect(unanswerable.filter((r) => r.abstained).length).toBeGreaterThanOrEqual(unanswerable.length / 2);
    const answeredShare = answerable.filter((r) => !r.abstained).length / answerable.length;
    expect(answeredShare).toBeGreaterThanOrEqual(0.85);
  });

  it('never cites text that is not in the document', async () => {
    for (const q of questions) {
      const hits = await h.archive.search(q.question, { k: 10 });
      const answer = composeAnswer(q.question, hits, { documentText: (id) => h.archive.getDocumentText(id) });
      if (!answer.answered) continue;
      for (const c of answer.citations) expect(h.archive.getDocumentText(c.docId)!.slice(c.start, c.end)).toBe(c.quote);
    }
  });
});
