// The retrieval signals: each finds and scores passages for a query in its own way, and fusion combines their
// ranked lists by name (lib/config.ts rankingDefaults: which signals each mode uses, and their weights).
// A new signal is one entry in SIGNALS.
import type { DocumentMeta } from '../lib/types.ts';
import type { Analyser, WeightedTerm } from '../language/analyser.ts';
import type { Embedder, ScoredId } from '../index/types.ts';
import type { IdFilter, LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndexThread } from '../index/vector-thread.ts';
import type { PassageRef, Store } from '../store/store.ts';
import type { WordVectors } from '../language/word-vectors.ts';
import { semanticDefaults } from '../lib/config.ts';
import { semanticQuery, semanticScores, type SemanticParams } from './semantic.ts';
import type { OwnWord } from './source.ts';

/** What retrieval reads: the archive's indexes and its in-memory views of the store. */
export interface RetrievalContext {
  analyser: Analyser;
  lexical: LexicalIndex;
  vectors: VectorIndexThread;
  embedder: Embedder;
  refs: Map<number, PassageRef>;
  docs: Map<string, DocumentMeta>;
  store: Store;
  /** The shipped background word vectors (language/word-vectors/). */
  wordVectors: WordVectors;
}

export interface SignalQuery {
  /** The query as typed (trimmed, bounded). */
  text: string;
  /** Its analysed, weighted terms. */
  terms: WeightedTerm[];
  /** Overrides of the semantic signal's parameters (eval sweeps). */
  semantic?: Partial<SemanticParams>;
  /** The documents the query names, with how clearly (retrieval/source.ts namedDocuments). */
  named?: ReadonlyMap<string, number>;
  /** The terms their passages are ranked by, when not all of `terms` (retrieve.ts sourceTerms). */
  sourceTerms?: WeightedTerm[];
  /** The query's vector once a signal asked for it (queryVector). */
  vector?: Promise<Float32Array>;
}

/** Which passages a search may return; `ids` lists them when they are few (documents named or filtered on). */
export type PassageFilter = IdFilter;

export interface Signal {
  readonly name: string;
  /** Work done off the main thread (the HNSW search): started before the others so that they overlap. */
  readonly offThread: boolean;
  /** A re-ranking signal runs after the others and scores the passages their lists found (`prior`). */
  readonly reranks?: boolean;
  /** Up to `n` passages for the query, best first, restricted by `filter`. */
  search(
    query: SignalQuery,
    n: number,
    filter: PassageFilter | undefined,
    ctx: RetrievalContext,
    prior?: Readonly<Record<string, ScoredId[]>>,
  ): Promise<ScoredId[]>;
}

/** BM25+ over the analysed terms of the passages (index/lexical-index.ts). */
const lexical: Signal = {
  name: 'lexical',
  offThread: false,
  async search(query, n, filter, ctx) {
    return ctx.lexical.search(query.terms, n, filter);
  },
};

/** Nearest passage vectors of the query's vector in the HNSW index (searched in the vector thread). */
const dense: Signal = {
  name: 'dense',
  offThread: true,
  async search(query, n, filter, ctx) {
    if (ctx.vectors.size === 0) return [];
    return ctx.vectors.search(await queryVector(query, ctx), n, filter);
  },
};

/** The embedder as a re-ranker: cosine of the query's vector with each candidate's stored vector. In hybrid only with
 *  a pretrained embedder (EMBEDDER=e5, lib/config.ts pretrainedHybrid), where it scores every candidate of the other
 *  signals, not only those the HNSW search found. */
const encoder = reranker('encoder', async (query, ids, ctx) => {
  const q = await queryVector(query, ctx);
  const scored: ScoredId[] = [];
  for (const [id, v] of ctx.store.vectorsByIds(ids)) {
    let dot = 0;
    for (let j = 0; j < v.length; j++) dot += q[j] * v[j];
    scored.push({ id, score: dot });
  }
  return scored.sort((x, y) => y.score - x.score || x.id - y.id);
});

