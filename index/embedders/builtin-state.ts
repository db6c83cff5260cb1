// The built-in embedder's fitted state and its serialisation (msgpack), with the format check a restart relies on.
import { decode, encode } from '@msgpack/msgpack';
import { ArchiveError } from '../../lib/errors.ts';

const STATE_FORMAT = 2;

export interface State {
  dimension: number;
  /** Archive words first, then words only the lexicon knows (retrofitted from their archive synonyms). */
  words: string[];
  /** How many of `words` come from the archive; only these lend their vectors to unknown words by 5-grams. */
  archiveWords: number;
  /** Unigram probability per word. */
  probs: Float32Array;
  /** words.length x dimension, unit rows. */
  vectors: Float32Array;
  /** Common component removed from every pooled vector. */
  commonComponent: Float32Array;
  sifA: number;
  partWeight: number;
  identity: number;
}

export function encodeState(s: State): Buffer {
  const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.from(
    encode({
      format: STATE_FORMAT,
      dimension: s.dimension,
      words: s.words,
      archiveWords: s.archiveWords,
      probs: bytes(s.probs),
      vectors: bytes(s.vectors),
      commonComponent: bytes(s.commonComponent),
      sifA: s.sifA,
      partWeight: s.partWeight,
      identity: s.identity,
    }),
  );
}

export function decodeState(buf: Buffer): State {
  let raw: Record<string, unknown>;
  try {
    raw = decode(buf) as Record<string, unknown>;
  } catch (e) {
    throw new ArchiveError('ERR_MODEL_UNAVAILABLE', `built-in embedder state unreadable (${(e as Error).message})`);
  }
  // Format 1 (before retrofitting) differs only by lacking archiveWords: all its words came from the archive.
  if (raw.format === 1) raw.archiveWords = (raw.words as string[]).length;
  else if (raw.format !== STATE_FORMAT) throw new ArchiveError('ERR_MODEL_UNAVAILABLE', 'built-in embedder state has an unknown format; run `raadsarchief reindex`');
  // Copy so the Float32Array views are 4-byte aligned whatever offset msgpack decoded them at.
  const floats = (b: unknown) => new Float32Array(Uint8Array.from(b as Uint8Array).buffer);
  return {
    dimension: raw.dimension as number,
    words: raw.words as string[],
    archiveWords: raw.archiveWords as number,
    probs: floats(raw.probs),
    vectors: floats(raw.vectors),
    commonComponent: floats(raw.commonComponent),
    sifA: (raw.sifA as number | undefined) ?? 1e-3,
    partWeight: (raw.partWeight as number | undefined) ?? 1,
    identity: (raw.identity as number | undefined) ?? 0,
  };
}
