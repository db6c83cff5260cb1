// The abstention decision, shared by every strategy and the eval harness: signals, each a share in [0, 1] and
// comparable across questions, weighed into one confidence that is checked against a threshold chosen at the best
// abstention F1 over the question sets pooled (EVAL.md, "Answers", has each signal's separation and the search over
// combinations). "The best sentence" is the quote holding most of the topic word for word, read as shown, with the
// sentences the context rules bring (the strategy chooses it: answer/extractive.ts groundedSentence). The signals,
// all reported in the evidence:
// - topicExact: IDF-weighted share of the question's topic (the focus terms that name no source) that the best
//   sentence holds word for word (same word, light stem or compound part);
// - names: share of the names, acronyms and years the question types that occur where the best sentence stands (its
//   passage, heading or document name): "de VVD … 2023" answered from the SP's programme misses "VVD";
// - topic: topicExact with soft matches (word vectors) for the words the sentence lacks;
// - agreement: share of the top hits that two retrieval signals both rank in their top 10;
// - sentence: the best sentence's weighted focus coverage, soft matches and agreeing sources included;
// - idfMass: share of the question's IDF mass found in the top hits;
// - lexical: the best lexical score among the top hits against the question's own maximum (every term once);
// - cue: the best sentence has the answer-type cue (1 for types without one);
// - answerCue: some quote holding a topic word has it (1 for types without one): a "hoeveel" answer without a number
//   about what is asked answers nothing, and abstainsOn refuses it for the types in answerDefaults.abstention.requireCue;
// - meaning: the best sentence's closeness in meaning to the topic (answer/coverage.ts MeaningScorer), when
//   features.meaning is on.
// Only topicExact and names are weighed (lib/config.ts answerDefaults.abstention has the measurement).
import type { Hit } from '../lib/types.ts';
import { answerDefaults, type AnswerTuning } from '../lib/config.ts';
import { termOccurs, type WordSets } from '../language/content-terms.ts';
import { hitContext, termOrParts } from './coverage.ts';
import { CUED_TYPES } from './cues.ts';
import type { QuestionAnalysis } from './question.ts';
import type { AnswerContext, Evidence } from './types.ts';

/** A hit two retrieval signals both rank this high counts as agreed on (whatever the mode's signals are: lexical and
 *  dense, or lexical and the semantic re-ranker). */
const AGREE_RANK = 10;

export interface BestSentence {
  coverage: number;
  topic: number;
  topicExact: number;
  meaning: number;
  cue: boolean;
  /** Some quote holding a topic word word for word, not only this one, has the answer-type cue. */
  answerCue: boolean;
  hit: Hit;
}

export function measureEvidence(
  question: string,
  analysis: QuestionAnalysis,
  hits: readonly Hit[],
  best: BestSentence | null,
  ctx: Pick<AnswerContext, 'sources' | 'missingSource'> | undefined,
  tuning: AnswerTuning = answerDefaults,
): Evidence {
  const sources = ctx?.sources;
  const top = hits.slice(0, tuning.evidenceHits);
  const contexts = top.map(hitContext);
  const mass = (terms: QuestionAnalysis['focus']) => {
    const total = terms.reduce((s, f) => s + f.weight, 0);
    return total > 0 ? terms.filter((f) => contexts.some((c) => termOccurs(f.term, c))).reduce((s, f) => s + f.weight, 0) / total : 0;
  };
  const bestContext = best ? hitContext(best.hit) : null;
  const named = analysis.focus.filter((f) => f.name || f.source);
  const ceiling = sources?.lexicalCeiling(question) ?? 0;
  const lexicalBest = Math.max(0, ...top.map((h) => h.signals.lexical?.score ?? 0));
  const both = top.filter((h) => Object.values(h.signals).filter((x) => x.rank <= AGREE_RANK).length >= 2).length;
  const signals: Record<string, number> = {
    topicExact: best?.topicExact ?? 0,
    names: named.length === 0 ? 1 : bestContext ? named.filter((f) => namedWhere(f, bestContext)).length / named.length : 0,
    topic: best?.topic ?? 0,
    agreement: top.length > 0 ? both / top.length : 0,
    sentence: best?.coverage ?? 0,
    idfMass: mass(analysis.focus),
    lexical: ceiling > 0 ? Math.min(1, lexicalBest / ceiling) : lexicalBest > 0 ? 1 : 0,
    cue: best?.cue || !CUED_TYPES.has(analysis.type) ? 1 : 0,
    answerCue: best?.answerCue || !CUED_TYPES.has(analysis.type) ? 1 : 0,
    // Only measured when features.meaning is on: a constant 0 would read as "nothing alike".
    ...(tuning.features.meaning ? { meaning: best?.meaning ?? 0 } : {}),
  };
  // "DS'70 in 1986" when the archive holds DS'70's programmes of 1971-1982 only: whatever another year's or another
  // party's sentences say, they do not answer.
  const missing = tuning.features.missingSource ? (ctx?.missingSource ?? null) : null;
  return {
    answerType: analysis.type,
    terms: analysis.focus.map((f) => ({ term: f.term, weight: round(f.weight), source: f.source })),
    signals: Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, round(v)])),
    confidence: missing ? 0 : round(confidenceOf(signals, tuning)),
    ...(missing ? { missingSource: missing } : {}),
  };
}

/** A name occurs where the sentence stands, also as the place its adjective is made from: "de Helderse raad" in Den
 *  Helder's decisions, "het Amsterdamse ziekenhuis" beside "Amsterdam" (Dutch adds -s or -se). */
export function nameOccurs(term: string, context: WordSets): boolean {
  if (termOccurs(term, context)) return true;
  const m = /^(\p{L}{4,}?)(?:se|s)$/u.exec(term);
  return m !== null && context.words.has(m[1]);
}

/** A name of the question occurs where the sentence stands; a source named by a hyphenated pair ("PvdA-GroenLinks")
 *  where both parts do. */
function namedWhere(f: QuestionAnalysis['focus'][number], context: WordSets): boolean {
  return f.source ? termOrParts(f, (t) => nameOccurs(t, context)) : nameOccurs(f.term, context);
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

/** The decision: answer when the best sentence holds at least one topic word as the question has it, the answer
 *  holds what the question type asks for where that is required (a number for "hoeveel"), and the confidence reaches
 *  the calibrated threshold. Without the first condition a sentence sharing no word with the
 *  question ("Laat mensen maar merken dat het niet onze keuzes zijn." for a parking permit in Utrecht) could pass on
 *  related words and agreeing retrievers alone. */
export function abstainsOn(e: Evidence, tuning: AnswerTuning = answerDefaults): boolean {
  return gatedOut(e, tuning.abstention) || e.confidence < tuning.abstention.threshold;
}

/** The rules before the threshold, also replayed by the calibration (eval/calibrate.ts) from recorded evidence. */
export function gatedOut(e: Pick<Evidence, 'answerType' | 'signals'>, abstention: AnswerTuning['abstention'] = answerDefaults.abstention): boolean {
  return (abstention.requireTopicWord && e.signals.topicExact === 0) || (abstention.requireCue.includes(e.answerType) && e.signals.answerCue === 0);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
