// A question -> an answer with citations (or the honest "niets gevonden"), with the hits it was built from.
// One function for the API's /api/ask and the CLI's `ask`, so both print the same JSON. A new answer strategy is
// one file in answer/ and one entry in STRATEGIES.
import type { Archive } from '../archive/api.ts';
import type { Hit, SearchFilters } from '../lib/types.ts';
import { answerDefaults, rankingDefaults, type AnswerTuning } from '../lib/config.ts';
import type { AnswerContext, AnswerStrategy } from './types.ts';
import { extractive } from './extractive.ts';

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

export type AnswerReader = Pick<Archive, 'search' | 'getTextAround' | 'answerSources' | 'placeOf'>;

export async function ask(archive: AnswerReader, req: AskRequest) {
  const t0 = performance.now();
  const strategy = STRATEGIES[req.strategy ?? answerDefaults.strategy];
  if (!strategy) throw new Error(`unknown answer strategy "${req.strategy}"`);
  const tuning = req.tuning ?? answerDefaults;
  const k = req.k ?? rankingDefaults.k;
  const ctx = answerContext(archive, req.question);
  // The answer may draw on more hits than the caller wants listed. The passages of the sources the question names come
  // first (retrieval/retrieve.ts namedFirst).
  const hits = await archive.search(req.question, {
    mode: rankingDefaults.mode, k: Math.max(k, tuning.sentenceHits), filters: req.filters, highlight: k, namedFirst: tuning.features.sourceSearch,
  });
  const answer = strategy.compose(req.question, hits, ctx, tuning);
  return { question: req.question, took: Math.round(performance.now() - t0), ...answer, hits: hits.slice(0, k) };
}

/** What a strategy reads of the archive for one question. */
export function answerContext(archive: Pick<Archive, 'getTextAround' | 'answerSources' | 'placeOf'>, question: string): AnswerContext {
  const sources = archive.answerSources();
  return {
    textAround: (id, from, to) => archive.getTextAround(id, from, to),
    placeOf: (id, span) => archive.placeOf(id, span),
    sources,
    namedSources: sources.namedSources(question),
    missingSource: sources.missingSource(question),
  };
}

/** Whether the default strategy would answer "Hierover staat niets in het archief." for these hits (the retrieval
 *  eval scores abstention with it). */
export function wouldAbstain(archive: Pick<Archive, 'getTextAround' | 'answerSources' | 'placeOf'>, question: string, hits: readonly Hit[]): boolean {
  const strategy = STRATEGIES[answerDefaults.strategy];
  return !strategy.compose(question, hits, answerContext(archive, question)).answered;
}
