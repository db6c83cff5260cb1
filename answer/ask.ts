// A question -> an answer with citations (or the honest "niets gevonden"), with the hits it was built from.
// One function for the API's /api/ask and the CLI's `ask`, so both print the same JSON.
import type { Archive } from '../archive/api.ts';
import type { SearchFilters } from '../lib/types.ts';
import { rankingDefaults } from '../lib/config.ts';
import { composeAnswer } from './extractive.ts';

export interface AskRequest {
  question: string;
  k?: number;
  filters?: SearchFilters;
}

export async function ask(archive: Archive, req: AskRequest) {
  const t0 = performance.now();
  const hits = await archive.search(req.question, { mode: rankingDefaults.mode, k: req.k ?? rankingDefaults.k, filters: req.filters });
  const texts = new Map<string, string | null>();
  const documentText = (id: string) => {
    if (!texts.has(id)) texts.set(id, archive.getDocumentText(id));
    return texts.get(id) ?? null;
  };
  const answer = composeAnswer(req.question, hits, { documentText });
  return { question: req.question, took: Math.round(performance.now() - t0), ...answer, hits };
}
