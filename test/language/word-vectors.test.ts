// The shipped Dutch word vectors: the build core on a tiny hand-made .vec (no shared folder needed), the file in the
// repository, and — when ../shared/models is present — that file against its float32 source.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../index/embedders/linalg.ts';
import { buildWordVectorFile, parseVec, quantise, serialise } from '../../tools/word-vectors/core.ts';
import { decodeHeader } from '../../language/word-vectors/format.ts';
import { cosineError } from '../../tools/word-vectors/measure.ts';
import { defaultSource, readSource } from '../../tools/word-vectors/build.ts';
import {
  compositionWeights,
  DEFAULT_VECTORS_PATH,
  loadWordVectors,
  wordVectorsFromBytes,
} from '../../language/word-vectors.ts';

const SHA = 'ab'.repeat(32);
const DIM = 16;

/** A small word2vec text: random vectors (seeded), plus the things the build must skip. */
function tinyVec(): { text: string; vectors: Map<string, number[]> } {
  const rand = seededRandom(7);
  const words = ['de', 'gemeente', 'raad', 'gemeenteraad', 'verkiezingen', 'crèche', 'kinderopvang', 'salaris'];
  const vectors = new Map(words.map((w) => [w, Array.from({ length: DIM }, () => Number((rand() * 2 - 1).toFixed(5)))]));
  // A near-duplicate of "kinderopvang", so nearest() has a clear answer.
  vectors.set('opvang', vectors.get('kinderopvang')!.map((x, i) => Number((x + (i % 2 ? 0.05 : -0.05)).toFixed(5))));
  const line = (w: string, v: number[]) => `${w} ${v.join(' ')}`;
  const lines = [...vectors].map(([w, v]) => line(w, v));
  lines.splice(1, 0, line('</s>', vectors.get('de')!)); // fastText's end-of-line token
  lines.push(line('Hoofdletter', vectors.get('de')!), line('raad', vectors.get('de')!), line('nul', Array(DIM).fill(0)));
  return { text: `${lines.length} ${DIM}\n${lines.join('\n')}\n`, vectors };
}

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
  return dot / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
}

