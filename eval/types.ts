// Contracts of the evaluation harness. Anything that can rank passages for a query (our archive in one
// mode, a baseline) is an EvalTarget; question sets are read into Question values by qrels.ts.

/** One retrieved passage as the harness sees it. */
export interface EvalHit {
  /** Source file name (with or without extension): what the question set calls `doc`. */
  doc: string;
  /** Raw passage text; the harness normalises it before matching. */
  text: string;
  score: number;
}

/** A system under evaluation. */
export interface EvalTarget {
  /** Key of the target in the report's `modes` (e.g. "hybrid", "baseline:bm25-plain"). */
  name: string;
  search(query: string, k: number): Promise<EvalHit[]>;
  /** true when the system would answer "Hierover staat niets in het archief." */
  abstains?(query: string): Promise<boolean>;
  /** Releases what the target holds (temporary stores in a sweep). */
  close?(): Promise<void>;
}

/** One `relevant` entry: a quote from a document, or a whole document (document-level relevance). */
export interface RelevantEntry {
  doc: string;
  quote?: string;
}

export interface Question {
  id: string;
  question: string;
  /** definition | fact | paraphrase | list | multi | unanswerable, or a benchmark's own label ("legal"). */
  type: string;
  answer: string;
  relevant: RelevantEntry[];
}

/** The headline metrics, under the key names scripts read. */
export interface MetricSet {
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'ndcg@10': number;
}

export type MetricKey = keyof MetricSet;

export const metricKeys: MetricKey[] = ['recall@1', 'recall@5', 'recall@10', 'mrr@10', 'ndcg@10'];

export interface GroupMetrics extends MetricSet {
  /** Number of answerable questions in the group. */
  count: number;
}

export interface ModeReport extends MetricSet {
  /** Mean characters of the returned passages (top k), over all questions: how much a reader must read. */
  meanPassageChars: number;
  latencyMs: { p50: number; p95: number };
  /** Answerable questions only, keyed by question type. */
  byType: Record<string, GroupMetrics>;
  /** Keyed by document (without extension): each question scored on its relevant entries from that document. */
  byDocument: Record<string, GroupMetrics>;
  /** recall@k for k = 1..depth, for the recall curve. */
  recallCurve: number[];
}

export interface AbstentionReport {
  /** Unanswerable questions where the target abstained. */
  truePositives: number;
  /** Answerable questions where the target abstained. */
  falsePositives: number;
  /** Unanswerable questions where the target answered. */
  falseNegatives: number;
  trueNegatives: number;
  /** null when the target never abstained. */
  precision: number | null;
  /** null when the set has no unanswerable questions. */
  recall: number | null;
}

export interface TopPassage {
  doc: string;
  /** First 160 characters of the passage. */
  text: string;
  relevant: boolean;
}

export interface QuestionModeResult {
  /** 1-based rank of the first relevant passage within the retrieval depth, null when none. */
  firstRelevantRank: number | null;
  /** A relevant passage was retrieved within the depth. */
  hit: boolean;
  /** Fraction of the question's relevance units found in the top 10 (recall@10 of this question). */
  found: number;
  'recall@5': number;
  'ndcg@10': number;
  latencyMs: number;
  abstained?: boolean;
  top: TopPassage[];
}

export interface QuestionReport {
  id: string;
  question: string;
  type: string;
  answerable: boolean;
  modes: Record<string, QuestionModeResult>;
}

export interface EvalReport {
  /** Retrieval depth used (hits asked of each target). */
  k: number;
  questionCount: number;
  answerableCount: number;
  modes: Record<string, ModeReport>;
  /** Per target that can abstain. */
  abstention: Record<string, AbstentionReport>;
  /** ours[mode][baseline][metric] = our metric / baseline metric (null when the baseline scored 0). */
  vsBaselines: Record<string, Record<string, Record<MetricKey, number | null>>>;
  questions: QuestionReport[];
}

/** Name prefix that marks a target as a baseline in reports. */
export const baselinePrefix = 'baseline:';
