// How much the int8 file loses against the float32 source: cosine error on random word pairs and top-10 neighbour
// agreement on frequent words. Used by build.ts (--measure) and by the test against the source.
import { seededRandom } from '../../index/embedders/linalg.ts';
import type { WordVectors } from '../../language/word-vectors.ts';
import type { FloatVectors } from './core.ts';

function floatCosine(f: FloatVectors, a: number, b: number): number {
  let dot = 0;
  for (let j = 0, pa = a * f.dim, pb = b * f.dim; j < f.dim; j++) dot += f.matrix[pa + j]! * f.matrix[pb + j]!;
  return dot;
}

export interface CosineError {
  pairs: number;
  /** Mean |cos_int8 - cos_float32|. */
  meanAbs: number;
  p99Abs: number;
  maxAbs: number;
  /** Mean float32 cosine of the random pairs (the "unrelated words" level). */
  meanCosine: number;
}

/** Cosine error of the quantised vectors on random pairs of distinct words (rows of f, same order as q). */
export function cosineError(f: FloatVectors, q: WordVectors, pairs: number, seed = 1): CosineError {
  const rand = seededRandom(seed);
  const n = f.words.length;
  const errors = new Float64Array(pairs);
  let sumCos = 0;
  for (let p = 0; p < pairs; p++) {
    const a = Math.floor(rand() * n);
    const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
    const exact = floatCosine(f, a, b);
    errors[p] = Math.abs(q.similarity(f.words[a]!, f.words[b]!)! - exact);
    sumCos += exact;
  }
  errors.sort();
  return {
    pairs,
    meanAbs: errors.reduce((s, x) => s + x, 0) / pairs,
    p99Abs: errors[Math.floor(pairs * 0.99)]!,
    maxAbs: errors[pairs - 1]!,
    meanCosine: sumCos / pairs,
  };
}

function floatNearest(f: FloatVectors, row: number, k: number): string[] {
  const scored: Array<[number, number]> = [];
  for (let i = 0; i < f.words.length; i++) if (i !== row) scored.push([floatCosine(f, row, i), i]);
  scored.sort((x, y) => y[0] - x[0]);
  return scored.slice(0, k).map(([, i]) => f.words[i]!);
}

/** Words to probe neighbours with: every step-th of the most frequent, skipping the first 100 (function words,
 *  whose neighbour lists are near-ties and say little). */
export function probeWords(f: FloatVectors, count: number, step = 25): string[] {
  const out: string[] = [];
  for (let i = 100; i < f.words.length && out.length < count; i += step) out.push(f.words[i]!);
  return out;
}

/** Mean share of the float32 top-k neighbours that the quantised vectors also put in their top-k. */
export function neighbourAgreement(f: FloatVectors, q: WordVectors, probes: string[], k = 10): number {
  const rowOf = new Map(f.words.map((w, i) => [w, i]));
  let shared = 0;
  for (const word of probes) {
    const exact = new Set(floatNearest(f, rowOf.get(word)!, k));
    shared += q.nearest(word, k).filter((n) => exact.has(n.word)).length;
  }
  return shared / (probes.length * k);
}
