// Contracts of the derived indexes and embedders. The store (store/) owns documents and passages; everything
// here is derived from it and can be rebuilt from it.

export interface ScoredId {
  id: number;
  score: number;
}

/** Turns text into vectors. Vectors are L2-normalised Float32Arrays of length `dimension`. */
export interface Embedder {
  /** e.g. "builtin-lsa", "e5-small". */
  readonly name: string;
  readonly dimension: number;
  /** Changes whenever vectors from before are no longer comparable (new model, refit). */
  readonly version: string;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

/** An embedder fitted on the archive itself (the built-in one). Its state is persisted in the data dir. */
export interface FittableEmbedder extends Embedder {
  readonly fitted: boolean;
  /** (Re)fit on the archive's passages; changes `version`. */
  fit(texts: string[]): Promise<void>;
  /** State to persist; restored by the embedder's loader. */
  serialize(): Buffer;
}

export function isFittable(e: Embedder): e is FittableEmbedder {
  return typeof (e as FittableEmbedder).fit === 'function';
}

/** Identity of the embedder that built an index; a mismatch refuses queries and adds. */
export interface EmbedderIdentity {
  name: string;
  dimension: number;
  version: string;
}
