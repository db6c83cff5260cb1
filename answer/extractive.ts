// The extractive strategy: the sentences of the top hits that best cover the question's content terms, copied
// verbatim, each with a citation whose offsets point into the clean document text. When the evidence is too thin
// it abstains instead of guessing.
import type { Hit } from '../lib/types.ts';
import { answerDefaults } from '../lib/config.ts';
import { splitSentences } from '../language/sentences.ts';
import { termOccurs, wordSets } from '../language/content-terms.ts';
import { abstainsOn, measureEvidence } from './evidence.ts';
import { NO_ANSWER, type Answer, type AnswerContext, type AnswerStrategy, type Citation } from './types.ts';

const SENTENCE_START = /^(?:["'‘“(]?[\p{Lu}\p{N}]|[-•–*▪·]\s)/u;
const SENTENCE_END = /[.!?…:;]["'’”)\]]*$/u;

interface Candidate {
  hit: Hit;
  start: number;
  end: number;
  quote: string;
  score: number;
}

export const extractive: AnswerStrategy = { name: 'extractive', compose: composeAnswer };

/** Composes the answer for `question` from ranked `hits` (best first). */
export function composeAnswer(question: string, hits: readonly Hit[], ctx?: AnswerContext, maxSentences = answerDefaults.maxSentences): Answer {
  const evidence = measureEvidence(question, hits);
  const closest = hits.slice(0, answerDefaults.closestHits);
  if (hits.length === 0 || abstainsOn(evidence)) return { answered: false, answer: NO_ANSWER, closest, evidence };

  const chosen = pickSentences(evidence.terms, hits, ctx, maxSentences);
  if (chosen.length === 0) return { answered: false, answer: NO_ANSWER, closest, evidence };

  const citations: Citation[] = chosen.map((c, i) => ({
    n: i + 1,
    docId: c.hit.docId,
    title: c.hit.document.title,
    pageFirst: c.hit.pageFirst,
    pageLast: c.hit.pageLast,
    quote: c.quote,
    start: c.start,
    end: c.end,
  }));
  const sentences = chosen.map((c, i) => ({ text: readable(c.quote), citation: i + 1 }));
  const answer = sentences.map((s) => `${s.text} [${s.citation}]`).join(' ');
  return { answered: true, answer, sentences, citations, evidence };
}

function pickSentences(terms: string[], hits: readonly Hit[], ctx: AnswerContext | undefined, max: number): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of hits.slice(0, answerDefaults.sentenceHits)) {
    const docText = ctx?.documentText(hit.docId);
    const spans = splitSentences(hit.text);
    for (const [i, span] of spans.entries()) {
      const quote = hit.text.slice(span.start, span.end);
      // A passage may begin or end mid-sentence: such fragments are not quoted.
      if (!SENTENCE_START.test(quote) || (i === spans.length - 1 && !SENTENCE_END.test(quote))) continue;
      const start = hit.start + span.start;
      const end = hit.start + span.end;
      if (docText !== undefined && docText?.slice(start, end) !== quote) continue;
      const score = sentenceScore(terms, quote, hit.rank);
      if (score > 0) candidates.push({ hit, start, end, quote, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.hit.rank - b.hit.rank || a.start - b.start);

  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  const minScore = (candidates[0]?.score ?? 0) * answerDefaults.minRelativeSentenceScore;
  for (const c of candidates) {
    if (chosen.length >= max || c.score < minScore) break;
    // Overlapping passages repeat sentences: the same words count once, wherever they come from.
    const key = readable(c.quote).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(c);
  }
  return chosen;
}

/** Share of the content terms in the sentence, a little for the hit's rank, less for questions,
 *  fragments and run-ons (which read badly as an answer). */
function sentenceScore(terms: string[], sentence: string, rank: number): number {
  const sets = wordSets(sentence);
  const found = terms.filter((t) => termOccurs(t, sets)).length;
  if (found === 0 || sets.words.size < answerDefaults.minSentenceWords) return 0;
  let score = found / terms.length + answerDefaults.rankWeight / rank;
  if (sentence.trimEnd().endsWith('?')) score *= 0.5;
  if (sentence.length > answerDefaults.maxSentenceChars) score *= 0.7;
  return score;
}

/** Line breaks and words hyphenated across them, folded for reading; the words stay the archive's. */
function readable(quote: string): string {
  return quote.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
