// The archive as answer targets for eval/answers.ts: our answer strategy through ask() (as /api/ask runs it), and
// the naive baseline (the first two sentences of the top hit, never abstaining).
import type { Archive } from '../archive/api.ts';
import { ask, type AskRequest } from '../answer/ask.ts';
import { splitSentences } from '../language/sentences.ts';
import { rankingDefaults } from '../lib/config.ts';
import { baselinePrefix } from './types.ts';
import type { AnswerTarget } from './answers.ts';

type Reader = Pick<Archive, 'search' | 'getDocumentText' | 'getDocument'>;

/** Our answer, as `ask` gives it; `req` adds options (a strategy, an ablation) to every question. */
export function strategyTarget(archive: Reader, name: string, req: Omit<AskRequest, 'question'> = {}): AnswerTarget {
  const fileName = fileNames(archive);
  return {
    name,
    async answer(question) {
      const r = await ask(archive, { ...req, question });
      if (!r.answered) return { answered: false, sentences: [] };
      return { answered: true, sentences: r.sentences.map((s) => ({ text: s.text, doc: fileName(r.citations[s.citation - 1].docId) })) };
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