/** A re-ranking signal: scores the passages the other signals found (none found, nothing to score). */
function reranker(name: string, score: (query: SignalQuery, ids: number[], ctx: RetrievalContext) => Promise<ScoredId[]> | ScoredId[]): Signal {
  return {
    name,
    offThread: false,
    reranks: true,
    async search(query, _n, _filter, ctx, prior = {}) {
      const ids = candidatesOf(prior);
      return ids.length === 0 ? [] : score(query, ids, ctx);
    },
  };
}

/** The passages the other signals found, each once, in the order the lists give them. */
function candidatesOf(prior: Readonly<Record<string, ScoredId[]>>): number[] {
  return [...new Set(Object.values(prior).flatMap((list) => list.map((c) => c.id)))];
}

/** The query's vector, embedded once per query however many signals ask. */
function queryVector(query: SignalQuery, ctx: RetrievalContext): Promise<Float32Array> {
  query.vector ??= ctx.embedder.embedQuery(query.text);
  return query.vector;
}

/** Soft coverage of the question's content words by each candidate of the other signals, through the background
 *  word vectors (retrieval/semantic.ts): finds the passage that says "kinderopvang" for a question about "crèches". */
const semantic = reranker('semantic', (query, ids, ctx) => {
  const p: SemanticParams = { ...semanticDefaults, ...query.semantic };
  return semanticScores(semanticQuery(query.text, ctx.lexical, ctx.wordVectors, p), ids, ctx.lexical, ctx.wordVectors, p);
});

/** The passages of the documents the question names ("volgens de ChristenUnie", "de SGP in 1918"), ranked by BM25
 *  within them and scaled by how clearly each document is named (retrieval/source.ts): a boost, not a filter. */
const source: Signal = {
  name: 'source',
  offThread: false,
  async search(query, n, filter, ctx) {
    const named = query.named;
    if (!named || named.size === 0) return [];
    const strength = new Map<number, number>();
    for (const [docId, s] of named) for (const id of passagesOf(ctx, docId)) if (!filter || filter(id)) strength.set(id, s);
    const list = ctx.lexical.search(query.sourceTerms ?? query.terms, n, listed([...strength.keys()]));
    return list.map((c) => ({ id: c.id, score: c.score * strength.get(c.id)! })).sort((a, b) => b.score - a.score || a.id - b.id);
  },
};

/** A filter allowing exactly `ids`, listing them (the lexical index then scores only their postings). */
export function listed(ids: readonly number[]): PassageFilter {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  const allowed = new Uint8Array(max + 1);
  for (const id of ids) allowed[id] = 1;
  return Object.assign((id: number) => id <= max && allowed[id] === 1, { ids });
}

/** Passage ids per document, derived from the refs and rebuilt when the lexical index changed. */
const byDocument = new WeakMap<LexicalIndex, { revision: number; ids: Map<string, number[]> }>();

export function passagesOf(ctx: RetrievalContext, docId: string): readonly number[] {
  let cached = byDocument.get(ctx.lexical);
  if (!cached || cached.revision !== ctx.lexical.revision) {
    const ids = new Map<string, number[]>();
    for (const [id, ref] of ctx.refs) (ids.get(ref.docId) ?? ids.set(ref.docId, []).get(ref.docId)!).push(id);
    byDocument.set(ctx.lexical, (cached = { revision: ctx.lexical.revision, ids }));
  }
  return cached.ids.get(docId) ?? [];
}

/** OwnWord (retrieval/source.ts) over the archive's text: the passages of `docs` that hold the word as typed (its
 *  whole analysed form, not its compound parts) against all that do. */
export function ownWords(ctx: RetrievalContext): OwnWord {
  return (word, docs) => {
    const term = ctx.analyser.queryTerms(word).find((t) => t.source === 'query')?.term;
    const total = term ? ctx.lexical.docFreq(term) : 0;
    if (!term || total === 0) return false;
    const theirs = ctx.lexical.search([{ term, weight: 1, source: 'query' }], total, listed(docs.flatMap((d) => passagesOf(ctx, d))));
    return theirs.length * 2 >= total;
  };
}

export const SIGNALS: readonly Signal[] = [lexical, dense, source, semantic, encoder];

export function signalNamed(name: string): Signal {
  const s = SIGNALS.find((x) => x.name === name);
  if (!s) throw new Error(`unknown retrieval signal "${name}"`);
  return s;
}
