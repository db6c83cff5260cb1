// What an answer strategy returns, and the seam every strategy plugs into (answer/ask.ts lists them).
import type { CitedSpan, Hit, PageKind, Passage } from '../lib/types.ts';
import type { DocumentNames } from '../retrieval/names.ts';
import type { MissingSource } from '../retrieval/source.ts';
import type { AnswerTuning } from '../lib/config.ts';

export const NO_ANSWER = 'Hierover staat niets in het archief.';

/** A citation says whose words these are (title, organisation, year: in every citation) and where the quoted sentence
 *  itself sits, not the passage it was found in: its pages, and for formats without pages its section and paragraph
 *  (Word, HTML: pageKind 'section') or paragraph (text: 'paragraph'), all in `place`. The quote is exactly
 *  documentText.slice(start, end). */
export interface Citation extends CitedSpan {
  n: number;
  pageKind: PageKind;
  place: string;
  /** The headings the quoted passage sits under, outermost first. */
  headingPath: string[];
  /** The question names a source (a party, organisation, year) and this document is not it: shown with a warning. */
  otherSource: boolean;
  /** The document's file name: says whose words they are where the metadata has no organisation ("GPV_1989.txt"). */
  fileName: string;
  /** The quoted pages were read from a scan: "tekst uit scan (OCR)", with Tesseract's lowest confidence (0..1). */
  ocr?: { confidence: number };
}

export interface AnswerSentence {
  /** The quote for reading: its line breaks folded into spaces, without the bullet or number of a list item it opens
   *  with (the citation's quote keeps them). */
  text: string;
  /** The citation number (1-based) that backs this sentence. */
  citation: number;
}

/** Why the answer was given or withheld: comparable across questions (shares, not raw scores). */
export interface Evidence {
  /** The expected answer type from the question's form (answer/question.ts). */
  answerType: string;
  /** The question's focus terms, with their IDF weights; `source` marks words that name a source. */
  terms: { term: string; weight: number; source: boolean }[];
  /** The signals the decision weighs, each in [0, 1] (answer/evidence.ts). */
  signals: Record<string, number>;
  /** Their weighted mean: the answer is given when it reaches answerDefaults.abstention.threshold. */
  confidence: number;
  /** The question names a source in a year the archive does not hold it: confidence 0, whatever the signals. */
  missingSource?: MissingSource;
}

export type Answer =
  | { answered: true; answer: string; sentences: AnswerSentence[]; citations: Citation[]; evidence: Evidence }
  /** note: what the archive holds instead (a source's other years) or lacks (no number for "hoeveel"). */
  | { answered: false; answer: string; closest: Hit[]; evidence: Evidence; note?: string };

/** What a strategy may read besides the hits. */
export interface AnswerContext {
  /** The document text around [from, to) (offset: where `text` starts in the document; atEnd: it reaches the end) and
   *  the offsets where the document's pages start. Every quote is an exact slice of the document text, and a quote's
   *  pages come from the page starts. */
  textAround(docId: string, from: number, to: number): { text: string; offset: number; atEnd: boolean; pageStarts: readonly number[] } | null;
  /** A quoted span's place as citations name it (Archive.placeOf); absent or null, its pages. */
  placeOf?(docId: string, span: Pick<Passage, 'start' | 'end' | 'pageFirst' | 'pageLast' | 'headingPath'>): string | null;
  /** The archive's term statistics and document names; absent, every term weighs 1 and no source is recognised. */
  sources?: AnswerSources;
  /** The documents the question names, one group per source (AnswerSources.namedSources), worked out once per
   *  question for the sentence choice; absent, the question names none. */
  namedSources?: readonly string[][];
  /** A source the question names in a year the archive lacks (AnswerSources.missingSource), worked out once. */
  missingSource?: MissingSource | null;
}

/** Archive-wide facts the question analysis and the abstention decision read (archive/archive.ts provides them). */
export interface AnswerSources {
  /** IDF of a folded term over the archive's passages; unseen terms get the largest. */
  idf(term: string): number;
  names: DocumentNames;
  /** The documents the question names best, one group per named source (retrieval/source.ts namedSourceGroups). */
  namedSources(question: string): string[][];
  /** A source the question names in a year the archive does not hold it (retrieval/source.ts missingSource). */
  missingSource(question: string): MissingSource | null;
  /** The lexical score a passage holding each of the question's terms once would get: the question's own maximum. */
  lexicalCeiling(question: string): number;
}

/** Turns a question and its ranked hits into an answer (or an honest refusal). */
export interface AnswerStrategy {
  readonly name: string;
  compose(question: string, hits: readonly Hit[], ctx: AnswerContext, tuning?: AnswerTuning): Answer;
}
