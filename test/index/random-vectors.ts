// Seeded random unit vectors and id ranges for the vector index tests.
import { normalizeInPlace, seededRandom } from '../../index/embedders/linalg.ts';

export function randomVectors(n: number, dimension: number, seed = 1): Float32Array[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: dimension }, () => r() - 0.5);
    normalizeInPlace(v);
    return v;
  });
}

export const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
