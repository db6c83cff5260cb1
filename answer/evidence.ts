// The evidence an answer rests on, and the abstention rule shared by every strategy and the eval harness.
import type { Hit } from '../lib/types.ts';
import { answerDefaults } from '../lib/config.ts';
import { contentTerms, termOccurs, wordSets } from '../language/content-terms.ts';
import { metadataWords } from '../retrieval/source.ts';
import type { Evidence } from './types.ts';

/** The best per-hit coverage of the question's content terms among the top hits. Terms that name the hit's own
 *  document ("de PvdA in 2018" for a PvdA programme of 2018) say which document, not that it answers: they are left
 *  out for that hit, since retrieval now ranks the named documents first (retrieval/source.ts). */
export function measureEvidence(question: string, hits: readonly Hit[]): Evidence {
  const terms = contentTerms(question);
  let coverage = 0;
  let best: Hit | null = null;
  for (const hit of hits.slice(0, answerDefaults.evidenceHits)) {
    const sets = wordSets(`${hit.text}\n${hit.headingPath.join('\n')}`);
    const names = metadataWords(hit.document, false);
    const asked = terms.filter((t) => !names.has(t));
    const share = asked.length === 0 ? 0 : asked.filter((t) => termOccurs(t, sets)).length / asked.length;
    if (share > coverage) [coverage, best] = [share, hit];
  }
  return { terms, coverage, coverageRank: best?.rank ?? null, lexical: best?.signals.lexical !== undefined, missingNames: missingNames(question, hits) };
}

/** Capitalised words after the first ("Amsterdam", "PvdA") that no top hit holds in its text or its document's
 *  metadata: a question about a place, person or party the retrieved passages never mention is not answered by them.
 *  Needed since retrieval ranks the named documents first: a passage of the PvdA's 2018 programme covers "PvdA",
 *  "2018", "gemeenteraad" of a question about seats in Amsterdam without saying anything about Amsterdam. */
function missingNames(question: string, hits: readonly Hit[]): string[] {
  const names = [...question.matchAll(/[\p{L}\p{M}]+/gu)].slice(1).map((m) => m[0]).filter((w) => /^\p{Lu}/u.test(w));
  const terms = contentTerms(names.join(' '));
  if (terms.length === 0) return [];
  const top = hits.slice(0, answerDefaults.evidenceHits);
  const sets = top.map((h) => wordSets(`${h.text}\n${h.headingPath.join('\n')}`));
  const meta = top.map((h) => metadataWords(h.document, true));
  return terms.filter((t) => !sets.some((s) => termOccurs(t, s)) && !meta.some((m) => m.has(t)));
}

/** Too little of the question is found in any top hit, or only the dense signal (which always returns
 *  something) saw it, or a name the question asks about is in none of them. */
export function abstainsOn(e: Evidence): boolean {
  return e.coverage < answerDefaults.minCoverage || !e.lexical || e.missingNames.length > 0;
}

export function abstains(question: string, hits: readonly Hit[]): boolean {
  return abstainsOn(measureEvidence(question, hits));
}
