// The committed question sets (eval/sets/*.jsonl) keep the format rules of eval/sets/README.md; whether each quote
// occurs in its document is eval/sets/verify.ts's job (it needs ../shared and parses every PDF).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../eval/qrels.ts';
import { normalise } from '../../eval/normalise.ts';

const DIR = resolve(import.meta.dirname, '../../eval/sets');
const SETS = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));
const TYPES = ['definition', 'fact', 'list', 'paraphrase', 'multi', 'unanswerable'];

describe('committed question sets', () => {
  it('are all found', () => expect(SETS.length).toBeGreaterThanOrEqual(11));

  it.each(SETS)('%s: types, quotes of 6-25 words, unanswerable ones without relevance, ids unique over all sets', (file) => {
    const all = new Set(SETS.filter((f) => f !== file).flatMap((f) => loadQuestions(join(DIR, f)).map((q) => q.id)));
    const questions = loadQuestions(join(DIR, file));
    expect(questions.some((q) => q.type === 'unanswerable')).toBe(true);
    for (const q of questions) {
      expect(all.has(q.id), q.id).toBe(false);
      expect(TYPES, q.id).toContain(q.type);
      expect(q.relevant.length === 0, q.id).toBe(q.type === 'unanswerable');
      if (q.type === 'multi') expect(q.relevant.length, q.id).toBeGreaterThanOrEqual(2);
      for (const r of q.relevant) {
        const words = normalise(r.quote ?? '').split(' ').filter(Boolean).length;
        expect(words, `${q.id}: ${r.quote}`).toBeGreaterThanOrEqual(6);
        expect(words, `${q.id}: ${r.quote}`).toBeLessThanOrEqual(25);
      }
    }
  });
});
