import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../eval/normalise.ts';
import { matchesQuote, relevanceUnits, unitsFoundBy } from '../../eval/relevance.ts';
import { loadQuestions } from '../../eval/qrels.ts';
import { corpusDir, devSet, haveDev, missingDev } from './shared-data.ts';

const quote = 'de wethouder vormt de kern van het lokale bestuur in nederland'; // 11 words, m = 9

describe('matchesQuote', () => {
  it('matches exact containment on word boundaries', () => {
    expect(matchesQuote(`sinds de oorlog ${quote} al lang`, quote)).toBe(true);
    expect(matchesQuote('het lokale bestuur', 'lokale bestuur')).toBe(true);
    // "bestuur" inside "bestuursrecht" is not a word-boundary match
    expect(matchesQuote('het lokale bestuursrecht', 'lokale bestuur')).toBe(false);
  });

  it('matches a contiguous run of ceil(0.8 n) quote words (a quote cut at a chunk boundary)', () => {
    const words = quote.split(' ');
    expect(matchesQuote(words.slice(0, 9).join(' '), quote)).toBe(true); // 9 of 11 from the start
    expect(matchesQuote(words.slice(2).join(' '), quote)).toBe(true); // 9 of 11 at the end
    expect(matchesQuote(words.slice(0, 8).join(' '), quote)).toBe(false); // 8 < 9
    // 9 words present but not contiguous
    expect(matchesQuote([...words.slice(0, 5), 'zeker', ...words.slice(5, 9)].join(' '), quote)).toBe(false);
  });

  it('matches across a line-break hyphenation once both sides are normalised', () => {
    const passage = normalise('Aan het wethouders-\nsocialisme kleeft een beetje het romantische beeld');
    expect(matchesQuote(passage, normalise('Aan het wethouderssocialisme kleeft een beetje'))).toBe(true);
  });
});

describe('relevance units', () => {
  const hit = (doc: string, text: string) => ({ doc, text, score: 1 });

  it('treats alternative quotes as one unit, found by any of them, only in the quote document', () => {
    const units = relevanceUnits({
      type: 'fact',
      relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma delta epsilon' }, { doc: 'b.txt', quote: 'zeta eta theta iota kappa' }],
    });
    expect(units).toHaveLength(1);
    expect(unitsFoundBy(hit('b.txt', 'x zeta eta theta iota kappa y'), units)).toEqual([0]);
    expect(unitsFoundBy(hit('b', 'zeta eta theta iota kappa'), units)).toEqual([0]);
    expect(unitsFoundBy(hit('a.txt', 'zeta eta theta iota kappa'), units)).toEqual([]); // right words, wrong document
  });

  it('gives multi questions one unit per required quote', () => {
    const units = relevanceUnits({
      type: 'multi',
      relevant: [{ doc: 'a.txt', quote: 'alpha beta gamma delta epsilon' }, { doc: 'b.txt', quote: 'zeta eta theta iota kappa' }],
    });
    expect(units).toHaveLength(2);
    expect(unitsFoundBy(hit('b.txt', 'zeta eta theta iota kappa'), units)).toEqual([1]);
  });

  it('gives document-level questions one unit per distinct document, any passage of it relevant', () => {
    const units = relevanceUnits({ type: 'legal', relevant: [{ doc: 'DOC1' }, { doc: 'DOC2.txt' }, { doc: 'DOC1.txt' }] });
    expect(units).toHaveLength(2);
    expect(unitsFoundBy(hit('DOC2.txt', 'whatever'), units)).toEqual([1]);
    expect(unitsFoundBy(hit('DOC3.txt', 'whatever'), units)).toEqual([]);
  });

  it('has no units for an unanswerable question', () => {
    expect(relevanceUnits({ type: 'unanswerable', relevant: [] })).toEqual([]);
  });
});

describe.skipIf(!haveDev)('dev set sanity', () => {
  it('every dev quote, normalised, occurs on word boundaries in its normalised document', () => {
    const questions = loadQuestions(devSet!);
    expect(questions).toHaveLength(31);
    const docs = new Map<string, string>();
    let quotes = 0;
    for (const q of questions) {
      for (const r of q.relevant) {
        if (!docs.has(r.doc)) docs.set(r.doc, normalise(readFileSync(join(corpusDir!, r.doc), 'utf8')));
        expect(` ${docs.get(r.doc)} `, `${q.id}: ${r.quote}`).toContain(` ${normalise(r.quote!)} `);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(31);
  });
});
if (!haveDev) console.warn(missingDev);
