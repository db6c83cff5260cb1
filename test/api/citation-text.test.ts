import { describe, expect, it } from 'vitest';
import { citationText } from '../../api/export/citation.ts';

const source = { docId: 'gpv_1989', title: 'Verkiezingsprogramma', organisation: null, year: 1989, pageFirst: 3, pageLast: 4, start: 0, end: 10, quote: 'x' };

describe('citationText', () => {
  it('says whose words: the organisation, or the file name where the metadata has none', () => {
    expect(citationText({ ...source, organisation: 'GPV' })).toBe('Verkiezingsprogramma, GPV, 1989, p. 3–4.');
    expect(citationText({ ...source, fileName: 'GPV_1989.txt' })).toBe('Verkiezingsprogramma, GPV_1989.txt, 1989, p. 3–4.');
    expect(citationText({ ...source, year: null, pageLast: 3 })).toBe('Verkiezingsprogramma, p. 3.');
  });
});
