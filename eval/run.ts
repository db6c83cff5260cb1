// Runs question sets against targets and assembles the report (JSON shape documented in eval/README.md).
// Questions run one at a time so latency figures are not inflated by our own concurrency.
import { performance } from 'node:perf_hooks';
import { docKey, normalise } from './normalise.ts';
import { relevanceUnits, unitsFoundBy, type RelevanceUnits } from './relevance.ts';
import { abstentionScores, firstRelevantRank, mean, ndcgAt, percentile, recallAt, reciprocalRankAt, type JudgedRanking } from './metrics.ts';
import {
  baselinePrefix, metricKeys,
  type AbstentionReport, type EvalHit, type EvalReport, type EvalTarget, type GroupMetrics, type MetricKey,
  type MetricSet, type ModeReport, type Question, type QuestionReport,
} from './types.ts';

export interface RunOptions {
  /** Retrieval depth: hits asked of each target per question (at least 10 for the @10 metrics). */
  k?: number;
  /** Called after each question, e.g. to print progress. */
  onProgress?: (target: string, done: number, total: number) => void;
}

/** How many top passages each question keeps in the report. */
const topShown = 5;
const snippetChars = 160;
const curveDepth = 10;

/** One target's outcome on one question. */
interface Outcome {
  question: Question;
  units: RelevanceUnits;
  hits: EvalHit[];
  hitNorms: string[];
  judged: JudgedRanking;
  latencyMs: number;
  abstained?: boolean;
}

export async function runEval(targets: EvalTarget[], questions: Question[], opts: RunOptions = {}): Promise<EvalReport> {
  const k = opts.k ?? 10;
  const modes: Record<string, ModeReport> = {};
  const abstention: Record<string, AbstentionReport> = {};
  const perTarget = new Map<string, Outcome[]>();

  for (const target of targets) {
    const outcomes: Outcome[] = [];
    for (const question of questions) {
      outcomes.push(await runOne(target, question, k));
      opts.onProgress?.(target.name, outcomes.length, questions.length);
    }
    perTarget.set(target.name, outcomes);
    modes[target.name] = modeReport(outcomes);
    if (target.abstains) {
      abstention[target.name] = abstentionScores(
        outcomes.map((o) => ({ answerable: o.units.length > 0, abstained: o.abstained === true })),
      );
    }
  }

  return {
    k,
    questionCount: questions.length,
    answerableCount: questions.filter((q) => relevanceUnits(q).length > 0).length,
    modes,
    abstention,
    vsBaselines: compareWithBaselines(modes),
    questions: questions.map((q, i) => questionReport(q, i, perTarget)),
  };
}

async function runOne(target: EvalTarget, question: Question, k: number): Promise<Outcome> {
  const units = relevanceUnits(question);
  const t0 = performance.now();
  const hits = (await target.search(question.question, k)).slice(0, k);
  const latencyMs = performance.now() - t0;
  const hitNorms = hits.map((h) => normalise(h.text));
  const judged = hits.map((h, i) => unitsFoundBy(h, units, hitNorms[i]));
  const abstained = target.abstains ? await target.abstains(question.question) : undefined;
  return { question, units, hits, hitNorms, judged, latencyMs, abstained };
}

function metricsOf(judged: JudgedRanking, unitCount: number): MetricSet {
  return {
    'recall@1': recallAt(judged, unitCount, 1),
    'recall@5': recallAt(judged, unitCount, 5),
    'recall@10': recallAt(judged, unitCount, 10),
    'mrr@10': reciprocalRankAt(judged, 10),
    'ndcg@10': ndcgAt(judged, unitCount, 10),
  };
}

function average(sets: MetricSet[]): GroupMetrics {
  const out = { count: sets.length } as GroupMetrics;
  for (const key of metricKeys) out[key] = mean(sets.map((s) => s[key]));
  return out;
}

function modeReport(outcomes: Outcome[]): ModeReport {
  const answerable = outcomes.filter((o) => o.units.length > 0);
  const scored = answerable.map((o) => ({ o, m: metricsOf(o.judged, o.units.length) }));
  const overall = average(scored.map((s) => s.m));

  const byType: Record<string, MetricSet[]> = {};
  for (const { o, m } of scored) (byType[o.question.type] ??= []).push(m);

  // Per document: the question restricted to its entries from that document (was *that* part found?).
  const byDocument: Record<string, MetricSet[]> = {};
  for (const o of answerable) {
    for (const doc of new Set(o.question.relevant.map((r) => docKey(r.doc)))) {
      const units = relevanceUnits({ type: o.question.type, relevant: o.question.relevant.filter((r) => docKey(r.doc) === doc) });
      const judged = o.hits.map((h, i) => unitsFoundBy(h, units, o.hitNorms[i]));
      (byDocument[doc] ??= []).push(metricsOf(judged, units.length));
    }
  }

  const latencies = outcomes.map((o) => o.latencyMs);
  const { count: _count, ...headline } = overall;
  return {
    ...headline,
    meanPassageChars: mean(outcomes.flatMap((o) => o.hits.map((h) => h.text.length))),
    latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)) },
    byType: mapValues(byType, average),
    byDocument: mapValues(byDocument, average),
    recallCurve: Array.from({ length: curveDepth }, (_, i) => mean(answerable.map((o) => recallAt(o.judged, o.units.length, i + 1)))),
  };
}

function compareWithBaselines(modes: Record<string, ModeReport>): EvalReport['vsBaselines'] {
  const names = Object.keys(modes);
  const baselines = names.filter((n) => n.startsWith(baselinePrefix));
  const ours = names.filter((n) => !n.startsWith(baselinePrefix));
  const out: EvalReport['vsBaselines'] = {};
  for (const mode of ours) {
    out[mode] = {};
    for (const base of baselines) {
      const ratios = {} as Record<MetricKey, number | null>;
      for (const key of metricKeys) ratios[key] = modes[base][key] === 0 ? null : modes[mode][key] / modes[base][key];
      out[mode][base] = ratios;
    }
  }
  return out;
}

function questionReport(q: Question, index: number, perTarget: Map<string, Outcome[]>): QuestionReport {
  const modes: QuestionReport['modes'] = {};
  for (const [name, outcomes] of perTarget) {
    const o = outcomes[index];
    const rank = firstRelevantRank(o.judged);
    modes[name] = {
      firstRelevantRank: rank,
      hit: rank !== null,
      found: recallAt(o.judged, o.units.length, 10),
      'recall@5': recallAt(o.judged, o.units.length, 5),
      'ndcg@10': ndcgAt(o.judged, o.units.length, 10),
      latencyMs: round(o.latencyMs),
      ...(o.abstained === undefined ? {} : { abstained: o.abstained }),
      top: o.hits.slice(0, topShown).map((h, i) => ({
        doc: h.doc,
        text: h.text.replace(/\s+/g, ' ').trim().slice(0, snippetChars),
        relevant: o.judged[i].length > 0,
      })),
    };
  }
  return { id: q.id, question: q.question, type: q.type, answerable: relevanceUnits(q).length > 0, modes };
}

function mapValues<A, B>(rec: Record<string, A>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(rec).map(([key, v]) => [key, f(v)]));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
