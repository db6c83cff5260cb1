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

  it('reports a header of the wrong shape, a changed tag and contents no index writes, rather than throwing or trusting them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raadsarchief-lexfile-'));
    const path = join(dir, 'lexical.bin');
    saveLexicalFile(dir, sample().snapshot(), 'generation 12, terms epoch 1');
    const good = readFileSync(path);
    const jsonLength = good.readUInt32LE(6);
    const withHeader = (json: string) => {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(Buffer.byteLength(json));
      writeFileSync(path, Buffer.concat([good.subarray(0, 6), length, Buffer.from(json), good.subarray(10 + jsonLength)]));
      return readLexicalFile(dir);
    };
    const header = good.toString('utf8', 10, 10 + jsonLength);
    expect(withHeader('null')).toEqual({ problem: 'header unreadable' });
    expect(withHeader(header.replace(/"rows":\d+/, '"rows":0.5'))).toEqual({ problem: 'header unreadable' });
    // The checksum covers the tag: a file cannot come to claim another generation.
    expect(withHeader(header.replace('generation 12', 'generation 13'))).toEqual({ problem: 'checksum differs' });
    // Well written, but not what an index holds: a passage twice, a term twice, a term frequency of 0.
    const snap = sample().snapshot();
    for (const bad of [{ ...snap, ids: Int32Array.from([7, 7, 12]) }, { ...snap, terms: snap.terms.map((t, i) => (i === 1 ? snap.terms[0] : t)) },
      { ...snap, postTfs: snap.postTfs.map((tf, i) => (i === 0 ? 0 : tf)) }]) {
      saveLexicalFile(dir, bad, 'x');
      expect(readLexicalFile(dir)).toEqual({ problem: 'inconsistent contents' });
    }
  });
});
