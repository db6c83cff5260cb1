// Pretrained multilingual E5 (recommended: Xenova/multilingual-e5-small) through @huggingface/transformers,
// loaded only from a local folder: no weights are downloaded unless the caller explicitly allows it.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ArchiveError } from '../../lib/errors.ts';
import type { Embedder } from '../types.ts';

export interface E5Options {
  /** Folder holding config.json, tokenizer.json and onnx/model.onnx (or onnx/model_quantized.onnx). */
  modelDir: string;
  batchSize?: number;
  /** Called after each batch of passages. */
  onProgress?: (done: number, total: number) => void;
  /** Default false: the machine may be offline, and a silent 470 MB download is not wanted either. */
  allowRemote?: boolean;
}

/** Mean of the token vectors of each sequence over its attention mask, L2-normalised (E5's pooling). */
export function meanPool(hidden: Float32Array, dims: readonly number[], mask: ArrayLike<number | bigint>): Float32Array[] {
  const [batch, tokens, width] = dims as [number, number, number];
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(width);
    let n = 0;
    for (let t = 0; t < tokens; t++) {
      if (Number(mask[b * tokens + t]) === 0) continue;
      n++;
      const o = (b * tokens + t) * width;
      for (let j = 0; j < width; j++) v[j]! += hidden[o + j]!;
    }
    let norm = 0;
    for (let j = 0; j < width; j++) norm += v[j]! * v[j]!;
    // The mean's direction equals the sum's; only the unit vector is kept.
    const inv = n > 0 && norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < width; j++) v[j]! *= inv;
    out.push(v);
  }
  return out;
}

/** E5 was trained with these prefixes; without them retrieval quality drops. */
export const E5_QUERY_PREFIX = 'query: ';
export const E5_PASSAGE_PREFIX = 'passage: ';

interface Tokenizer {
  (texts: string[], opts: { padding: boolean; truncation: boolean; max_length?: number }): Record<string, { data: ArrayLike<number | bigint> }>;
}
interface Model {
  (inputs: Record<string, unknown>): Promise<{ last_hidden_state: { data: Float32Array; dims: number[] } }>;
  config: { hidden_size?: number; _name_or_path?: string };
}

export class E5Embedder implements Embedder {
  readonly name: string;
  readonly dimension: number;
  readonly version: string;
  private readonly batchSize: number;
  private readonly onProgress?: (done: number, total: number) => void;

  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    id: string,
    dimension: number,
    opts: E5Options,
  ) {
    this.name = `e5:${id}`;
    this.dimension = dimension;
    this.version = id;
    this.batchSize = opts.batchSize ?? 16;
    this.onProgress = opts.onProgress;
  }

  /** Loads tokenizer and ONNX model from `modelDir`; ERR_MODEL_UNAVAILABLE with the reason when it cannot. */
  static async load(opts: E5Options): Promise<E5Embedder> {
    const dir = resolve(opts.modelDir);
    const onnxDir = join(dir, 'onnx');
    if (!opts.allowRemote) {
      for (const f of ['config.json', 'tokenizer.json']) {
        if (!existsSync(join(dir, f))) throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `${f} missing in ${dir}`);
      }
      if (!existsSync(join(onnxDir, 'model.onnx')) && !existsSync(join(onnxDir, 'model_quantized.onnx'))) {
        throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `no onnx/model.onnx or onnx/model_quantized.onnx in ${dir}`);
      }
    }
    let transformers: typeof import('@huggingface/transformers');
    try {
      transformers = await import('@huggingface/transformers');
    } catch (e) {
      throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `@huggingface/transformers cannot load (${(e as Error).message})`);
    }
    const { env, AutoTokenizer, AutoModel } = transformers;
    env.allowRemoteModels = opts.allowRemote ?? false;
    env.allowLocalModels = true;
    // transformers.js resolves a model id against localModelPath, so the folder's parent is that path.
    env.localModelPath = dirname(dir) + '/';
    const id = basename(dir);
    const dtype = existsSync(join(onnxDir, 'model.onnx')) ? 'fp32' : 'q8';
    try {
      const tokenizer = (await AutoTokenizer.from_pretrained(id)) as unknown as Tokenizer;
      const model = (await AutoModel.from_pretrained(id, { dtype })) as unknown as Model;
      const dimension = model.config.hidden_size;
      if (!dimension) throw new Error('config.json has no hidden_size');
      return new E5Embedder(tokenizer, model, `${id}-${dtype}`, dimension, opts);
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `cannot load ${dir} (${(e as Error).message})`);
    }
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.run(texts.slice(i, i + this.batchSize).map((t) => E5_PASSAGE_PREFIX + t))));
      this.onProgress?.(out.length, texts.length);
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return (await this.run([E5_QUERY_PREFIX + text]))[0]!;
  }

  private async run(texts: string[]): Promise<Float32Array[]> {
    // 512 tokens is E5's position limit; longer passages are truncated rather than failing.
    const inputs = this.tokenizer(texts, { padding: true, truncation: true, max_length: 512 });
    const { last_hidden_state: h } = await this.model(inputs);
    return meanPool(h.data, h.dims, inputs.attention_mask!.data);
  }
}
