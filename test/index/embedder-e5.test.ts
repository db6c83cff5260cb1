import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { E5Embedder, E5_PASSAGE_PREFIX, E5_QUERY_PREFIX, meanPool } from '../../index/embedders/e5.ts';

describe('E5 pooling', () => {
  it('averages only the unmasked tokens and L2-normalises each sequence', () => {
    // batch 2, 3 tokens, width 2; the second sequence has one padding token with a large vector.
    const hidden = Float32Array.from([1, 0, 3, 0, 5, 0, 0, 2, 0, 4, 100, 100]);
    const mask = BigInt64Array.from([1n, 1n, 1n, 1n, 1n, 0n]);
    const [a, b] = meanPool(hidden, [2, 3, 2], mask);
    expect(Array.from(a!)).toEqual([1, 0]);
    expect(Array.from(b!)).toEqual([0, 1]);
  });

  it('keeps an all-padding sequence at zero instead of NaN', () => {
    const [v] = meanPool(Float32Array.from([1, 2]), [1, 1, 2], [0]);
    expect(Array.from(v!)).toEqual([0, 0]);
  });

  it('uses the prefixes E5 was trained with', () => {
    expect([E5_QUERY_PREFIX, E5_PASSAGE_PREFIX]).toEqual(['query: ', 'passage: ']);
  });
});

const modelDir = process.env.EMBED_MODEL_DIR;
if (!modelDir || !existsSync(modelDir)) console.warn('skipping the real E5 model test: set EMBED_MODEL_DIR to a local multilingual-e5 folder');

describe.skipIf(!modelDir || !existsSync(modelDir))('E5 with a real local model', () => {
  it('embeds queries and passages as unit vectors; a matching passage scores higher', async () => {
    const e5 = await E5Embedder.load({ modelDir: modelDir! });
    const [p1, p2] = await e5.embedPassages(['De gemeenteraad stelt de begroting vast.', 'Het weer is vandaag zonnig.']);
    const q = await e5.embedQuery('Wie stelt de begroting vast?');
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(q).toHaveLength(e5.dimension);
    expect(dot(q, q)).toBeCloseTo(1, 4);
    expect(dot(q, p1!)).toBeGreaterThan(dot(q, p2!));
  }, 120_000);
});
