import { describe, expect, it } from 'vitest';
import { loadQuestions, parseQuestions } from '../../eval/qrels.ts';
import { devSet, haveDev, haveLegal, legalDir, missingDev, missingLegal } from './shared-data.ts';
import { join } from 'node:path';

const good = '{"id":"q1","question":"Wat?","type":"fact","answer":"x","relevant":[{"doc":"a.txt","quote":"een twee drie"}]}';

describe('parseQuestions', () => {
  it('reads passage-level and document-level entries, skipping blank lines', () => {
    const qs = parseQuestions(`${good}\n\n{"id":"q2","question":"Hoe?","type":"legal","relevant":[{"doc":"DOC1"}]}\n`, 'x.jsonl');
    expect(qs).toHaveLength(2);
    expect(qs[1]).toEqual({ id: 'q2', question: 'Hoe?', type: 'legal', answer: '', relevant: [{ doc: 'DOC1' }] });
  });

  it('names file:line and the field of a bad line', () => {
    const bad = '{"id":"q2","question":"Hoe?","type":"fact","relevant":[{"quote":"zonder doc"}]}';
    expect(() => parseQuestions(`${good}\n${bad}`, 'set.jsonl')).toThrow(/set\.jsonl:2: field "relevant\.0\.doc"/);
    expect(() => parseQuestions('{"id": 1}', 'set.jsonl')).toThrow(/set\.jsonl:1: field "id"/);
    expect(() => parseQuestions('{nope', 'set.jsonl')).toThrow(/set\.jsonl:1: not valid JSON/);
  });

  it('refuses duplicate ids and answerable questions without relevant entries', () => {
    expect(() => parseQuestions(`${good}\n${good}`, 's')).toThrow(/s:2: field "id": duplicate/);
    expect(() => parseQuestions('{"id":"q","question":"?","type":"fact","relevant":[]}', 's')).toThrow(/field "relevant"/);
    expect(parseQuestions('{"id":"q","question":"?","type":"unanswerable","relevant":[]}', 's')).toHaveLength(1);
  });
});

describe.skipIf(!haveDev)('dev set', () => {
  it('loads all 31 questions with every type', () => {
    const qs = loadQuestions(devSet!);
    expect(qs).toHaveLength(31);
    expect(new Set(qs.map((q) => q.type))).toEqual(new Set(['definition', 'fact', 'paraphrase', 'list', 'multi', 'unanswerable']));
  });
});

describe.skipIf(!haveLegal)('LegalQA-NL', () => {
  it('loads 102 document-level questions', () => {
    const qs = loadQuestions(join(legalDir!, 'qrels.jsonl'));
    expect(qs).toHaveLength(102);
    expect(qs.every((q) => q.relevant.every((r) => r.quote === undefined))).toBe(true);
  });
});
if (!haveDev) console.warn(missingDev);
if (!haveLegal) console.warn(missingLegal);
