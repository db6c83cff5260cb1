// The evidence an answer rests on, and the abstention rule shared by every strategy and the eval harness.
import type { Hit } from '../lib/types.ts';
import { answerDefaults } from '../lib/config.ts';
import { contentTerms, termOccurs, wordSets } from '../language/content-terms.ts';
import type { Evidence } from './types.ts';

/** The best per-hit coverage of the question's content terms among the top hits. */
export function measureEvidence(question: string, hits: readonly Hit[]): Evidence {
  const terms = contentTerms(question);
  let coverage = 0;
  let best: Hit | null = null;
  for (const hit of hits.slice(0, answerDefaults.evidenceHits)) {
    const sets = wordSets(`${hit.text}\n${hit.headingPath.join('\n')}`);
    const share = terms.length === 0 ? 0 : terms.filter((t) => termOccurs(t, sets)).length / terms.length;
    if (share > coverage) [coverage, best] = [share, hit];
  }
  return { terms, coverage, coverageRank: best?.rank ?? null, lexical: best?.signals.lexical !== undefined };
}

/** Too little of the question is found in any top hit, or only the dense signal (which always returns
 *  something) saw it. */
export function abstainsOn(e: Evidence): boolean {
  return e.coverage < answerDefaults.minCoverage || !e.lexical;
}

export function abstains(question: string, hits: readonly Hit[]): boolean {
  return abstainsOn(measureEvidence(question, hits));
}
