// The archive as answer targets for eval/answers.ts: our answer strategy through ask() (as /api/ask runs it), and
// the naive baseline (the first two sentences of the top hit, never abstaining).
import type { Archive } from '../archive/api.ts';
import { ask, type AnswerReader, type AskRequest } from '../answer/ask.ts';
import { splitSentences } from '../language/sentences.ts';
import { answerDefaults, rankingDefaults, type AnswerTuning } from '../lib/config.ts';
import { baselinePrefix } from './types.ts';
import type { AnswerTarget } from './answers.ts';

type Reader = AnswerReader & Pick<Archive, 'getDocument'>;

/** Our answer, as `ask` gives it; `req` adds options (a strategy, an ablation) to every question. */
export function strategyTarget(archive: Reader, name: string, req: Omit<AskRequest, 'question'> = {}): AnswerTarget {
  const fileName = fileNames(archive);
  return {
    name,
    async answer(question) {
      const r = await ask(archive, { ...req, question });
      const { confidence, signals, answerType } = r.evidence;
      if (!r.answered) return { answered: false, sentences: [], confidence, signals, answerType };
      const sentences = r.sentences.map((s) => ({ text: s.text, doc: fileName(r.citations[s.citation - 1].docId) }));
      return { answered: true, sentences, confidence, signals, answerType };
    },
  };
}

/** The naive answer: the first `count` sentences of the top hybrid hit. */
export function firstSentencesBaseline(archive: Pick<Archive, 'search' | 'getDocument'>, count = 2): AnswerTarget {
  const fileName = fileNames(archive);
  return {
    name: `${baselinePrefix}first-${count}-sentences`,
    async answer(question) {
      const [top] = await archive.search(question, { mode: rankingDefaults.mode, k: rankingDefaults.k });
      if (!top) return { answered: false, sentences: [] };
      const spans = splitSentences(top.text).slice(0, count);
      return { answered: true, sentences: spans.map((s) => ({ text: top.text.slice(s.start, s.end).replace(/\s+/g, ' '), doc: fileName(top.docId) })) };
    },
  };
}

function fileNames(archive: Pick<Archive, 'getDocument'>): (docId: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let name = cache.get(id);
    if (name === undefined) {
      name = archive.getDocument(id)?.fileName ?? id;
      cache.set(id, name);
    }
    return name;
  };
}

/** The default tuning without abstaining (threshold below every confidence, no topic-word or cue rule): what the
 *  strategy would answer. The calibration applies them afterwards from the reported evidence. */
export function neverAbstaining(base: AnswerTuning = answerDefaults): AnswerTuning {
  return { ...base, abstention: { ...base.abstention, threshold: -1, requireTopicWord: false, requireCue: [] } };
}

/** One target per piece of the strategy switched off: features, then each weighed abstention signal (weight 0). */
export function ablationTargets(archive: Reader, base: AnswerTuning = answerDefaults): AnswerTarget[] {
  const features = Object.keys(base.features) as (keyof AnswerTuning['features'])[];
  const signals = Object.entries(base.abstention.weights).filter(([, w]) => w > 0).map(([name]) => name);
  return [
    ...features.map((f) => strategyTarget(archive, `-${f}`, { tuning: { ...base, features: { ...base.features, [f]: false } } })),
    ...signals.map((sig) =>
      strategyTarget(archive, `-signal:${sig}`, { tuning: { ...base, abstention: { ...base.abstention, weights: { ...base.abstention.weights, [sig]: 0 } } } }),
    ),
  ];
}
