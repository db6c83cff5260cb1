// What an answer strategy returns, and the seam every strategy plugs into (answer/ask.ts lists them).
import type { Hit } from '../lib/types.ts';

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
  /** Whether that hit was also found by the lexical signal. */
  lexical: boolean;
  /** Names the question writes with a capital ("Amsterdam") that no top hit holds, in its text or as its source. */
  missingNames: string[];
}

export type Answer =
  | { answered: true; answer: string; sentences: AnswerSentence[]; citations: Citation[]; evidence: Evidence }
  | { answered: false; answer: string; closest: Hit[]; evidence: Evidence };

/** What a strategy may read besides the hits. */
export interface AnswerContext {
  /** The clean text of a document: every citation is checked against it and dropped if it does not match. */
  documentText(docId: string): string | null;
}

/** Turns a question and its ranked hits into an answer (or an honest refusal). */
export interface AnswerStrategy {
  readonly name: string;
  compose(question: string, hits: readonly Hit[], ctx: AnswerContext): Answer;
}
