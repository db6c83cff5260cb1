// The extractive strategy: the sentences of the top hits that best answer the question, copied verbatim, each with a
// citation that says whose words they are and on which page they stand. Sentences are scored by the question's
// IDF-weighted focus coverage (soft-matched where the words differ), the answer-type cue, agreement with the source the
// question names and, when features.meaning is on, closeness in meaning; the chosen ones are widened by the context
// rules. When the evidence is too thin it abstains instead of guessing, and shows the closest passages.
import type { Hit } from '../lib/types.ts';
import type { MissingSource } from '../retrieval/source.ts';
import { placeLabel } from '../retrieval/place.ts';
import { ordinalAt } from '../lib/sorted.ts';
import { answerDefaults, type AnswerTuning } from '../lib/config.ts';
import { analyseQuestion, type QuestionAnalysis } from './question.ts';
import { answerText, candidateSentences, widen, type Sentence, type Widened } from './candidates.ts';
import { contextReader, CoverageScorer, MeaningScorer, sourceAgreement, sentenceWords, termOrParts, type SentenceWords } from './coverage.ts';
import { CUED_TYPES, hasAnswerCue, sentenceWordsOf, type CueInput } from './cues.ts';
import { abstainsOn, measureEvidence, type BestSentence } from './evidence.ts';
import { NO_ANSWER, type Answer, type AnswerContext, type AnswerStrategy, type Citation } from './types.ts';

export interface Scored {
  s: Sentence;
  words: SentenceWords;
  /** The quote the context rules widen the sentence to (the sentence itself when features.context is off). */
  span: Widened;
  score: number;
  coverage: number;
  /** The sentence holds what the question type asks for. */
  cue: boolean;
  /** Agreement of the sentence's document with the sources the question names (1 when it names none). */
  agreement: number;
  otherSource: boolean;
  /** Closeness in meaning to the question's topic (MeaningScorer; 0 when features.meaning is off). */
  meaning: number;
}

export const extractive: AnswerStrategy = { name: 'extractive', compose: composeAnswer };

/** Composes the answer for `question` from ranked `hits` (best first). */
export function composeAnswer(question: string, hits: readonly Hit[], ctx?: AnswerContext, tuning: AnswerTuning = answerDefaults): Answer {
  const f = tuning.features;
  const sources = ctx?.sources;
  const idf = f.idfWeights ? sources?.idf : undefined;
  const analysis = analysisFor(question, sources, tuning);
  const groups = f.eachSource ? (ctx?.namedSources ?? []) : [];
  const scored = scoreSentences(analysis, candidateSentences(hits, ctx, tuning.sentenceHits), tuning, groups, question, idf);
  const firsts = firstOfEachSource(scored, groups);
  const pool = [...new Set([...firsts, ...scored])];
  const strongCue = CUED_TYPES.has(analysis.type);
  const firstOfSource = new Set(firsts);
  const chosen = choose(pool, tuning, strongCue, firstOfSource);
  const evidence = measureEvidence(question, analysis, hits, groundedSentence(chosen, analysis, tuning), ctx, tuning);
  const closest = hits.slice(0, tuning.closestHits);
  if (chosen.length === 0 || abstainsOn(evidence, tuning)) {
    const note = evidence.missingSource ? missingNote(evidence.missingSource) : chosen.length > 0 ? cueNote(evidence, tuning) : null;
    return { answered: false, answer: NO_ANSWER, closest, evidence, ...(note ? { note } : {}) };
  }

  // The decision read the best maxSentences sentences; the answer shows maxSentences quotes, and sentences that stand
  // next to each other are one quote, so it reads on to the next best sentences that stand apart. A list, or a
  // question naming several sources, needs room for each item or source: maxSentencesWide.
  const wide = analysis.type === 'list' || groups.length >= 2;
  const shown = wide ? { ...tuning, maxSentences: tuning.maxSentencesWide } : tuning;
  const quotes = joinAdjacent(choose(pool, shown, strongCue, firstOfSource, chosen));
  const citations: Citation[] = quotes.map((q, i) => citationOf(q.joined, i + 1, ctx));
  // Each part read as it would be alone (its bullet or bare number dropped), the parts in document order.
  const sentences = quotes.map((q, i) => ({ text: q.parts.map((p) => answerText(quoteOf(p))).join(' '), citation: citations[i].n }));
  const answer = sentences.map((s) => `${s.text} [${s.citation}]`).join(' ');
  return { answered: true, answer, sentences, citations, evidence };
}

