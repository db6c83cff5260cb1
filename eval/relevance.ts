// The relevance rule of ../shared/eval/README.md: a passage is relevant to a quote when its normalised text
// contains the normalised quote, or 80 % of the quote's words as one contiguous run, on word boundaries, and
// the passage comes from the quote's document. A document-only entry makes every passage of it relevant.
import { docKey, normalise } from './normalise.ts';
import type { EvalHit, Question, RelevantEntry } from './types.ts';

/** `passageNorm` and `quoteNorm` must already be normalised. */
export function matchesQuote(passageNorm: string, quoteNorm: string): boolean {
  const padded = ` ${passageNorm} `;
  if (padded.includes(` ${quoteNorm} `)) return true;
  const words = quoteNorm.split(' ');
  const m = Math.ceil(0.8 * words.length);
  for (let i = 0; i + m <= words.length; i++) {
    if (padded.includes(` ${words.slice(i, i + m).join(' ')} `)) return true;
  }
  return false;
}

/** A relevant entry prepared for matching. */
interface Matcher {
  doc: string;
  quoteNorm: string | null;
}

/**
 * What a question asks to find, as units each of which is found when any of its matchers matches.
 * - Alternative quotes (every type but `multi`): one unit; any quote answers the question.
 * - `multi`: one unit per quote; each is a required part of the answer.
 * - Document-level entries (no quote): one unit per distinct document (BEIR style).
 */
export type RelevanceUnits = Matcher[][];

export function relevanceUnits(q: Pick<Question, 'type' | 'relevant'>): RelevanceUnits {
  const matchers = dedupe(q.relevant).map(toMatcher);
  if (matchers.length === 0) return [];
  const documentLevel = matchers.every((m) => m.quoteNorm === null);
  if (documentLevel || q.type === 'multi') return matchers.map((m) => [m]);
  return [matchers];
}

/** For one hit, the indexes of the units it finds. */
export function unitsFoundBy(hit: EvalHit, units: RelevanceUnits, hitNorm = normalise(hit.text)): number[] {
  const doc = docKey(hit.doc);
  const found: number[] = [];
  units.forEach((unit, i) => {
    if (unit.some((m) => m.doc === doc && (m.quoteNorm === null || matchesQuote(hitNorm, m.quoteNorm)))) found.push(i);
  });
  return found;
}

function toMatcher(e: RelevantEntry): Matcher {
  return { doc: docKey(e.doc), quoteNorm: e.quote === undefined ? null : normalise(e.quote) };
}

/** The same document listed twice is one relevant document, not two. */
function dedupe(entries: RelevantEntry[]): RelevantEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${docKey(e.doc)}\u0000${e.quote ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