// The tiny file, built once and loaded through the file system like the shipped one.
const dir = mkdtempSync(join(tmpdir(), 'wordvec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { text, vectors } = tinyVec();
const bytes = buildWordVectorFile(text, { words: 100, quantisation: 'maxabs', sourceSha256: SHA });
writeFileSync(join(dir, 'tiny.q8.bin'), bytes);
const wv = loadWordVectors(join(dir, 'tiny.q8.bin'));

describe('word-vector build core on a tiny .vec', () => {
  it('keeps the usable words in file order, skipping </s>, capitals, repeats and zero vectors', () => {
    expect(wv.words).toEqual([...vectors.keys()]);
    expect(wv.dim).toBe(DIM);
    expect(wv.sourceSha256).toBe(SHA);
    expect(parseVec(text, 3).words).toEqual(['de', 'gemeente', 'raad']);
  });

  it('writes the same bytes for the same input', () => {
    const again = buildWordVectorFile(text, { words: 100, quantisation: 'maxabs', sourceSha256: SHA });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    expect(decodeHeader(bytes)).toMatchObject({ count: vectors.size, dim: DIM, quantisation: 'maxabs' });
  });

  it('round-trips cosines within the int8 error, and maxabs beats unit scaling', () => {
    const unit = wordVectorsFromBytes(buildWordVectorFile(text, { words: 100, quantisation: 'unit', sourceSha256: SHA }));
    const words = [...vectors.keys()];
    let errMaxabs = 0;
    let errUnit = 0;
    for (const a of words) {
      for (const b of words) {
        const exact = cosine(vectors.get(a)!, vectors.get(b)!);
        expect(Math.abs(wv.similarity(a, b)! - exact)).toBeLessThan(0.01);
        errMaxabs += Math.abs(wv.similarity(a, b)! - exact);
        errUnit += Math.abs(unit.similarity(a, b)! - exact);
      }
    }
    expect(errMaxabs).toBeLessThan(errUnit);
  });

  it('refuses files that are not word-vector files or are cut short', () => {
    const notVectors = new TextEncoder().encode('not a word-vector file'.repeat(4));
    expect(() => wordVectorsFromBytes(notVectors)).toThrow(/magic/);
    expect(() => wordVectorsFromBytes(bytes.subarray(0, 10))).toThrow(/too short/);
    expect(() => wordVectorsFromBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/size/);
    expect(() => serialise(quantise(parseVec(text, 2), 'unit'), 'not-a-sha')).toThrow(/sha256/);
  });
});

describe('word-vector loader on the tiny file', () => {
  it('returns unit vectors, tries the lower-cased NFC form, and null for unknown words', () => {
    const v = wv.vector('gemeente')!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(wv.vector('Gemeente')).toEqual(v);
    expect(wv.has('CRE\u0300CHE')).toBe(true); // decomposed accent, capitals
    expect(wv.vector('onbekend')).toBeNull();
    expect(wv.similarity('gemeente', 'onbekend')).toBeNull();
    expect(wv.has('</s>')).toBe(false);
  });

  it('finds nearest neighbours by brute force', () => {
    expect(wv.nearest('kinderopvang', 1)[0]!.word).toBe('opvang');
    const all = wv.nearest('de', 100);
    expect(all).toHaveLength(vectors.size - 1);
    expect(all.map((n) => n.similarity)).toEqual([...all.map((n) => n.similarity)].sort((a, b) => b - a));
    expect(wv.nearest('onbekend')).toEqual([]);
  });

  it('composes unknown compounds from the longest non-overlapping known parts, weighted by length', () => {
    expect(wv.composed('gemeente', ['ge', 'meente'])).toEqual(wv.vector('gemeente'));
    expect(wv.composed('xyzzy', ['xy', 'zzy'])).toBeNull();
    const parts = ['gemeenteraad', 'gemeente', 'raad', 'verkiezingen'];
    expect(compositionWeights('gemeenteraadsverkiezingen', parts)).toEqual([
      { part: 'gemeenteraad', weight: 12 },
      { part: 'verkiezingen', weight: 12 },
    ]);
    expect(compositionWeights('gemeenteraadsverkiezingen', ['gemeente', 'raad', 'verkiezingen']).map((c) => c.part)).toEqual([
      'verkiezingen',
      'gemeente',
      'raad',
    ]);
    const got = wv.composed('Gemeenteraadsverkiezingen', [...parts, 'onbekend'])!;
    const a = wv.vector('gemeenteraad')!;
    const b = wv.vector('verkiezingen')!;
    const sum = a.map((x, i) => x + b[i]!);
    const norm = Math.hypot(...sum);
    got.forEach((x, i) => expect(x).toBeCloseTo(sum[i]! / norm, 5));
  });
});

describe('the shipped word vectors', () => {
  const shipped = loadWordVectors();

  it('live inside the repository, within the size budget, with enough words', () => {
    expect(relative(join(import.meta.dirname, '../..'), DEFAULT_VECTORS_PATH)).toBe('language/word-vectors/nl-gov-d100.q8.bin');
    expect(statSync(DEFAULT_VECTORS_PATH).size).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(shipped.size).toBeGreaterThanOrEqual(50_000);
    expect(shipped.dim).toBe(100);
  });

  it('load quickly (measured ~35 ms; the bound only catches a gross regression on a busy machine)', () => {
    const t0 = performance.now();
    wordVectorsFromBytes(readFileSync(DEFAULT_VECTORS_PATH));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('relate paraphrases well above random word pairs', () => {
    const rand = seededRandom(3);
    let sum = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) sum += shipped.similarity(shipped.words[Math.floor(rand() * shipped.size)]!, shipped.words[Math.floor(rand() * shipped.size)]!)!;
    const randomMean = sum / n;
    expect(randomMean).toBeGreaterThan(0.15);
    expect(randomMean).toBeLessThan(0.35);
    expect(shipped.similarity('salaris', 'bezoldiging')!).toBeGreaterThan(0.6);
    const creche = ['crèche', 'creche', 'crèches'].find((w) => shipped.has(w))!;
    expect(creche).toBeDefined();
    expect(shipped.similarity('kinderopvang', creche)!).toBeGreaterThan(randomMean + 0.25);
  });
});

const source = defaultSource();
const haveSource = source !== null && existsSync(source);
if (!haveSource) console.warn('skipping word vectors vs source: ../shared/models/nl-fasttext-gov-d100 not found (set RAADSARCHIEF_SHARED)');

describe.skipIf(!haveSource)('the shipped word vectors against their float32 source', () => {
  it('were built from that file and match its cosines within the measured int8 error', () => {
    const { text, sha256 } = readSource(source!);
    expect(createHash('sha256').update(readFileSync(source!)).digest('hex')).toBe(sha256);
    const shipped = loadWordVectors();
    expect(shipped.sourceSha256).toBe(sha256);
    // The first 5,000 words: the same rows as the file's first 5,000 (no re-parse of all 60k needed).
    const f = parseVec(text, 5000);
    expect(shipped.words.slice(0, 5000)).toEqual(f.words);
    // Build measured mean 0.00068, p99 0.0022, max 0.0044 over 100k pairs of all kept words.
    const err = cosineError(f, shipped, 20_000, 11);
    expect(err.meanAbs).toBeLessThan(0.001);
    expect(err.maxAbs).toBeLessThan(0.006);
  });
});
