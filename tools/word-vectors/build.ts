// Builds the shipped word-vector file from the team's fastText vectors (build time only; the product never reads
// /work/shared). Usage:
//   node bin/run-ts.js tools/word-vectors/build.ts [--words 60000] [--quantisation maxabs|unit]
//        [--source <vectors.vec.gz>] [--out <file>] [--measure]
// --measure also compares both quantisations against float32 (cosine error, top-10 neighbour agreement).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { sharedDir } from '../shared-dir.ts';
import { parseVec, quantise, serialise, type FloatVectors } from './core.ts';
import type { Quantisation } from '../../language/word-vectors/format.ts';
import { wordVectorsFromBytes } from '../../language/word-vectors.ts';
import { cosineError, neighbourAgreement, probeWords } from './measure.ts';

/** 60k words keep the file at ~6.7 MB (100 bytes a row + ~11.6 bytes of word), under the 10 MB budget for a
 *  file in the repository; all 96.5k would be ~10.8 MB. */
export const DEFAULT_WORDS = 60_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Chosen by --measure (README.md): the same file size, about a quarter of the cosine error of 'unit'. */
export const DEFAULT_QUANTISATION: Quantisation = 'maxabs';

export const DEFAULT_OUT = join(import.meta.dirname, '../../language/word-vectors/nl-gov-d100.q8.bin');

export function defaultSource(): string | null {
  const shared = sharedDir();
  return shared ? join(shared, 'models/nl-fasttext-gov-d100/vectors.vec.gz') : null;
}

/** The source as text plus the sha256 of the .gz bytes, as recorded in the output header. */
export function readSource(path: string): { text: string; sha256: string } {
  const gz = readFileSync(path);
  return { text: gunzipSync(gz).toString('utf8'), sha256: createHash('sha256').update(gz).digest('hex') };
}

function measure(f: FloatVectors, sha256: string): void {
  const probes = probeWords(f, 200);
  for (const mode of ['unit', 'maxabs'] as const) {
    const q = wordVectorsFromBytes(serialise(quantise(f, mode), sha256));
    const err = cosineError(f, q, 100_000);
    const agree = neighbourAgreement(f, q, probes, 10);
    console.log(
      `${mode}: cosine error over ${err.pairs} random pairs mean ${err.meanAbs.toFixed(5)}, p99 ${err.p99Abs.toFixed(5)},` +
        ` max ${err.maxAbs.toFixed(5)} (mean cosine ${err.meanCosine.toFixed(3)}); top-10 agreement on ${probes.length}` +
        ` words ${(agree * 100).toFixed(1)}%`,
    );
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: String(DEFAULT_WORDS) },
      quantisation: { type: 'string', default: DEFAULT_QUANTISATION },
      source: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      measure: { type: 'boolean', default: false },
    },
  });
  const words = Number(values.words);
  if (!Number.isInteger(words) || words <= 0) throw new Error(`--words must be a positive integer, got ${values.words}`);
  const mode = values.quantisation as Quantisation;
  if (mode !== 'unit' && mode !== 'maxabs') throw new Error(`--quantisation must be unit or maxabs, got ${mode}`);
  const source = values.source ?? defaultSource();
  if (!source) throw new Error('no --source and no shared folder (set RAADSARCHIEF_SHARED)');

  const { text, sha256 } = readSource(source);
  const f = parseVec(text, words);
  const bytes = serialise(quantise(f, mode), sha256);
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`${bytes.length} bytes is over the ${MAX_FILE_BYTES} byte budget; use fewer --words`);
  writeFileSync(values.out, bytes);
  const outSha = createHash('sha256').update(bytes).digest('hex');
  console.log(`${values.out}: ${f.words.length} words x ${f.dim} (${mode}), ${bytes.length} bytes, sha256 ${outSha}`);
  console.log(`source ${source} sha256 ${sha256}`);
  if (values.measure) measure(f, sha256);
}

// Run as a script, not when imported (the tests import defaultSource/readSource).
if (process.argv[1] && import.meta.filename === process.argv[1]) main();
