// Answer-level evaluation: does the answer on top carry the answer? Per answerable question, whether a cited
// sentence carries a relevant quote (at least 60 % of the quote's words in that one sentence, from the quote's
// document); the share of answerable questions answered; abstention precision/recall/F1 on the unanswerable ones;
// sentences and characters per answer; latency. One clean function over any AnswerTargets (our strategy, the naive
// baseline, an ablation) so that the eval command and the team's suite call the same code. Definitions: eval/README.md.
import { performance } from 'node:perf_hooks';
import { normalise } from './normalise.ts';
import { relevanceUnits, type RelevanceUnits } from './relevance.ts';
import { docKey } from './normalise.ts';
import { abstentionScores, mean, percentile } from './metrics.ts';
import type { AbstentionReport, Question } from './types.ts';

/** A quote is carried by a sentence holding at least this share of the quote's words (issue 13's definition). */
export const CARRY_SHARE = 0.6;

/** One sentence of an answer, with the file name of the document it was copied from. */
export interface AnsweredSentence {
  text: string;
  doc: string;
}

export interface AnswerOutcome {
  answered: boolean;
  sentences: AnsweredSentence[];
  /** The strategy's confidence and the signals behind it, when it reports them (for calibration). */
  confidence?: number;
  signals?: Record<string, number>;
  /** The answer type the strategy read from the question (answer/question.ts), for the rules that depend on it. */
  answerType?: string;
}

/** Anything that answers a question (our strategy, a baseline): answered or abstained, and the sentences shown. */
export interface AnswerTarget {
  name: string;
  answer(question: string): Promise<AnswerOutcome>;
}

/** The retrieval report's abstention counts (eval/metrics.ts) with F1, null when precision or recall is. */
export interface AbstentionF1 extends AbstentionReport {
  f1: number | null;
}

export interface AnswerGroup {
  count: number;
  /** Mean over answerable questions of the share of units carried (an abstention carries nothing). */
  carries: number;
  /** Share of answerable questions answered. */
  answered: number;
}

export interface AnswerMetrics extends AnswerGroup {
  /** carries over the answered questions only: how good an answer is when one is given. */
  carriesWhenAnswered: number | null;
  abstention: AbstentionF1;
  /** Over answered questions (answerable or not). */
  sentencesPerAnswer: number;
  charsPerAnswer: number;
  latencyMs: { p50: number; p95: number };
  byType: Record<string, AnswerGroup>;
}

export interface AnswerQuestionResult {
  answered: boolean;
  /** Share of the question's units carried (0 for unanswerable questions). */
  carried: number;
  latencyMs: number;
  sentences: (AnsweredSentence & { carries: boolean })[];
  confidence?: number;
  signals?: Record<string, number>;
  answerType?: string;
}

export interface AnswerQuestionReport {
  id: string;
  question: string;
  type: string;
  answerable: boolean;
  targets: Record<string, AnswerQuestionResult>;
}

export interface AnswerReport {
  questionCount: number;
  answerableCount: number;
  targets: Record<string, AnswerMetrics>;
  questions: AnswerQuestionReport[];
}

/** Share of the quote's words (normalised, with repeats) that occur in the sentence. */
export function quoteShare(sentenceNorm: string, quoteNorm: string): number {
  const words = new Set(sentenceNorm.split(' '));
  const quote = quoteNorm.split(' ').filter(Boolean);
  return quote.length === 0 ? 0 : quote.filter((w) => words.has(w)).length / quote.length;
}

/** For each unit, whether one sentence of the answer carries it; and which sentences carry any unit. */
export function carriedUnits(units: RelevanceUnits, sentences: readonly AnsweredSentence[]): { units: boolean[]; sentences: boolean[] } {
  const norms = sentences.map((s) => normalise(s.text));
  const carriesBy = (i: number, unit: RelevanceUnits[number]) =>
    unit.some((m) => m.doc === docKey(sentences[i].doc) && (m.quoteNorm === null || quoteShare(norms[i], m.quoteNorm) >= CARRY_SHARE));
  return {
    units: units.map((unit) => sentences.some((_, i) => carriesBy(i, unit))),
    sentences: sentences.map((_, i) => units.some((unit) => carriesBy(i, unit))),
  };
}

export interface AnswerRunOptions {
  onProgress?: (target: string, done: number, total: number) => void;
}

/** Runs every target on every question (one at a time, so latencies are not our own concurrency) and scores them. */
export async function runAnswerEval(targets: AnswerTarget[], questions: Question[], opts: AnswerRunOptions = {}): Promise<AnswerReport> {
  const units = questions.map((q) => relevanceUnits(q));
  const perQuestion: AnswerQuestionReport[] = questions.map((q, i) => ({
    id: q.id, question: q.question, type: q.type, answerable: units[i].length > 0, targets: {},
  }));
  const metrics: Record<string, AnswerMetrics> = {};
  for (const target of targets) {
    for (const [i, q] of questions.entries()) {
      const t0 = performance.now();
      const out = await target.answer(q.question);
      const latencyMs = Math.round((performance.now() - t0) * 100) / 100;
      const sentences = out.answered ? out.sentences : [];
      const carried = carriedUnits(units[i], sentences);
      perQuestion[i].targets[target.name] = {
        answered: out.answered,
        carried: units[i].length === 0 ? 0 : carried.units.filter(Boolean).length / units[i].length,
        latencyMs,
        sentences: sentences.map((s, j) => ({ ...s, carries: carried.sentences[j] })),
        ...(out.confidence === undefined ? {} : { confidence: out.confidence, signals: out.signals, answerType: out.answerType }),
      };
      opts.onProgress?.(target.name, i + 1, questions.length);
    }
    metrics[target.name] = answerMetrics(perQuestion.map((q) => ({ q, r: q.targets[target.name] })));
  }
  return { questionCount: questions.length, answerableCount: units.filter((u) => u.length > 0).length, targets: metrics, questions: perQuestion };
}

type Row = { q: AnswerQuestionReport; r: AnswerQuestionResult };

function group(rows: Row[]): AnswerGroup {
  return { count: rows.length, carries: mean(rows.map((x) => x.r.carried)), answered: mean(rows.map((x) => (x.r.answered ? 1 : 0))) };
}

function answerMetrics(rows: Row[]): AnswerMetrics {
  const answerable = rows.filter((x) => x.q.answerable);
  const answered = rows.filter((x) => x.r.answered);
  const answeredAnswerable = answerable.filter((x) => x.r.answered);
  const byType: Record<string, Row[]> = {};
  for (const x of answerable) (byType[x.q.type] ??= []).push(x);
  const latencies = rows.map((x) => x.r.latencyMs);
  return {
    ...group(answerable),
    carriesWhenAnswered: answeredAnswerable.length === 0 ? null : mean(answeredAnswerable.map((x) => x.r.carried)),
    abstention: abstentionF1(rows.map((x) => ({ answerable: x.q.answerable, abstained: !x.r.answered }))),
    sentencesPerAnswer: mean(answered.map((x) => x.r.sentences.length)),
    charsPerAnswer: mean(answered.map((x) => x.r.sentences.reduce((s, t) => s + t.text.length, 0))),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    byType: Object.fromEntries(Object.entries(byType).map(([t, g]) => [t, group(g)])),
  };
}

/** Abstention as detection of unanswerable questions (abstaining on an answerable one is a false positive). */
export function abstentionF1(outcomes: { answerable: boolean; abstained: boolean }[]): AbstentionF1 {
  const a = abstentionScores(outcomes);
  const { precision: p, recall: r } = a;
  return { ...a, f1: p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
