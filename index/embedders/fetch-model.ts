// Fetches a pretrained E5 model from a Hugging Face–style hub into the data folder, for users whose machine can
// download one: `raadsarchief fetch-model` writes <data>/models/<owner>/<name>/ and marks it active, so EMBEDDER=e5
// (or auto) loads it without EMBED_MODEL_DIR; `raadsarchief reindex` then re-embeds the archive with it.
// Files arrive as <file>.part and are renamed when complete, so an interrupted download never looks like a model.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveError, describeError } from '../../lib/errors.ts';
import { embedderDefaults } from '../../lib/config.ts';

export interface FetchModelOptions {
  /** Hub model id, "owner/name". */
  model: string;
  /** The data folder: the model goes to <dataDir>/models/<model>. */
  dataDir: string;
  /** Hub base URL; default HF_ENDPOINT, else the public hub. */
  hub?: string;
  /** Prefer the full-precision ONNX file (larger, slower) over the int8 one. */
  fp32?: boolean;
  onFile?: (file: string, bytes: number) => void;
}

export interface FetchedModel {
  dir: string;
  files: { file: string; bytes: number }[];
}

const ACTIVE_FILE = join('models', 'active');
const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const OPTIONAL = ['special_tokens_map.json'];

export async function fetchModel(o: FetchModelOptions): Promise<FetchedModel> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(o.model) || o.model.includes('..')) throw new ArchiveError('ERR_USAGE', `model must be "owner/name", got "${o.model}"`);
  const hub = (o.hub ?? process.env.HF_ENDPOINT ?? embedderDefaults.e5.hub).replace(/\/+$/, '');
  const dir = resolve(o.dataDir, 'models', o.model);
  const files: FetchedModel['files'] = [];
  const get = async (file: string, required: boolean) => {
    const bytes = await download(`${hub}/${o.model}/resolve/main/${file}`, join(dir, file), required);
    if (bytes !== null) {
      files.push({ file, bytes });
      o.onFile?.(file, bytes);
    }
    return bytes !== null;
  };
  for (const f of REQUIRED) await get(f, true);
  for (const f of OPTIONAL) await get(f, false);
  const onnx = o.fp32 ? ['onnx/model.onnx', 'onnx/model_quantized.onnx'] : ['onnx/model_quantized.onnx', 'onnx/model.onnx'];
  if (!(await get(onnx[0], false)) && !(await get(onnx[1], false))) {
    throw new ArchiveError('ERR_MODEL_DOWNLOAD', `${o.model} has neither ${onnx.join(' nor ')} on ${hub}`);
  }
  writeFileSync(join(o.dataDir, ACTIVE_FILE), `${o.model}\n`);
  return { dir, files };
}

/** The model folder `fetch-model` made active in this data folder, or null. */
export function activeModelDir(dataDir: string): string | null {
  const marker = join(dataDir, ACTIVE_FILE);
  if (!existsSync(marker)) return null;
  const dir = resolve(dataDir, 'models', readFileSync(marker, 'utf8').trim());
  return existsSync(dir) && !relative(resolve(dataDir, 'models'), dir).startsWith('..') ? dir : null;
}

/** Downloads url to path (via path.part); the byte count, or null for a 404 that is allowed. */
async function download(url: string, path: string, required: boolean): Promise<number | null> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (e) {
    throw new ArchiveError('ERR_MODEL_DOWNLOAD', `${url}: ${describeError(e)}`);
  }
  if (res.status === 404 && !required) return null;
  if (!res.ok || !res.body) throw new ArchiveError('ERR_MODEL_DOWNLOAD', `${url}: HTTP ${res.status}`);
  mkdirSync(dirname(path), { recursive: true });
  const part = `${path}.part`;
  let bytes = 0;
  const out = createWriteStream(part);
  try {
    const counted = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
    counted.on('data', (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(counted, out);
  } catch (e) {
    // A download cut off early can fail while the file is still being opened: removed before it exists, it would be
    // created after. Remove it once the stream has closed.
    if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()));
    rmSync(part, { force: true });
    throw new ArchiveError('ERR_MODEL_DOWNLOAD', `${url}: ${describeError(e)}`);
  }
  // A compressed response's length is not the file's: only an identity-encoded one is checked.
  const expected = res.headers.get('content-encoding') ? NaN : Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(expected) && expected !== bytes) {
    rmSync(part, { force: true });
    throw new ArchiveError('ERR_MODEL_DOWNLOAD', `${url}: got ${bytes} of ${expected} bytes`);
  }
  renameSync(part, path);
  return bytes;
}