/** The question's analysis as the strategy reads it under `tuning`'s features (the tools that dissect it use it too). */
export function analysisFor(question: string, sources: AnswerContext['sources'], tuning: AnswerTuning = answerDefaults): QuestionAnalysis {
  const f = tuning.features;
  return analyseQuestion(question, { idf: f.idfWeights ? sources?.idf : undefined, names: f.namedSources ? sources?.names : undefined, attribution: f.attribution });
}

/** Every candidate scored; prose only (tables, tables of contents and reference lines are never quoted). A document
 *  in one of the `named` groups (the documents the question names, one group per source) agrees fully: with "de SP en
 *  BVNL", BVNL's programme holds fewer of the question's source words than the SP's, yet is as much asked about. */
export function scoreSentences(
  analysis: QuestionAnalysis,
  candidates: readonly Sentence[],
  tuning: AnswerTuning = answerDefaults,
  named: readonly string[][] = [],
  question = '',
  idf: (term: string) => number = () => 1,
): Scored[] {
  const f = tuning.features;
  const cueTerms = topicOf(analysis).map((t) => t.term);
  const scorer = new CoverageScorer(analysis.focus, f.softMatch ? tuning.softMinSimilarity : null);
  const meaning = f.meaning && question ? new MeaningScorer(question, idf, new Set(analysis.focus.filter((t) => t.source).map((t) => t.term))) : null;
  // A document's agreement with the sources the question names: only worked out when it names one.
  const namesSource = f.namedSources && analysis.focus.some((t) => t.source);
  const namedDocs = new Set(named.flat());
  const inContext = contextReader();
  const asksTopic = analysis.focus.some((t) => !t.source);
  const out: Scored[] = [];
  for (const s of candidates) {
    const words = sentenceWords(s.text);
    if (words.sets.words.size < tuning.minSentenceWords) continue;
    const fresh = [...words.sets.words].filter((w) => !analysis.focus.some((t) => t.term === w) && w.length > 3).length;
    if (fresh < tuning.minNewWords) continue;
    const agreement = !namesSource || namedDocs.has(s.hit.docId) ? 1 : sourceAgreement(analysis.focus, (term) => inContext(s.hit, term));
    const cov = scorer.coverage(words, (t) => namesSource && termOrParts(t, (term) => inContext(s.hit, term)));
    if (cov.share <= 0 || (cov.exact === 0 && !f.softMatch)) continue;
    if (f.textKinds && s.kind !== 'prose') continue;
    const span = f.context ? widen(s) : { start: s.start, end: s.end, rule: null };
    // The cue as shown: a sentence's reason or number may stand in the sentence the context rules bring with it. The
    // quote's words are read only by a cue that reads words (most cues are patterns on the text; yes/no has none).
    const cue = hasAnswerCue(analysis.type, { text: s.text, words: words.words }, cueTerms) ||
      (span.rule !== null && hasAnswerCue(analysis.type, lazyCueInput(quoteOf({ s, span })), cueTerms));
    let score = cov.share;
    if (f.answerCues && cue) score *= 1 + tuning.cueBonus;
    if (s.text.trimEnd().endsWith('?')) score *= 0.5;
    if (s.quote.length > tuning.maxSentenceChars) score *= 0.7;
    // A sentence of the named source that says nothing of what is asked ("4.3 Nederland waterland 54 inhoudGroenLinks-
    // PvdA verkiezingsprogramma 2023-2028") holds the source's words as every sentence of that source does.
    if (asksTopic && !cov.topical) score *= tuning.sourceOnlyFactor;
    score += tuning.rankWeight / s.hit.rank;
    const close = meaning ? meaning.similarity(words) : 0;
    score += tuning.meaningWeight * close;
    out.push({ s, words, span, score, coverage: cov.share, cue, agreement, otherSource: false, meaning: close });
  }
  // Sentences from documents that agree less with the named sources than the best one does are demoted and labelled.
  const bestAgreement = Math.max(0, ...out.map((o) => o.agreement));
  for (const o of out) {
    if (o.agreement >= bestAgreement) continue;
    o.otherSource = true;
    o.score *= tuning.otherSourceFactor;
  }
  return out.sort((a, b) => b.score - a.score || a.s.hit.rank - b.s.hit.rank || a.s.start - b.s.start);
}

/** The focus terms that name no source (all of them when every one does). */
function topicOf(analysis: QuestionAnalysis): QuestionAnalysis['focus'] {
  const topic = analysis.focus.filter((t) => !t.source);
  return topic.length > 0 ? topic : analysis.focus;
}

