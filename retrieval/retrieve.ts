// A query -> ranked hits: the mode's signals find candidates, fusion ranks them, the passages of the sources the query
// names go first, then filtering, diversifying, merging of overlapping passages and highlighting shape the hits.
import type { DocumentMeta, Hit, SearchFilters, SearchOptions } from '../lib/types.ts';
import type { Analyser, WeightedTerm } from '../language/analyser.ts';
import { isFittable, type ScoredId } from '../index/types.ts';
import { ArchiveError } from '../lib/errors.ts';
import { passageDefaults, rankingDefaults, sourceDefaults } from '../lib/config.ts';
import { diversify, fuse, mergeAdjacent, type Fused, type FusionParams } from './fusion.ts';
import { highlightTerms } from './highlight.ts';
import { placeOf } from './place.ts';
import { listed, ownWords, passagesOf, signalNamed, type PassageFilter, type RetrievalContext, type SignalQuery } from './signals.ts';
import type { SemanticParams } from './semantic.ts';
import { namedDocuments, namedSources, typedNamingWords, type OwnWord, type SourceParams } from './source.ts';
import { attribution } from './attribution.ts';
import { surfaceWords, tokenise } from '../language/tokenise.ts';
import { nameKey } from '../language/stem.ts';
import { archiveNames, typedAsName } from './names.ts';

/** Retrieval parameters that override lib/config.ts defaults (eval sweeps set them). */
export interface RetrieveTuning {
  fusion?: Partial<FusionParams>;
  candidates?: number;
  maxPerDocument?: number;
  /** The signals to fuse, instead of the mode's (ablations). */
  signals?: readonly string[];
  /** Parameters of the semantic re-ranking signal. */
  semantic?: Partial<SemanticParams>;
  /** Parameters of the source signal. */
  source?: Partial<SourceParams>;
  /** Hybrid ranks the passages of the sources the query names first (namedFirst); false for the ablation. */
  namedFirst?: boolean;
}

/** A query naming more sources than this ("de VVD, het CDA, D66 en GroenLinks") has only the first three ranked
 *  first: their turns would crowd out the rest. */
const MAX_NAMED_SOURCES = 3;

export async function retrieve(query: string, opts: SearchOptions, ctx: RetrievalContext, tuning: RetrieveTuning = {}): Promise<Hit[]> {
  const trace = opts.trace;
  const clock = stopwatch(trace);
  const text = query.trim().slice(0, rankingDefaults.maxQueryChars);
  if (!text) throw new ArchiveError('ERR_BAD_REQUEST', 'query is empty', 'query');
  const mode = opts.mode ?? rankingDefaults.mode;
  const k = Math.max(1, Math.min(opts.k ?? rankingDefaults.k, rankingDefaults.maxK));
  const candidates = Math.max(tuning.candidates ?? rankingDefaults.candidates, k * 3);
  const filter = docFilter(opts.filters, ctx);
  const own = ownWords(ctx);
  const named = namedDocuments(text, ctx.docs, { ...sourceDefaults, ...tuning.source }, own);
  const terms = queryTerms(ctx.analyser, text);
  const q: SignalQuery = { text, terms, semantic: tuning.semantic, named };
  // Only the source signal reads them, and only when the question names a document.
  if (named.size > 0) q.sourceTerms = sourceTerms(text, terms, ctx.analyser, { ...sourceDefaults, ...tuning.source });
  clock('analysis');

  const names = mode !== 'hybrid' ? rankingDefaults.modes[mode] : (tuning.signals ?? (!isFittable(ctx.embedder) ? rankingDefaults.pretrainedHybrid : rankingDefaults.modes.hybrid));
  const fusion = { ...rankingDefaults.fusion, ...tuning.fusion };
  const lists = await runSignals(names, q, candidates, filter, ctx, trace);
  clock('signals');
  let fused: Fused[] = fuse(lists, fusion);
  clock('fusion');
  const sources = namedSources(text, ctx.docs, { ...sourceDefaults, ...tuning.source }, own);
  if (sources.length > 0 && mode === 'hybrid' && (opts.namedFirst ?? tuning.namedFirst ?? true)) {
    const inside = insideQuery(q, sources, ctx, { ...sourceDefaults, ...tuning.source }, own);
    fused = await namedFirst(namedPassages(sources, filter, ctx), fused, (f) => runSignals(names, inside, candidates, f, ctx, undefined).then((l) => fuse(l, fusion)));
    clock('named');
  }

  const spans = fused.flatMap((f) => {
    const ref = ctx.refs.get(f.id);
    return ref ? [{ ...f, docId: ref.docId, start: ref.start, end: ref.end, ids: [f.id] }] : [];
  });
  const shaped = mergeAdjacent(diversify(spans, tuning.maxPerDocument ?? rankingDefaults.maxPerDocument), passageDefaults.maxChars).slice(0, k);
  const inSources = new Set(sources.flat());
  const hits = toHits(shaped, q.terms, ctx, opts.highlight ?? k).map((h) => (inSources.size > 0 ? { ...h, namedSource: inSources.has(h.docId) } : h));
  clock('hits');
  return hits;
}

