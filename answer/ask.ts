// A question -> an answer with citations (or the honest "niets gevonden"), with the hits it was built from.
// One function for the API's /api/ask and the CLI's `ask`, so both print the same JSON. A new answer strategy is
// one file in answer/ and one entry in STRATEGIES.
import type { Archive } from '../archive/api.ts';
import type { SearchFilters } from '../lib/types.ts';
import { answerDefaults, rankingDefaults } from '../lib/config.ts';
import type { AnswerStrategy } from './types.ts';
import { extractive } from './extractive.ts';

export const STRATEGIES: Readonly<Record<string, AnswerStrategy>> = { extractive };

export interface AskRequest {
  question: string;
  k?: number;
  filters?: SearchFilters;
  /** A name in STRATEGIES; default answerDefaults.strategy. */
  strategy?: string;
}

export async function ask(archive: Pick<Archive, 'search' | 'getDocumentText'>, req: AskRequest) {
  const t0 = performance.now();
  const strategy = STRATEGIES[req.strategy ?? answerDefaults.strategy];
  if (!strategy) throw new Error(`unknown answer strategy "${req.strategy}"`);
  const hits = await archive.search(req.question, { mode: rankingDefaults.mode, k: req.k ?? rankingDefaults.k, filters: req.filters });
  const texts = new Map<string, string | null>();
  const documentText = (id: string) => {
    if (!texts.has(id)) texts.set(id, archive.getDocumentText(id));
    return texts.get(id) ?? null;
  };
  const answer = strategy.compose(req.question, hits, { documentText });
  return { question: req.question, took: Math.round(performance.now() - t0), ...answer, hits };
}
