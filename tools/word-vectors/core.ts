// The pure core of the word-vector build: word2vec text -> the most frequent words -> unit vectors -> int8 -> bytes.
// No file system here, so the tests can run it on a tiny hand-made .vec and check the bytes.
import { encodeHeader, HEADER_BYTES, type Quantisation } from '../../language/word-vectors/format.ts';

/** The shape of the words the vectors were trained on: lower case, accents kept, inner "-" or "'" allowed.
 *  fastText also emits "</s>" (its end-of-line token); it matches no query word, so it is dropped. */
export const WORD_PATTERN = /^[a-zà-öø-ÿ0-9]+(?:[-'][a-zà-öø-ÿ0-9]+)*$/u;

export interface FloatVectors {
  dim: number;
  words: string[];
  /** words.length x dim, row-major, each row of unit length. */
  matrix: Float32Array;
}

export interface QuantisedVectors {
  dim: number;
  words: string[];
  matrix: Int8Array;
  quantisation: Quantisation;
}

/** Reads word2vec text ("n d" header line, then "word v1 … vd"), keeping the first maxWords usable words in file
 *  order (fastText writes them most frequent first) and normalising each to unit length. Words that do not match
 *  WORD_PATTERN, repeats and all-zero vectors (no direction to keep) are skipped. */
export function parseVec(text: string, maxWords: number): FloatVectors {
  let pos = text.indexOf('\n');
  if (pos < 0) throw new Error('word2vec text has no header line');
  const dim = Number(text.slice(0, pos).trim().split(/\s+/)[1]);
  if (!Number.isInteger(dim) || dim <= 0) throw new Error(`bad word2vec header: ${text.slice(0, pos)}`);
  const words: string[] = [];
  const seen = new Set<string>();
  const matrix = new Float32Array(maxWords * dim);
  const row = new Float64Array(dim);
  while (pos < text.length && words.length < maxWords) {
    const next = text.indexOf('\n', pos + 1);
    const end = next < 0 ? text.length : next;
    const line = text.slice(pos + 1, end).trim();
    pos = end;
    if (!line) continue;
    const fields = line.split(' ');
    if (fields.length !== dim + 1) throw new Error(`line for "${fields[0]}" has ${fields.length - 1} values, expected ${dim}`);
    const word = fields[0]!;
    if (!WORD_PATTERN.test(word) || seen.has(word)) continue;
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      row[j] = Number(fields[j + 1]);
      if (!Number.isFinite(row[j])) throw new Error(`non-numeric value in the vector of "${word}"`);
      norm += row[j]! * row[j]!;
    }
    if (norm === 0) continue;
    norm = Math.sqrt(norm);
    const base = words.length * dim;
    for (let j = 0; j < dim; j++) matrix[base + j] = row[j]! / norm;
    seen.add(word);
    words.push(word);
  }
  return { dim, words, matrix: matrix.slice(0, words.length * dim) };
}

/** int8 rows from unit rows. 'unit' maps 1.0 to 127; 'maxabs' stretches each row so its largest component is
 *  ±127, using the whole int8 range (a 100-dim unit vector rarely has a component above 0.4, so 'unit' uses only
 *  about a third of it). Either way the reader re-normalises, so no scale needs storing. */
export function quantise(vectors: FloatVectors, quantisation: Quantisation): QuantisedVectors {
  const { dim, words, matrix } = vectors;
  const out = new Int8Array(matrix.length);
  for (let i = 0; i < words.length; i++) {
    const base = i * dim;
    let scale = 127;
    if (quantisation === 'maxabs') {
      let max = 0;
      for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(matrix[base + j]!));
      scale = 127 / max;
    }
    for (let j = 0; j < dim; j++) out[base + j] = Math.max(-127, Math.min(127, Math.round(matrix[base + j]! * scale)));
  }
  return { dim, words, matrix: out, quantisation };
}

/** The file bytes: header, word block, matrix (layout in format.ts). */
export function serialise(q: QuantisedVectors, sourceSha256: string): Uint8Array {
  const wordBlock = new TextEncoder().encode(q.words.map((w) => `${w}\n`).join(''));
  const header = encodeHeader({
    count: q.words.length,
    dim: q.dim,
    wordBytes: wordBlock.length,
    quantisation: q.quantisation,
    sourceSha256,
  });
  const out = new Uint8Array(HEADER_BYTES + wordBlock.length + q.matrix.length);
  out.set(header, 0);
  out.set(wordBlock, HEADER_BYTES);
  out.set(new Uint8Array(q.matrix.buffer, q.matrix.byteOffset, q.matrix.length), HEADER_BYTES + wordBlock.length);
  return out;
}

export interface BuildOptions {
  /** Keep this many of the most frequent words. */
  words: number;
  quantisation: Quantisation;
  /** Hex sha256 of the source file, recorded in the header for provenance. */
  sourceSha256: string;
}

/** word2vec text in, file bytes out: the whole build, deterministic (same text and options, same bytes). */
export function buildWordVectorFile(vecText: string, opts: BuildOptions): Uint8Array {
  return serialise(quantise(parseVec(vecText, opts.words), opts.quantisation), opts.sourceSha256);
}