/** Runs the signals side by side: off-thread ones are started first and get an event-loop turn to post their work,
 *  so the main thread's own signals run while they search; re-ranking signals then score what the others found. */
async function runSignals(
  names: readonly string[],
  q: SignalQuery,
  n: number,
  filter: PassageFilter | undefined,
  ctx: RetrievalContext,
  trace: Record<string, number> | undefined,
): Promise<Record<string, ScoredId[]>> {
  const all = names.map(signalNamed);
  const signals = all.filter((s) => !s.reranks);
  const timed = (s: (typeof signals)[number], prior?: Record<string, ScoredId[]>) => {
    const t0 = performance.now();
    return s.search(q, n, filter, ctx, prior).then((list) => {
      if (trace) trace[`signal:${s.name}`] = performance.now() - t0;
      return [s.name, list] as const;
    });
  };
  const started = signals.filter((s) => s.offThread).map((s) => timed(s));
  if (started.length) await new Promise<void>((r) => setImmediate(r));
  for (const s of signals.filter((x) => !x.offThread)) started.push(timed(s));
  const lists: Record<string, ScoredId[]> = Object.fromEntries(await Promise.all(started));
  for (const s of all.filter((x) => x.reranks)) {
    const [name, list] = await timed(s, lists);
    lists[name] = list;
  }
  return lists;
}

/** The passages of the sources the query names first ("de ARP in 1922", "de Autoriteit Persoonsgegevens"), each
 *  source's ranked by the same signals within its own documents, sources taking turns; then the rest of the ranking.
 *  In an archive of 450 programmes the plain ranking mixes in other programmes of the party and year: R@5 on the
 *  programme sets 0.17-0.39 without, 0.50-0.81 with (EVAL.md, fourteenth session). `rank` runs the signals within a
 *  filter. */
async function namedFirst(sources: readonly number[][], ranking: Fused[], rank: (filter: PassageFilter) => Promise<Fused[]>): Promise<Fused[]> {
  const own = await Promise.all(sources.map((ids) => rank(listed(ids))));
  const first: Fused[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < Math.max(0, ...own.map((l) => l.length)); i++) {
    for (const list of own) {
      const f = list[i];
      if (f && !seen.has(f.id)) first.push(f), seen.add(f.id);
    }
  }
  return first.length === 0 ? ranking : [...first, ...ranking.filter((f) => !seen.has(f.id))];
}

/** The query the named documents' passages are ranked by: without the words that name them (withoutSourceNames,
 *  below), unless nothing else is left ("Wat wil de SP?"). 43 sets and LegalQA pooled R@5 / MRR@10 .688 /
 *  .536 -> .739 / .613, the programme sets most (round 16 .528 -> .750); EVAL.md twenty-ninth session. */
function insideQuery(q: SignalQuery, sources: readonly string[][], ctx: RetrievalContext, p: SourceParams, own: ReturnType<typeof ownWords>): SignalQuery {
  const text = withoutSourceNames(q.text, ctx.docs, p, own, sources);
  if (text === q.text) return q;
  const terms = queryTerms(ctx.analyser, text);
  if (terms.length === 0) return q;
  // The "volgens …" phrase is read from the question as typed: without its name it would run on into the topic.
  const kept = new Set(terms.map((t) => t.term));
  const source = q.sourceTerms?.filter((t) => kept.has(t.term));
  return { text, terms, semantic: q.semantic, named: q.named, sourceTerms: source && source.length > 0 ? source : undefined };
}

/** The question without the words that name its sources (the words naming the documents of `sources`, namedSources'
 *  groups, years included): inside the named documents every passage shares them, and they only pull the title pages,
 *  running heads and contents lines up. */
export function withoutSourceNames(
  question: string,
  docs: ReadonlyMap<string, DocumentMeta>,
  p: SourceParams,
  own: OwnWord | null = null,
  sources: readonly string[][] = namedSources(question, docs, p, own),
): string {
  const isName = typedAsName(question, archiveNames(docs.values(), undefined));
  const named = new Set(sources.flat());
  const words = typedNamingWords(question, docs, p, isName, own).filter((w) => w.holders.some((d) => named.has(d)));
  const naming = new Set(words.flatMap((w) => [w.word, ...w.span]));
  const key = (t: { word: string; parts?: string[] }) => naming.has(nameKey(t.word)) || (t.parts?.every((x) => naming.has(nameKey(x))) ?? false);
  const names = (text: string) => {
    const tokens = tokenise(text);
    return tokens.length > 0 && tokens.every(key);
  };
  return surfaceWords(question).reduceRight((q, w) => (names(w.text) ? q.slice(0, w.start) + q.slice(w.end) : q), question);
}

/** The passages of each named source that the caller's filters leave in, for the first MAX_NAMED_SOURCES sources
 *  that have any: a source the filters leave out takes none of the places. */
