// The abstention decision, shared by every strategy and the eval harness: a few signals, each a share in [0, 1] and
// comparable across questions, weighed into one confidence that is checked against a threshold chosen at the best
// abstention F1 on the question sets (EVAL.md, "Answers"). The signals:
// - sentence: weighted focus coverage of the best sentence (how much of the question one quotable sentence holds);
// - idfMass: share of the question's IDF mass found in the top hits (rare words the archive lacks weigh most);
// - lexical: the best lexical score among the top hits against the question's own maximum (every term once);
// - agreement: share of the top hits that both retrievers (lexical and dense) found;
// - source: how well the best sentence's document agrees with the sources the question names.
import type { Hit } from '../lib/types.ts';
import { answerDefaults, type AnswerTuning } from '../lib/config.ts';
import { termOccurs } from '../language/content-terms.ts';
import { hitContext } from './coverage.ts';
import type { QuestionAnalysis } from './question.ts';
import type { AnswerSources, Evidence } from './types.ts';

/** Answer types whose sentences have a cue (answer/cues.ts); for the others the cue signal is always 1. */
const CUED = new Set(['definition', 'quantity', 'date', 'person', 'place', 'reason', 'list']);

export interface BestSentence {
  coverage: number;
  topic: number;
  topicExact: number;
  cue: boolean;
  agreement: number;
  hit: Hit;
}

export function measureEvidence(
  question: string,
  analysis: QuestionAnalysis,
  hits: readonly Hit[],
  best: BestSentence | null,
  sources: AnswerSources | undefined,
  tuning: AnswerTuning = answerDefaults,
): Evidence {
  const top = hits.slice(0, tuning.evidenceHits);
  const contexts = top.map(hitContext);
  const mass = (terms: QuestionAnalysis['focus']) => {
    const total = terms.reduce((s, f) => s + f.weight, 0);
    return total > 0 ? terms.filter((f) => contexts.some((c) => termOccurs(f.term, c))).reduce((s, f) => s + f.weight, 0) / total : 0;
  };
  const topic = analysis.focus.filter((f) => !f.source);
  const bestContext = best ? hitContext(best.hit) : null;
  const named = analysis.focus.filter((f) => f.name || f.source);
  const rarest = [...topic].sort((a, b) => b.weight - a.weight)[0];
  const ceiling = sources?.lexicalCeiling(question) ?? 0;
  const lexicalBest = Math.max(0, ...top.map((h) => h.signals.lexical?.score ?? 0));
  const both = top.filter((h) => Object.keys(h.signals).length > 1).length;
  const signals: Record<string, number> = {
    sentence: best?.coverage ?? 0,
    topic: best?.topic ?? 0,
    topicExact: best?.topicExact ?? 0,
    cue: best?.cue || !CUED.has(analysis.type) ? 1 : 0,
    idfMass: mass(analysis.focus),
    topicMass: topic.length > 0 ? mass(topic) : mass(analysis.focus),
    lexical: ceiling > 0 ? Math.min(1, lexicalBest / ceiling) : lexicalBest > 0 ? 1 : 0,
    agreement: top.length > 0 ? both / top.length : 0,
    source: best?.agreement ?? 0,
    names: named.length === 0 ? 1 : bestContext ? named.filter((f) => termOccurs(f.term, bestContext)).length / named.length : 0,
    rarest: !rarest ? 1 : bestContext && termOccurs(rarest.term, bestContext) ? 1 : 0,
    cueTyped: best?.cue || !['quantity', 'date', 'person', 'place'].includes(analysis.type) ? 1 : 0,
  };
  return {
    answerType: analysis.type,
    terms: analysis.focus.map((f) => ({ term: f.term, weight: round(f.weight), source: f.source })),
    signals: Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, round(v)])),
    confidence: round(confidenceOf(signals, tuning)),
  };
}

/** The weighted mean of the signals. */
export function confidenceOf(signals: Record<string, number>, tuning: AnswerTuning = answerDefaults): number {
  let sum = 0;
  let weight = 0;
  for (const [name, w] of Object.entries(tuning.abstention.weights)) {
    if (w <= 0 || signals[name] === undefined) continue;
    sum += w * signals[name];
    weight += w;
  }
  return weight > 0 ? sum / weight : 0;
}

/** The decision: answer when the confidence reaches the calibrated threshold. */
export function abstainsOn(e: Evidence, tuning: AnswerTuning = answerDefaults): boolean {
  return e.confidence < tuning.abstention.threshold;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