/** What the abstention decision reads of a quoted sentence: also its coverage of the topic alone, soft and exact, over
 *  the quote as shown (with the predecessor, successor or list items the context rules bring). It reads the quote
 *  holding most of the topic word for word (the first of equals), or the first one when groundedEvidence is off. */
function groundedSentence(chosen: readonly Scored[], analysis: QuestionAnalysis, tuning: AnswerTuning): BestSentence | null {
  const topic = topicOf(analysis);
  const soft = new CoverageScorer(topic, tuning.features.softMatch ? tuning.softMinSimilarity : null);
  const exact = new CoverageScorer(topic, null);
  const quotes = chosen.map((c) => {
    const words = c.span.rule ? quoteWords(c) : c.words;
    return { c, words, topicExact: exact.coverage(words, () => false).share };
  });
  // The cue counts in a quote about what is asked: a number beside another topic answers no "hoeveel".
  const answerCue = quotes.some((q) => q.c.cue && q.topicExact > 0);
  let best: BestSentence | null = null;
  for (const { c, words, topicExact } of tuning.features.groundedEvidence ? quotes : quotes.slice(0, 1)) {
    if (best && topicExact <= best.topicExact) continue;
    best = { coverage: c.coverage, cue: c.cue, answerCue, hit: c.s.hit, topic: soft.coverage(words, () => false).share, topicExact, meaning: c.meaning };
  }
  return best;
}

/** A question naming several sources ("de SP en BVNL") asks about each: the best sentence of each named source, in
 *  score order, goes before the rest. */
function firstOfEachSource(scored: Scored[], groups: readonly string[][]): Scored[] {
  if (groups.length < 2) return [];
  return groups
    .map((docs) => scored.find((c) => docs.includes(c.s.hit.docId)))
    .filter((c): c is Scored => c !== undefined)
    .sort((a, b) => b.score - a.score);
}

/** The best sentences, widened by the context rules; a sentence whose quote overlaps one already chosen (overlapping
 *  passages, a predecessor that is itself a candidate) or repeats its words (near-duplicate documents) is skipped.
 *  Given an earlier choice (`from`), it adds only sentences that stand apart from every chosen one, each a quote of its
 *  own, until the answer holds maxSentences quotes. */
function choose(scored: Scored[], tuning: AnswerTuning, strongCue: boolean, firsts: ReadonlySet<Scored> = new Set(), from: readonly Scored[] = []): Scored[] {
  const chosen: Scored[] = [...from];
  let quotes = joinAdjacent(from).length;
  const minScore = (scored[0]?.score ?? 0) * tuning.minRelativeSentenceScore;
  // When the best sentence holds what the question asks for (a definition, a number, …), the others must too: a
  // sentence that only mentions the word ("Het wethouderssocialisme is daarom nog steeds relevant.") adds nothing.
  // Not for the weak procedure cue ("moet", "kan", "via"): "Hoe wilde Nederlandbeter de provincies indelen?" is
  // answered by "Nederland wordt verdeeld in noord, oost, zuid en west."
  const needCue = tuning.features.cueAgreement && strongCue && scored[0]?.cue === true;
  for (const c of scored) {
    if (quotes >= tuning.maxSentences) break;
    if (c.score < minScore) continue;
    // A named source's best sentence is not held to another source's cue.
    if (needCue && !c.cue && !firsts.has(c)) continue;
    const overlaps = (o: Scored) => o.s.hit.docId === c.s.hit.docId && o.span.start < c.span.end && c.span.start < o.span.end;
    if (chosen.some((o) => overlaps(o) || repeats(o.words, c.words, tuning.repeatShare))) continue;
    if (from.length > 0 && chosen.some((o) => joinedPair(o, c) !== null)) continue;
    chosen.push(c);
    quotes++;
  }
  return chosen;
}

/** Chosen sentences that stand next to each other in one document (nothing but white space between their quotes) are
 *  one quote with one citation: the reader sees the passage as it stands, not two numbered halves (a third of the
 *  answers to 55 sets). The quote that goes first keeps its place; the decision to answer was made on the sentences
 *  as chosen. */
function joinAdjacent(chosen: readonly Scored[]): { joined: Scored; parts: Scored[] }[] {
  const out = chosen.map((c) => ({ joined: c, parts: [c] }));
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const joined = joinedPair(out[i].joined, out[j].joined);
      if (!joined) continue;
      out[i] = { joined, parts: [...out[i].parts, ...out[j].parts].sort((a, b) => a.span.start - b.span.start) };
      out.splice(j, 1);
      j = i; // the longer quote may now touch another one
    }
  }
  return out;
}

