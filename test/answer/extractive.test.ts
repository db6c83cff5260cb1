// The extractive strategy on real text from the bundled corpus/ (no ../shared needed): hits are built by hand from
// the document text, so every expectation about quotes and offsets can be checked exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../answer/extractive.ts';
import { abstains, measureEvidence } from '../../answer/evidence.ts';
import { NO_ANSWER } from '../../answer/types.ts';
import type { Hit } from '../../lib/types.ts';

const DOC = 'corpus-000';
const text = readFileSync(join(import.meta.dirname, '../../corpus/000_ddb77fb8e123a2aa.txt'), 'utf8');

/** A passage-sized hit that starts at the sentence `needle` begins, ranked `rank`, found by the lexical signal. */
function hitAt(needle: string, rank: number, signals: Hit['signals'] = { lexical: { score: 1, rank } }): Hit {
  const start = text.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(' ', start + 600);
  return {
    rank, score: 1 / rank, signals, passageIds: [rank], docId: DOC,
    document: { id: DOC, title: 'Wethoudersland', year: 2018, organisation: 'CLB', fileName: '000_ddb77fb8e123a2aa.txt', pageKind: 'page' },
    text: text.slice(start, end), start, end, pageFirst: 1, pageLast: 1, headingPath: [], highlights: [],
  };
}

const documentText = (id: string) => (id === DOC ? text : null);

describe('composeAnswer (extractive)', () => {
  const hits = [hitAt('Het wethouderssocialisme is daarom nog steeds relevant', 1), hitAt('Aan het wethouderssocialisme kleeft', 2)];

  it('quotes whole sentences of the hits, each cited with offsets into the document text', () => {
    const a = composeAnswer('Is het wethouderssocialisme nog relevant?', hits, { documentText });
    expect(a.answered).toBe(true);
    if (!a.answered) return;
    expect(a.sentences.length).toBeGreaterThan(0);
    for (const c of a.citations) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.quote).toMatch(/^["'‘“(]?[\p{Lu}\p{N}]/u);
    }
    expect(a.answer).toContain('[1]');
    expect(a.sentences.some((s) => /wethouderssocialisme/i.test(s.text))).toBe(true);
  });

  it('drops a citation whose quote does not match the document text', () => {
    const a = composeAnswer('Is het wethouderssocialisme nog relevant?', hits, { documentText: () => 'iets heel anders' });
    expect(a.answered).toBe(false);
    expect(a.answer).toBe(NO_ANSWER);
  });

  it('abstains when the hits hold too little of the question, and shows the closest hits', () => {
    const q = 'Hoeveel kost een parkeervergunning in Maastricht?';
    expect(measureEvidence(q, hits).coverage).toBeLessThan(0.35);
    expect(abstains(q, hits)).toBe(true);
    const a = composeAnswer(q, hits, { documentText });
    expect(a.answered).toBe(false);
    if (!a.answered) expect(a.closest.length).toBeGreaterThan(0);
  });

  it('abstains when only the dense signal found the best hit', () => {
    const denseOnly = hits.map((h) => ({ ...h, signals: { dense: { score: 0.5, rank: h.rank } } }));
    expect(abstains('Is het wethouderssocialisme nog relevant?', denseOnly)).toBe(true);
  });

  it('abstains on no hits at all', () => {
    expect(composeAnswer('Wat is wethouderssocialisme?', [], { documentText }).answered).toBe(false);
  });
});