function namedPassages(sources: readonly string[][], filter: PassageFilter | undefined, ctx: RetrievalContext): number[][] {
  const out: number[][] = [];
  for (const docs of sources) {
    if (out.length >= MAX_NAMED_SOURCES) break;
    const ids = docs.flatMap((d) => passagesOf(ctx, d)).filter((id) => !filter || filter(id));
    if (ids.length > 0) out.push(ids);
  }
  return out;
}

/** The terms the named documents' passages are ranked by: the query's without those of its "volgens …" phrase
 *  (retrieval/attribution.ts), which every passage of the source shares in meaning and which only pull its title pages
 *  and running heads up. Undefined when they are all of the query's terms. */
function sourceTerms(text: string, terms: WeightedTerm[], analyser: Analyser, p: SourceParams): WeightedTerm[] | undefined {
  const phrase = p.searchAttribution ? null : attribution(text)?.phrase;
  if (!phrase) return undefined;
  const drop = new Set(analyser.queryTerms(phrase).map((t) => t.term));
  const kept = terms.filter((t) => !drop.has(t.term));
  return kept.length > 0 && kept.length < terms.length ? kept : undefined;
}

/** The analysed query terms, bounded so that a huge query costs no more than a long one. */
export function queryTerms(analyser: Analyser, text: string): WeightedTerm[] {
  const terms = analyser.queryTerms(text);
  if (terms.length <= rankingDefaults.maxQueryTerms) return terms;
  return [...terms].sort((a, b) => b.weight - a.weight).slice(0, rankingDefaults.maxQueryTerms);
}

/** An organisation's words, lower-cased and space-separated with a space at each end: a filter names an organisation
 *  whose words hold its words in a row ("PvdA" names "Centrum voor Lokaal Bestuur (PvdA)"; "SP" does not name "PSP"). */
function nameWords(name: string): string {
  return ` ${tokenise(name).flatMap((t) => t.parts ?? [t.word]).join(' ')} `;
}

function docFilter(filters: SearchFilters | undefined, ctx: RetrievalContext): PassageFilter | undefined {
  if (!filters) return undefined;
  const { documents, organisation, yearFrom, yearTo } = filters;
  if (!documents?.length && !organisation && yearFrom === undefined && yearTo === undefined) return undefined;
  const wanted = documents?.length ? new Set(documents) : null;
  const org = organisation ? nameWords(organisation) : null;
  const allowed = new Set<string>();
  for (const d of ctx.docs.values()) {
    if (wanted && !wanted.has(d.id)) continue;
    if (org && !nameWords(d.organisation ?? '').includes(org)) continue;
    if (yearFrom !== undefined && (d.year === null || d.year < yearFrom)) continue;
    if (yearTo !== undefined && (d.year === null || d.year > yearTo)) continue;
    allowed.add(d.id);
  }
  // Listing the passages lets the lexical index skip the rest, at a lookup per listed passage; asking the filter costs
  // one per matching candidate. Past half the archive asking is cheaper (100k passages, BM25 alone: every document
  // listed 47 ms, asked 10 ms; half of them listed 6 ms, asked 10 ms).
  let count = 0;
  for (const docId of allowed) count += passagesOf(ctx, docId).length;
  if (count > ctx.lexical.size / 2) {
    return (id: number) => {
      const ref = ctx.refs.get(id);
      return ref !== undefined && allowed.has(ref.docId);
    };
  }
  return listed([...allowed].flatMap((docId) => passagesOf(ctx, docId)));
}

type Shaped = Fused & { docId: string; start: number; end: number; ids: number[] };

function toHits(shaped: Shaped[], terms: WeightedTerm[], ctx: RetrievalContext, highlighted: number): Hit[] {
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
    const span = {
      start: parts[0].start,
      end,
      pageFirst: Math.min(...parts.map((p) => p.pageFirst)),
      pageLast: Math.max(...parts.map((p) => p.pageLast)),
      headingPath: parts[0].headingPath,
    };
    const hit: Hit = {
      rank: i + 1,
      score: s.score,
      signals: s.signals,
      passageIds: parts.map((p) => p.id),
      docId: s.docId,
      document: { id: doc.id, title: doc.title, year: doc.year, organisation: doc.organisation, fileName: doc.fileName, pageKind: doc.details.pageKind },
      text,
      ...span,
      place: placeOf(ctx.store, doc, span),
      highlights: i < highlighted ? highlightTerms(text, terms, ctx.analyser) : [],
    };
    const ocr = doc.details.ocrPages.filter((o) => o.page >= hit.pageFirst && o.page <= hit.pageLast);
    if (ocr.length) hit.ocr = { pages: ocr.map((o) => o.page), confidence: Math.min(...ocr.map((o) => o.confidence)) };
    return [hit];
  });
}

/** Records the milliseconds since the previous mark under each stage name, when a trace is wanted. */
function stopwatch(trace: Record<string, number> | undefined): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    if (!trace) return;
    const now = performance.now();
    trace[stage] = now - last;
    last = now;
  };
}
