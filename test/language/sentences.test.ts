// Sentence spans for quoting: exact offsets into the text, robust to the line breaks PDF extraction leaves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../language/sentences.ts';
import { contentTerms } from '../../language/content-terms.ts';
import { corpusFiles } from '../corpus.ts';


describe('splitSentences', () => {
  it('keeps sentences broken across blank lines whole, and splits headings off', () => {
    const text = 'Samenlevingsbeeld\n\nDe burger mag vertrouwen op een\n\noverheid die zorgt. Het begrip wethouders -\n\nsocialisme leeft o.a. in Amsterdam.';
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'Samenlevingsbeeld',
      'De burger mag vertrouwen op een\n\noverheid die zorgt.',
      'Het begrip wethouders -\n\nsocialisme leeft o.a. in Amsterdam.',
    ]);
  });

  it('gives ordered, trimmed, non-overlapping spans over every corpus text', () => {
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      const spans = splitSentences(text);
      expect(spans.length).toBeGreaterThan(10);
      let last = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        const t = text.slice(s.start, s.end);
        expect(t).toBe(t.trim());
        expect(t.length).toBeGreaterThan(0);
        last = s.end;
      }
    }
  });
});

describe('contentTerms', () => {
  it('drops question frame words and keeps what the question is about', () => {
    expect(contentTerms('Wat wordt bedoeld met Nederland als \'wethoudersland\'?')).toEqual(['nederland', 'wethoudersland']);
    expect(contentTerms('Hoeveel zetels haalde de PvdA in 2018?')).toEqual(['zetels', 'haalde', 'pvda', '2018']);
  });
});
