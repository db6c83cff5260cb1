// Contracts between the retrieval components. The store (store/) owns documents and passages; everything
// here is derived from it and can be rebuilt from it.

/** A query term with the weight it carries in scoring (original terms 1.0, expansions less). */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Why the term is in the query: typed by the user, a part of a typed compound, a synonym, feedback. */
  source: 'query' | 'compound' | 'synonym' | 'feedback';
}

/** What the lexical side sees of a passage. */
export interface PassageFields {
  text: string;
  headingPath: string[];
  title: string;
}

/** Dutch text analysis: the same function must be used for passages and queries. */
export interface Analyser {
  /** Identifies the rules; stored with analysed terms so a change of rules triggers re-analysis. */
  readonly version: string;
  /** Index terms for a passage (may repeat: term frequency matters). */
  passageTerms(fields: PassageFields): string[];
  /** Weighted query terms, including expansions (compound parts, synonyms). */
  queryTerms(query: string): WeightedTerm[];
}

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
