// Runs the real E5Embedder (transformers.js + onnxruntime-node) on a tiny generated BERT-style model, so its
// loading, prefixing, batching, masked mean pooling and normalisation are tested without downloading weights.
// The model maps every token to a one-hot row (see e5-tiny-model.ts), so expected vectors can be computed
// by hand from the token sequence.
import { mkdtempSync, rmSync, renameSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { E5Embedder } from '../../index/embedders/e5.ts';
import { loadEmbedder } from '../../index/embedders/load.ts';
import { writeTinyE5Model, type TinyModel } from './e5-tiny-model.ts';

const tokenize = (t: string) => t.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

let root: string;
let model: TinyModel;
let e5: E5Embedder;

/** The pooled vector the tiny model should give for this token sequence: normalised count of each token. */
function expected(tokens: string[]): number[] {
  const v = new Array<number>(model.dimension).fill(0);
  for (const t of tokens) {
    const id = model.vocab.indexOf(t);
    if (id < 0) throw new Error(`${t} not in the tiny vocabulary`);
    v[id]! += 1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

function expectClose(actual: Float32Array, want: ArrayLike<number>) {
  expect(actual).toHaveLength(want.length);
  for (let i = 0; i < want.length; i++) expect(actual[i]).toBeCloseTo(want[i]!, 5);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'e5-tiny-'));
  model = writeTinyE5Model(join(root, 'tiny-e5'));
  e5 = await E5Embedder.load({ modelDir: model.dir });
}, 30_000);

afterAll(() => {
  vi.unstubAllEnvs();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the generated tiny ONNX model', () => {
  it('loads in onnxruntime-node and gathers one embedding row per token', async () => {
    const session = await ort.InferenceSession.create(join(model.dir, 'onnx', 'model.onnx'));
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(session.outputNames).toEqual(['last_hidden_state']);
    const ids = BigInt64Array.from([2n, 4n, 3n]);
    const feeds = {
      input_ids: new ort.Tensor('int64', ids, [1, 3]),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n]), [1, 3]),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(3), [1, 3]),
    };
    const { last_hidden_state: h } = await session.run(feeds);
    expect(h!.dims).toEqual([1, 3, model.dimension]);
    const data = h!.data as Float32Array;
    ids.forEach((id, t) => {
      const row = model.embeddings.subarray(Number(id) * model.dimension, (Number(id) + 1) * model.dimension);
      expect(Array.from(data.subarray(t * model.dimension, (t + 1) * model.dimension))).toEqual(Array.from(row));
    });
  });
});

