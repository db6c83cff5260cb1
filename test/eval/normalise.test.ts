import { describe, expect, it } from 'vitest';
import { docKey, normalise } from '../../eval/normalise.ts';

describe('normalise (README steps 1-5)', () => {
  it('applies NFKC, so superscript footnote markers and ligatures become plain characters', () => {
    expect(normalise('wethouders¹ ﬁnanciën')).toBe('wethouders1 financiën');
  });

  it('lower-cases', () => {
    expect(normalise('De Wethoudersvereniging')).toBe('de wethoudersvereniging');
  });

  it('joins words hyphenated across a line break between letters', () => {
    expect(normalise('wethouders -\n\nsocialisme')).toBe('wethouderssocialisme');
    expect(normalise('wethouders-\nsocialisme')).toBe('wethouderssocialisme');
    expect(normalise('wethouders- \n  socialisme')).toBe('wethouderssocialisme');
  });

  it('keeps a hyphen without a line break, or between digits, as a word break', () => {
    expect(normalise('sociaal-democratisch')).toBe('sociaal democratisch');
    expect(normalise('2020-\n2021')).toBe('2020 2021');
  });

  it('turns each run of non-letters/digits into one space and trims', () => {
    expect(normalise("  Het is een echt 'wethoudersland'. De_wethouder… ")).toBe('het is een echt wethoudersland de wethouder');
  });
});

describe('docKey', () => {
  it('names a document with or without its extension', () => {
    expect(docKey('DOC4358')).toBe('DOC4358');
    expect(docKey('DOC4358.txt')).toBe('DOC4358');
    expect(docKey('000_ddb77fb8e123a2aa.txt')).toBe('000_ddb77fb8e123a2aa');
  });
});
