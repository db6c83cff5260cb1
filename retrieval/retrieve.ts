// A query -> ranked hits: lexical and/or dense candidates, fused, filtered, diversified, merged, highlighted.
import type { DocumentMeta, Hit, SearchFilters, SearchOptions } from '../lib/types.ts';
import type { Analyser, Embedder, ScoredId, WeightedTerm } from '../index/types.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndexThread } from '../index/vector-thread.ts';
import type { PassageRef, Store } from '../store/store.ts';
import { ArchiveError } from '../lib/errors.ts';
import { passageDefaults, rankingDefaults } from '../lib/config.ts';
import { diversify, fuse, mergeAdjacent, type Fused, type FusionParams } from './fusion.ts';
import { highlightTerms } from './highlight.ts';

export interface RetrievalContext {
  analyser: Analyser;
  lexical: LexicalIndex;
  vectors: VectorIndexThread;
  embedder: Embedder;
  refs: Map<number, PassageRef>;
  docs: Map<string, DocumentMeta>;
  store: Store;
}

export interface RetrieveTuning {
  fusion?: Partial<FusionParams>;
  candidates?: number;
  maxPerDocument?: number;
}

export async function retrieve(query: string, opts: SearchOptions, ctx: RetrievalContext, tuning: RetrieveTuning = {}): Promise<Hit[]> {
  const text = query.trim().slice(0, rankingDefaults.maxQueryChars);
  if (!text) throw new ArchiveError('ERR_BAD_REQUEST', 'query is empty', 'query');
  const mode = opts.mode ?? rankingDefaults.mode;
  const k = Math.max(1, Math.min(opts.k ?? rankingDefaults.k, rankingDefaults.maxK));
  const candidates = Math.max(tuning.candidates ?? rankingDefaults.candidates, k * 3);
  const filter = docFilter(opts.filters, ctx);

  const terms = queryTerms(ctx.analyser, text);
  // The dense search runs in the vector thread while this thread does the lexical one.
  const denseSearch: Promise<ScoredId[]> =
    mode === 'lexical' || ctx.vectors.size === 0 ? Promise.resolve([]) : ctx.vectors.search(await ctx.embedder.embedQuery(text), candidates, filter);
  const lexical: ScoredId[] = mode === 'dense' ? [] : ctx.lexical.search(terms, candidates, filter);
  const dense = await denseSearch;

  const fusion = { ...rankingDefaults.fusion, ...tuning.fusion };
  const ranked: Fused[] =
    mode === 'lexical'
      ? lexical.map((c, i) => ({ id: c.id, score: c.score, lexical: c.score, lexicalRank: i + 1 }))
      : mode === 'dense'
        ? dense.map((c, i) => ({ id: c.id, score: c.score, dense: c.score, denseRank: i + 1 }))
        : fuse(lexical, dense, fusion);

  const spans = ranked.flatMap((f) => {
    const ref = ctx.refs.get(f.id);
    return ref ? [{ ...f, docId: ref.docId, start: ref.start, end: ref.end, ids: [f.id] }] : [];
  });
  const shaped = mergeAdjacent(diversify(spans, tuning.maxPerDocument ?? rankingDefaults.maxPerDocument), passageDefaults.maxChars).slice(0, k);
  return toHits(shaped, terms, ctx);
}

/** The analysed query terms, bounded so that a huge query costs no more than a long one. */
export function queryTerms(analyser: Analyser, text: string): WeightedTerm[] {
  const terms = analyser.queryTerms(text);
  if (terms.length <= rankingDefaults.maxQueryTerms) return terms;
  return [...terms].sort((a, b) => b.weight - a.weight).slice(0, rankingDefaults.maxQueryTerms);
}

function docFilter(filters: SearchFilters | undefined, ctx: RetrievalContext): ((id: number) => boolean) | undefined {
  if (!filters) return undefined;
  const { documents, organisation, yearFrom, yearTo } = filters;
  if (!documents?.length && !organisation && yearFrom === undefined && yearTo === undefined) return undefined;
  const wanted = documents?.length ? new Set(documents) : null;
  const org = organisation?.toLocaleLowerCase('nl');
  const allowed = new Set<string>();
  for (const d of ctx.docs.values()) {
    if (wanted && !wanted.has(d.id)) continue;
    if (org && !(d.organisation ?? '').toLocaleLowerCase('nl').includes(org)) continue;
    if (yearFrom !== undefined && (d.year === null || d.year < yearFrom)) continue;
    if (yearTo !== undefined && (d.year === null || d.year > yearTo)) continue;
    allowed.add(d.id);
  }
  return (id: number) => {
    const ref = ctx.refs.get(id);
    return ref !== undefined && allowed.has(ref.docId);
  };
}

type Shaped = Fused & { docId: string; start: number; end: number; ids: number[] };

function toHits(shaped: Shaped[], terms: WeightedTerm[], ctx: RetrievalContext): Hit[] {
  const passages = ctx.store.passagesByIds(shaped.flatMap((s) => s.ids));
  return shaped.flatMap((s, i) => {
    const parts = s.ids.map((id) => passages.get(id)).filter((p) => p !== undefined).sort((a, b) => a.start - b.start);
    const doc = ctx.docs.get(s.docId);
    if (parts.length === 0 || !doc) return [];
    // Passages are exact slices of the document text, so overlapping ones stitch back together exactly.
    let text = '';
    let end = parts[0].start;
    for (const p of parts) {
      if (p.end > end) text += p.text.slice(Math.max(0, end - p.start));
      end = Math.max(end, p.end);
    }
    const hit: Hit = {
      rank: i + 1,
      score: s.score,
      scores: { lexical: s.lexical, dense: s.dense, lexicalRank: s.lexicalRank, denseRank: s.denseRank },
      passageIds: parts.map((p) => p.id),
      docId: s.docId,
      document: { id: doc.id, title: doc.title, year: doc.year, organisation: doc.organisation, fileName: doc.fileName },
      text,
      start: parts[0].start,
      end,
      pageFirst: Math.min(...parts.map((p) => p.pageFirst)),
      pageLast: Math.max(...parts.map((p) => p.pageLast)),
      headingPath: parts[0].headingPath,
      highlights: highlightTerms(text, terms, ctx.analyser),
    };
    return [hit];
  });
}
