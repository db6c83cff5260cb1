// A question -> an answer with citations (or the honest "niets gevonden"), with the hits it was built from.
// One function for the API's /api/ask and the CLI's `ask`, so both print the same JSON. A new answer strategy is
// one file in answer/ and one entry in STRATEGIES.
import type { Archive } from '../archive/api.ts';
import type { Hit, SearchFilters } from '../lib/types.ts';
import { answerDefaults, rankingDefaults, type AnswerTuning } from '../lib/config.ts';
import type { AnswerContext, AnswerStrategy } from './types.ts';
import { extractive } from './extractive.ts';

/** A question naming more sources than this ("de VVD, het CDA, D66 en GroenLinks") gets its answer from the plain
 *  ranking beyond the first three: their turns would crowd out the rest. */
const MAX_NAMED_SOURCES = 3;

export const STRATEGIES: Readonly<Record<string, AnswerStrategy>> = { extractive };

export interface AskRequest {
  question: string;
  k?: number;
  filters?: SearchFilters;
  /** A name in STRATEGIES; default answerDefaults.strategy. */
  strategy?: string;
  /** Overrides of answerDefaults (the eval's ablation switches pieces off); never from the API. */
  tuning?: AnswerTuning;
}

export type AnswerReader = Pick<Archive, 'search' | 'getTextAround' | 'answerSources'>;

export async function ask(archive: AnswerReader, req: AskRequest) {
  const t0 = performance.now();
  const strategy = STRATEGIES[req.strategy ?? answerDefaults.strategy];
  if (!strategy) throw new Error(`unknown answer strategy "${req.strategy}"`);
  const tuning = req.tuning ?? answerDefaults;
  const k = req.k ?? rankingDefaults.k;
  const ctx = answerContext(archive, req.question);
  // The answer may draw on more hits than the caller wants listed.
  const ranking = await archive.search(req.question, { mode: rankingDefaults.mode, k: Math.max(k, tuning.sentenceHits), filters: req.filters, highlight: k });
  const hits = tuning.features.sourceSearch ? await withNamedSources(archive, req, ranking, ctx, tuning) : ranking;
  const answer = strategy.compose(req.question, hits, { ...ctx, ranking }, tuning);
  return { question: req.question, took: Math.round(performance.now() - t0), ...answer, hits: hits.slice(0, k) };
}

/** When the question names a source the archive holds (a party and year, an organisation), the best passages of
 *  those documents, ranked as the plain search ranks, go first: in an archive of 450 programmes the plain ranking often
 *  holds none of the named programme's passages (programmas-nl: answer-bearing sentences within the hits 0.36 of
 *  questions without, 0.62 with). The other hits follow, so nothing is lost when the name misleads. */
async function withNamedSources(archive: AnswerReader, req: AskRequest, hits: Hit[], ctx: AnswerContext, tuning: AnswerTuning): Promise<Hit[]> {
  const groups = (ctx.namedSources ?? [])
    .map((docs) => (req.filters?.documents ? docs.filter((d) => req.filters!.documents!.includes(d)) : docs))
    .filter((docs) => docs.length > 0)
    .slice(0, MAX_NAMED_SOURCES);
  if (groups.length === 0) return hits;
  const found = await Promise.all(
    groups.map((documents) => archive.search(req.question, { mode: rankingDefaults.mode, k: tuning.sourceHits, filters: { ...req.filters, documents } })),
  );
  // Named sources take turns, so each is in the answer's reach.
  const own = interleave(found);
  const key = (h: Hit) => `${h.docId}:${h.start}`;
  // A passage both searches found keeps the plain hit (with every signal's evidence), and the highlights of its own
  // search when the plain one, which highlights only the hits it lists, found it further down.
  const plain = new Map(hits.map((h) => [key(h), h]));
  const first = own.map((h) => {
    const p = plain.get(key(h));
    return !p ? h : p.highlights.length > 0 ? p : { ...p, highlights: h.highlights };
  });
  const seen = new Set(first.map(key));
  return [...first, ...hits.filter((h) => !seen.has(key(h)))].map((h, i) => (h.rank === i + 1 ? h : { ...h, rank: i + 1 }));
}

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/** What a strategy reads of the archive for one question. */
export function answerContext(archive: Pick<Archive, 'getTextAround' | 'answerSources'>, question: string): AnswerContext {
  const sources = archive.answerSources();
  return {
    textAround: (id, from, to) => archive.getTextAround(id, from, to),
    sources,
    namedSources: sources.namedSources(question),
    missingSource: sources.missingSource(question),
  };
}

/** Whether the default strategy would answer "Hierover staat niets in het archief." for these hits (the retrieval
 *  eval scores abstention with it). */
export function wouldAbstain(archive: Pick<Archive, 'getTextAround' | 'answerSources'>, question: string, hits: readonly Hit[]): boolean {
  const strategy = STRATEGIES[answerDefaults.strategy];
  return !strategy.compose(question, hits, answerContext(archive, question)).answered;
}
