// The binary layout of a quantised word-vector file, shared by the build (writer) and the run-time loader (reader).
//
//   offset  size  field
//        0     8  magic "RAWVQ8\0\0"
//        8     4  version (u32 LE) = 1
//       12     4  word count n
//       16     4  dimension d
//       20     4  byte length w of the word block
//       24     4  quantisation (0 = unit vector x 127, 1 = per-vector max-abs x 127)
//       28    32  sha256 of the source file the vectors came from
//       60     4  reserved (0)
//       64     w  words, UTF-8, each followed by "\n", most frequent first
//     64+w   n*d  int8 matrix, row i = word i
//
// No per-vector scale is stored: the reader re-normalises every row, so the cosine between two rows does not
// depend on the scale the writer used. Little-endian throughout; int8 needs no alignment.

export const MAGIC = 'RAWVQ8\0\0';
export const VERSION = 1;
export const HEADER_BYTES = 64;

export type Quantisation = 'unit' | 'maxabs';
const QUANT_CODES: Record<Quantisation, number> = { unit: 0, maxabs: 1 };

export interface Header {
  count: number;
  dim: number;
  wordBytes: number;
  quantisation: Quantisation;
  /** Hex sha256 of the source file. */
  sourceSha256: string;
}

export function encodeHeader(h: Header): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, h.count, true);
  view.setUint32(16, h.dim, true);
  view.setUint32(20, h.wordBytes, true);
  view.setUint32(24, QUANT_CODES[h.quantisation], true);
  if (!/^[0-9a-f]{64}$/.test(h.sourceSha256)) throw new Error(`not a hex sha256: ${h.sourceSha256}`);
  out.set(Buffer.from(h.sourceSha256, 'hex'), 28);
  return out;
}

export function decodeHeader(bytes: Uint8Array): Header {
  if (bytes.length < HEADER_BYTES) throw new Error('word-vector file too short for its header');
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not a word-vector file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw new Error(`unsupported word-vector file version ${version}`);
  const code = view.getUint32(24, true);
  const quantisation = (Object.keys(QUANT_CODES) as Quantisation[]).find((q) => QUANT_CODES[q] === code);
  if (!quantisation) throw new Error(`unknown quantisation code ${code}`);
  const h: Header = {
    count: view.getUint32(12, true),
    dim: view.getUint32(16, true),
    wordBytes: view.getUint32(20, true),
    quantisation,
    sourceSha256: Buffer.from(bytes.subarray(28, 60)).toString('hex'),
  };
  if (bytes.length !== HEADER_BYTES + h.wordBytes + h.count * h.dim) throw new Error('word-vector file size does not match its header');
  return h;
}