describe('E5Embedder on the tiny model', () => {
  it('loads through transformers.js with the fp32 weights and the config dimension', () => {
    expect(e5.dimension).toBe(model.dimension);
    expect(e5.name).toBe('e5:tiny-e5-fp32');
    expect(e5.version).toBe('tiny-e5-fp32');
  });

  it('embeds a query with the "query: " prefix, [CLS]/[SEP], mean pooling and unit length', async () => {
    const q = await e5.embedQuery('Wie stelt de begroting vast?');
    expect(dot(q, q)).toBeCloseTo(1, 5);
    expectClose(q, expected(['[CLS]', 'query', ':', 'wie', 'stelt', 'de', 'begroting', 'vast', '?', '[SEP]']));
  });

  it('embeds passages with the "passage: " prefix, so query and passage of one text differ', async () => {
    const text = 'De gemeenteraad stelt de begroting vast.';
    const [p] = await e5.embedPassages([text]);
    const q = await e5.embedQuery(text);
    expectClose(p!, expected(['[CLS]', 'passage', ':', 'de', 'gemeenteraad', 'stelt', 'de', 'begroting', 'vast', '.', '[SEP]']));
    expect(p).toHaveLength(e5.dimension);
    expect(dot(p!, p!)).toBeCloseTo(1, 5);
    expect(dot(p!, q)).toBeLessThan(0.99);
    expect(dot(p!, q)).toBeGreaterThan(0.5);
  });

  it('ignores padding: a short text batched with a long one gets the same vector as alone', async () => {
    // [PAD]'s row is large, so any padded position counted in the mean would move the short text's vector.
    const short = 'kort';
    const long = 'een veel langere zin met woorden, van de gemeente en de raad.';
    const [a, b] = await e5.embedPassages([short, long]);
    const [aAlone] = await e5.embedPassages([short]);
    const [bAlone] = await e5.embedPassages([long]);
    expectClose(a!, aAlone!);
    expectClose(b!, bAlone!);
    expectClose(a!, expected(['[CLS]', 'passage', ':', 'kort', '[SEP]']));
  });

  it('scores a passage sharing words with the query above an unrelated one', async () => {
    const q = await e5.embedQuery('Wie stelt de begroting vast?');
    const [related, unrelated] = await e5.embedPassages(['De gemeenteraad stelt de begroting vast.', 'Het weer is vandaag zonnig.']);
    expect(dot(q, related!)).toBeGreaterThan(dot(q, unrelated!) + 0.2);
  });

  it('batches passages, reports progress per batch, and keeps results independent of the batch size', async () => {
    const progress: [number, number][] = [];
    const small = await E5Embedder.load({ modelDir: model.dir, batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    const texts = ['kort', 'De gemeenteraad stelt de begroting vast.', 'Het weer is vandaag zonnig.', 'regen morgen', 'de bakkers en het brood'];
    const batched = await small.embedPassages(texts);
    const together = await e5.embedPassages(texts);
    expect(progress).toEqual([[2, 5], [4, 5], [5, 5]]);
    expect(batched).toHaveLength(texts.length);
    batched.forEach((v, i) => expectClose(v, together[i]!));
    // WordPiece continuation pieces come through the real tokenizer: bakkers = bakker ##s.
    expectClose(batched[4]!, expected(['[CLS]', 'passage', ':', 'de', 'bakker', '##s', 'en', 'het', 'brood', '[SEP]']));
  });

  it('falls back to the quantized file name (q8) when onnx/model.onnx is absent', async () => {
    const dir = join(root, 'tiny-e5-q');
    cpSync(model.dir, dir, { recursive: true });
    renameSync(join(dir, 'onnx', 'model.onnx'), join(dir, 'onnx', 'model_quantized.onnx'));
    const q8 = await E5Embedder.load({ modelDir: dir });
    expect(q8.name).toBe('e5:tiny-e5-q-q8');
    expectClose(await q8.embedQuery('kort'), expected(['[CLS]', 'query', ':', 'kort', '[SEP]']));
  });

  it('fails with ERR_MODEL_UNAVAILABLE when a required file is missing', async () => {
    const dir = join(root, 'tiny-e5-broken');
    cpSync(model.dir, dir, { recursive: true });
    rmSync(join(dir, 'tokenizer.json'));
    await expect(E5Embedder.load({ modelDir: dir })).rejects.toMatchObject({ code: 'ERR_MODEL_UNAVAILABLE' });
  });
});

describe('loadEmbedder with the tiny model', () => {
  it('returns the E5 embedder for preference e5, with a note naming it', async () => {
    const { embedder, note } = await loadEmbedder({ preference: 'e5', stateDir: root, tokenize, modelDir: model.dir });
    expect(embedder).toBeInstanceOf(E5Embedder);
    expect(embedder.name).toBe('e5:tiny-e5-fp32');
    expect(note).toContain('e5:tiny-e5-fp32');
    expect(note).toContain(resolve(model.dir));
  });

  it('picks E5 for preference auto, from modelDir and from EMBED_MODEL_DIR', async () => {
    const fromOpt = await loadEmbedder({ preference: 'auto', stateDir: root, tokenize, modelDir: model.dir });
    expect(fromOpt.embedder).toBeInstanceOf(E5Embedder);
    vi.stubEnv('EMBED_MODEL_DIR', model.dir);
    const fromEnv = await loadEmbedder({ preference: 'auto', stateDir: root, tokenize });
    expect(fromEnv.embedder).toBeInstanceOf(E5Embedder);
    expect(fromEnv.note).toContain('e5:tiny-e5-fp32');
    const q = await fromEnv.embedder.embedQuery('kort');
    expectClose(q, expected(['[CLS]', 'query', ':', 'kort', '[SEP]']));
  });
});