/** `a` and `b` as one quote when they are adjacent (else null), read from a text window holding both. */
function joinedPair(a: Scored, b: Scored): Scored | null {
  if (a.s.hit.docId !== b.s.hit.docId) return null;
  const [first, second] = a.span.start <= b.span.start ? [a, b] : [b, a];
  const covers = (c: Scored) => c.s.offset <= first.span.start && second.span.end <= c.s.offset + c.s.base.length;
  const host = covers(a) ? a : covers(b) ? b : null;
  if (!host || second.span.start < first.span.end) return null;
  if (/\S/.test(host.s.base.slice(first.span.end - host.s.offset, second.span.start - host.s.offset))) return null;
  return { ...a, s: host.s, span: { start: first.span.start, end: second.span.end, rule: a.span.rule ?? b.span.rule } };
}

/** Whether two sentences say the same: the shorter one's words are nearly all in the other ("7. BVNL wil zeven dagen per
 *  week gratis openbaar vervoer …" and "- BVNL wil zeven dagen …"; a draft and its final version). */
function repeats(a: SentenceWords, b: SentenceWords, share: number): boolean {
  const [small, large] = a.sets.words.size <= b.sets.words.size ? [a.sets.words, b.sets.words] : [b.sets.words, a.sets.words];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared >= share * small.size;
}

/** The sentence as quoted, widened by the context rules. */
function quoteOf({ s, span }: Pick<Scored, 's' | 'span'>): string {
  return s.base.slice(span.start - s.offset, span.end - s.offset);
}

/** A quote's text, its words tokenised only when a cue reads them. */
function lazyCueInput(text: string): CueInput {
  let words: string[] | undefined;
  return {
    text,
    get words() {
      return (words ??= sentenceWordsOf(text));
    },
  };
}

function quoteWords(c: Pick<Scored, 's' | 'span'>): SentenceWords & { text: string } {
  const text = quoteOf(c);
  return { ...sentenceWords(text), text };
}

function citationOf(c: Scored, n: number, ctx: AnswerContext | undefined): Citation {
  const { s, span } = c;
  const quote = quoteOf(c);
  const starts = s.pageStarts;
  const d = s.hit.document;
  const pageFirst = starts ? ordinalAt(starts, span.start) : s.hit.pageFirst;
  const pageLast = starts ? ordinalAt(starts, span.end - 1) : s.hit.pageLast;
  const scanned = s.hit.ocr?.pages.some((p) => p >= pageFirst && p <= pageLast);
  const headingPath = s.hit.headingPath;
  const place = ctx?.placeOf?.(s.hit.docId, { start: span.start, end: span.end, pageFirst, pageLast, headingPath }) ?? placeLabel({ kind: d.pageKind ?? 'page', pageFirst, pageLast, heading: headingPath[0] });
  return {
    n, docId: s.hit.docId, title: d.title, organisation: d.organisation, fileName: d.fileName, year: d.year, pageFirst, pageLast, place,
    pageKind: d.pageKind ?? 'page', headingPath,
    quote, start: span.start, end: span.end, otherSource: c.otherSource,
    ...(scanned ? { ocr: { confidence: s.hit.ocr!.confidence } } : {}),
  };
}

/** What the question asks for, as the note on a refusal names it. */
const ASKED_FOR: Readonly<Record<string, string>> = {
  amount: 'bedrag', quantity: 'aantal', date: 'datum of jaar', person: 'naam', place: 'plaats', reason: 'reden', definition: 'omschrijving', list: 'opsomming',
};

/** Why a question whose answer type requires its cue was refused: "De passages die er het dichtst bij komen, noemen
 *  daarover geen aantal." (a number about something else is no answer). Null when a quote about the topic held the
 *  cue or the type requires none. */
export function cueNote(e: Pick<Answer['evidence'], 'answerType' | 'signals'>, tuning: AnswerTuning = answerDefaults): string | null {
  if (!tuning.abstention.requireCue.includes(e.answerType) || e.signals.answerCue !== 0) return null;
  return `De passages die er het dichtst bij komen, noemen daarover geen ${ASKED_FOR[e.answerType] ?? 'antwoord'}.`;
}

/** What the archive holds instead: "Het archief heeft van DS'70 geen stuk uit 1986, wel uit 1971, 1972, 1977, 1981 en
 *  1982." */
export function missingNote(m: MissingSource): string {
  const list = (ys: readonly number[]) => (ys.length > 1 ? `${ys.slice(0, -1).join(', ')} en ${ys[ys.length - 1]}` : String(ys[0]));
  return `Het archief heeft van ${m.source} geen stuk uit ${list(m.years)}, wel uit ${list(m.held)}.`;
}
