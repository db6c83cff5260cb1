// The lexical index's saved file: read back as written, and any damage reported rather than trusted.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLexicalFile, saveLexicalFile } from '../../index/lexical-file.ts';
import { LexicalIndex } from '../../index/lexical-index.ts';

function sample(): LexicalIndex {
  const index = new LexicalIndex();
  index.add(7, ['wethouderssocialisme', 'gemeente', 'gemeente']);
  index.add(9, ['begroting', 'gemeente', 'één']); // a term that is more than one byte in UTF-8
  index.add(12, []);
  return index;
}

describe('the lexical index file', () => {
  it('reads back what was saved, with its tag, and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-lexfile-'));
    const snap = sample().snapshot();
    saveLexicalFile(dir, snap, 'generation 3, terms epoch 1');
    const read = readLexicalFile(dir);
    expect(read).toEqual({ snapshot: snap, tag: 'generation 3, terms epoch 1' });
    expect(readdirSync(dir)).toEqual(['lexical.bin']);
    const index = LexicalIndex.fromSnapshot((read as { snapshot: typeof snap }).snapshot);
    expect(index.search([{ term: 'één', weight: 1, source: 'query' }], 3).map((h) => h.id)).toEqual([9]);
  });

  it('is absent, damaged or of another layout: none, or a reason, never a wrong index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-lexfile-'));
    expect(readLexicalFile(dir)).toBeNull();
    saveLexicalFile(dir, sample().snapshot(), 'x');
    const path = join(dir, 'lexical.bin');
    const good = readFileSync(path);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3] ^= 0x20;
    writeFileSync(path, flipped);
    expect(readLexicalFile(dir)).toEqual({ problem: 'checksum differs' });
    writeFileSync(path, good.subarray(0, good.length - 10));
    expect(readLexicalFile(dir)).toMatchObject({ problem: expect.stringMatching(/bytes of data, expected/) });
    writeFileSync(path, 'SQLite format 3');
    expect(readLexicalFile(dir)).toEqual({ problem: 'not a lexical index file' });
    // A file where its folder should be: reported, not thrown.
    expect(readLexicalFile(path)).toMatchObject({ problem: expect.stringMatching(/ENOTDIR/) });
  });
});
