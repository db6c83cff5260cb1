// What the answer layer reads of the archive besides hits (answer/types.ts AnswerSources): IDF over the passages, the
// documents' names (so a question naming a party or organisation is recognised), and the lexical score ceiling of a
// question (the abstention decision compares the best hit's lexical score with it).
import type { DocumentMeta } from '../lib/types.ts';
import type { AnswerSources } from '../answer/types.ts';
import type { DocumentNames } from '../answer/question.ts';
import { surfaceWords, tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';
import { queryTerms } from '../retrieval/retrieve.ts';
import type { ArchiveState } from './indexes.ts';

export function answerSources(s: ArchiveState): AnswerSources {
  const idf = (term: string) => {
    const n = s.lexical.size;
    const df = s.lexical.docFreq(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  return {
    idf,
    names: documentNames(s.docs),
    lexicalCeiling(question) {
      // BM25+ of a passage of average length holding each query term once: per term weight x idf x (1 + delta),
      // times the coordination factor (lexical-index.ts), the most a typical passage can score for this question.
      const { delta, coordination } = s.lexical.params;
      const terms = queryTerms(s.analyser, question);
      const sum = terms.reduce((acc, t) => acc + t.weight * idf(t.term) * (1 + delta), 0);
      const matched = terms.reduce((acc, t) => acc + t.weight, 0);
      return coordination === 0 ? sum : sum * matched ** coordination;
    },
  };
}

const cache = new WeakMap<Map<string, DocumentMeta>, { size: number; names: DocumentNames }>();

/** The folded words of the documents' organisations, file names and years, rebuilt when documents come or go. */
function documentNames(docs: Map<string, DocumentMeta>): DocumentNames {
  const hit = cache.get(docs);
  if (hit && hit.size === docs.size) return hit.names;
  const byWord = new Map<string, Set<string>>();
  const acronyms = new Set<string>();
  const add = (word: string, id: string) => {
    let ids = byWord.get(word);
    if (!ids) byWord.set(word, (ids = new Set()));
    ids.add(id);
  };
  for (const d of docs.values()) {
    const name = `${d.organisation ?? ''} ${d.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}`.replace(/[_;.]/g, ' ');
    for (const w of surfaceWords(name)) {
      for (const t of tokenise(w.text)) {
        for (const part of [t.word, ...(t.parts ?? [])]) add(stem(part, 'fold'), d.id);
        if (/^[\p{Lu}\p{N}-]{2,}$/u.test(w.text) && /\p{L}/u.test(w.text)) acronyms.add(stem(t.word, 'fold'));
      }
    }
    if (d.year !== null) add(String(d.year), d.id);
  }
  const names: DocumentNames = {
    has: (t) => byWord.has(t),
    acronym: (t) => acronyms.has(t),
    documents(terms) {
      // The documents whose names hold the most of the terms ("CHU 1925 … Nederlandse" still finds CHU_1925 when
      // "Nederlandse" is in another file's name only); then, for a question naming two sources ("de ChristenUnie en de
      // Partij voor de Dieren"), those holding the most of the terms the first group left, years kept.
      const best = (words: Set<string>) => {
        const count = new Map<string, number>();
        for (const t of words) for (const id of byWord.get(t) ?? []) count.set(id, (count.get(id) ?? 0) + 1);
        const most = Math.max(0, ...count.values());
        return [...count].filter(([, n]) => n === most).map(([id]) => id);
      };
      const all = new Set(terms);
      const first = best(all);
      if (first.length === 0) return [];
      const left = [...all].filter((t) => !first.some((id) => byWord.get(t)?.has(id)));
      if (left.length === 0) return [first];
      const second = best(new Set([...left, ...[...all].filter((t) => /^\d{4}$/.test(t))])).filter((id) => !first.includes(id));
      return second.length > 0 ? [first, second] : [first];
    },
  };
  cache.set(docs, { size: docs.size, names });
  return names;
}
