// Picks the active embedder: pretrained E5 when a model folder is present (and wanted), else the built-in
// one fitted on the archive. The note says which is active and why, for status output.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArchiveError, describeError } from '../../lib/errors.ts';
import type { Embedder } from '../types.ts';
import { BuiltinEmbedder, type Tokenize } from './builtin.ts';
import { E5Embedder } from './e5.ts';
import { activeModelDir } from './fetch-model.ts';

export interface LoadEmbedderOptions {
  preference: 'builtin' | 'e5' | 'auto';
  /** The data dir; the built-in embedder's state lives in `<stateDir>/embedder/builtin.msgpack`. */
  stateDir: string;
  tokenize: Tokenize;
  /** E5 model folder; defaults to the EMBED_MODEL_DIR env, else the model `fetch-model` put in the data folder. */
  modelDir?: string;
  /** Lexicon for the built-in embedder's retrofitting; undefined: lexiconDir(); null: none. */
  lexiconDir?: string | null;
}

export const BUILTIN_STATE_FILE = join('embedder', 'builtin.msgpack');

/**
 * `e5` fails (ERR_MODEL_UNAVAILABLE) when the model cannot be loaded; `auto` falls back to the built-in
 * embedder. A built-in embedder without saved state is returned unfitted: the caller fits it on the archive.
 */
export async function loadEmbedder(opts: LoadEmbedderOptions): Promise<{ embedder: Embedder; note: string }> {
  const modelDir = opts.modelDir ?? process.env.EMBED_MODEL_DIR ?? activeModelDir(opts.stateDir) ?? undefined;
  let fallbackReason = 'EMBEDDER=builtin';
  if (opts.preference !== 'builtin') {
    if (!modelDir && opts.preference === 'e5') {
      throw new ArchiveError('ERR_MODEL_UNAVAILABLE', 'EMBEDDER=e5 but EMBED_MODEL_DIR is not set and no model was fetched (raadsarchief fetch-model)');
    }
    if (modelDir) {
      try {
        const e5 = await E5Embedder.load({ modelDir });
        return { embedder: e5, note: `embedder: ${e5.name} (pretrained, from ${resolve(modelDir)})` };
      } catch (e) {
        if (opts.preference === 'e5') throw e;
        fallbackReason = `E5 not loadable: ${describeError(e)}`;
      }
    } else {
      fallbackReason = 'no pretrained model (EMBED_MODEL_DIR not set)';
    }
  }
  const statePath = join(opts.stateDir, BUILTIN_STATE_FILE);
  if (existsSync(statePath)) {
    try {
      const b = BuiltinEmbedder.load(readFileSync(statePath), opts.tokenize, statePath);
      return { embedder: b, note: `embedder: ${b.name} ${b.version} (fitted on this archive; ${fallbackReason})` };
    } catch (e) {
      fallbackReason += `; saved state unusable (${describeError(e)}), refit needed`;
    }
  }
  const b = new BuiltinEmbedder({ tokenize: opts.tokenize, statePath, lexiconDir: opts.lexiconDir });
  return { embedder: b, note: `embedder: ${b.name}, not fitted yet: fitted on the archive at the next ingest or reindex (${fallbackReason})` };
}
