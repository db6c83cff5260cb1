// The extractive, cited answer: the sentences of the top hits that best cover the question's content
// terms, copied verbatim, each with a citation whose offsets point into the clean document text.
// When the evidence is too thin the answer abstains instead of guessing.
import type { Hit } from '../lib/types.ts';
import { answerDefaults } from '../lib/config.ts';
import { splitSentences } from '../language/sentences.ts';
import { contentTerms, termOccurs, tokenSets } from '../language/content-terms.ts';

export const NO_ANSWER = 'Hierover staat niets in het archief.';

export interface Citation {
  n: number;
  docId: string;
  title: string;
  pageFirst: number;
  pageLast: number;
  /** Exactly documentText.slice(start, end). */
  quote: string;
  start: number;
  end: number;
}

export interface AnswerSentence {
  /** The quote with its line breaks folded into spaces, for reading. */
  text: string;
  /** The citation number (1-based) that backs this sentence. */
  citation: number;
}

/** Why the answer was given or withheld: comparable across questions (shares, not raw scores). */
export interface Evidence {
  /** The question's content terms. */
  terms: string[];
  /** Highest share of the content terms found in any one of the top hits. */
  coverage: number;
  /** That hit's rank. */
  coverageRank: number | null;
  /** Whether that hit was also found by the lexical retriever. */
  lexical: boolean;
}

export type Answer =
  | { answered: true; answer: string; sentences: AnswerSentence[]; citations: Citation[]; evidence: Evidence }
  | { answered: false; answer: string; closest: Hit[]; evidence: Evidence };

export interface ComposeOptions {
  maxSentences?: number;
  /** When given, every citation is checked against the document text and dropped if it does not match. */
  documentText?: (docId: string) => string | null;
}

/** The evidence the abstention rule looks at: the best per-hit coverage of the content terms. */
export function measureEvidence(question: string, hits: readonly Hit[]): Evidence {
  const terms = contentTerms(question);
  let coverage = 0;
  let best: Hit | null = null;
  for (const hit of hits.slice(0, answerDefaults.evidenceHits)) {
    const sets = tokenSets(`${hit.text}\n${hit.headingPath.join('\n')}`);
    const share = terms.length === 0 ? 0 : terms.filter((t) => termOccurs(t, sets.tokens, sets.stems)).length / terms.length;
    if (share > coverage) [coverage, best] = [share, hit];
  }
  return {
    terms,
    coverage,
    coverageRank: best?.rank ?? null,
    lexical: best?.scores.lexical !== undefined,
  };
}

/** The abstention rule, shared with the eval harness: too little of the question is found in any
 *  top hit, or only the dense retriever (which always returns something) saw it. */
export function abstains(question: string, hits: readonly Hit[]): boolean {
  return abstainsOn(measureEvidence(question, hits));
}

function abstainsOn(e: Evidence): boolean {
  return e.coverage < answerDefaults.minCoverage || !e.lexical;
}

const SENTENCE_START = /^(?:["'‘“(]?[\p{Lu}\p{N}]|[-•–*▪·]\s)/u;
const SENTENCE_END = /[.!?…:;]["'’”)\]]*$/u;

interface Candidate {
  hit: Hit;
  start: number;
  end: number;
  quote: string;
  score: number;
}

/** Composes the answer for `question` from ranked `hits` (best first). */
export function composeAnswer(question: string, hits: readonly Hit[], opts: ComposeOptions = {}): Answer {
  const evidence = measureEvidence(question, hits);
  const closest = hits.slice(0, answerDefaults.closestHits);
  if (hits.length === 0 || abstainsOn(evidence)) return { answered: false, answer: NO_ANSWER, closest, evidence };

  const chosen = pickSentences(evidence.terms, hits, opts);
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

function pickSentences(terms: string[], hits: readonly Hit[], opts: ComposeOptions): Candidate[] {
  const candidates: Candidate[] = [];
  for (const hit of hits.slice(0, answerDefaults.sentenceHits)) {
    const docText = opts.documentText?.(hit.docId);
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

  const max = opts.maxSentences ?? answerDefaults.maxSentences;
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
  const { tokens, stems } = tokenSets(sentence);
  const found = terms.filter((t) => termOccurs(t, tokens, stems)).length;
  if (found === 0 || tokens.size < answerDefaults.minSentenceWords) return 0;
  let score = found / terms.length + answerDefaults.rankWeight / rank;
  if (sentence.trimEnd().endsWith('?')) score *= 0.5;
  if (sentence.length > answerDefaults.maxSentenceChars) score *= 0.7;
  return score;
}

/** Line breaks and words hyphenated across them, folded for reading; the words stay the archive's. */
function readable(quote: string): string {
  return quote.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
