// What the answer layer reads of the archive besides hits (answer/types.ts AnswerSources): IDF over the passages, the
// documents' names (so a question naming a party or organisation is recognised), and the lexical score ceiling of a
// question (the abstention decision compares the best hit's lexical score with it).
import type { DocumentMeta } from '../lib/types.ts';
import type { AnswerSources } from '../answer/types.ts';
import { documentNames, type DocumentNames } from '../answer/names.ts';
import { queryTerms } from '../retrieval/retrieve.ts';
import { namedSourceGroups } from '../retrieval/source.ts';
import { namedSourceWords } from '../answer/question.ts';
import { sourceDefaults } from '../lib/config.ts';
import type { ArchiveState } from './indexes.ts';
import { memoOnRecords } from '../lib/memo.ts';

export function answerSources(s: ArchiveState): AnswerSources {
  const idf = (term: string) => {
    const n = s.lexical.size;
    const df = s.lexical.docFreq(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const names = namesOf(s.docs.values(), undefined);
  return {
    idf,
    names,
    namedSources(question) {
      const typed = namedSourceWords(question, names);
      return namedSourceGroups(question, s.docs, sourceDefaults, (w) => typed.has(w));
    },
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

/** The documents' names, rebuilt when a document comes, goes or is replaced. */
const namesOf = memoOnRecords((docs: readonly DocumentMeta[]): DocumentNames => documentNames(docs));

/** Recently quoted documents, per open archive: a question's 20 hits often share documents, and questions come in
 *  runs on the same documents. SQLite reads a document's whole row even for a substring, so the cache is what saves
 *  the reads (pdf-nl: 60 % of answer composition was reading document text). Bounded by characters; an entry is
 *  stale when the document's bytes or ingest time changed (a replace, here or in another process). */
const TEXT_CACHE_CHARS = 8_000_000;
const textCaches = new WeakMap<ArchiveState, Map<string, CachedText>>();

interface CachedText {
  sha256: string;
  ingestedAt: string;
  text: string;
  pageStarts: number[];
}

export function textAround(s: ArchiveState, docId: string, from: number, to: number): { text: string; offset: number; atEnd: boolean; pageStarts: number[] } | null {
  const meta = s.docs.get(docId);
  if (!meta) return null;
  let cache = textCaches.get(s);
  if (!cache) textCaches.set(s, (cache = new Map()));
  let entry = cache.get(docId);
  if (entry && (entry.sha256 !== meta.sha256 || entry.ingestedAt !== meta.ingestedAt)) entry = undefined;
  if (!entry) {
    const d = s.store.documentText(docId);
    if (!d) return null;
    entry = { sha256: meta.sha256, ingestedAt: meta.ingestedAt, ...d };
    let size = [...cache.values()].reduce((n, e) => n + e.text.length, 0);
    for (const [id, e] of cache) {
      if (size + entry.text.length <= TEXT_CACHE_CHARS) break;
      cache.delete(id);
      size -= e.text.length;
    }
  }
  // Most recently used last: Map keeps insertion order.
  cache.delete(docId);
  cache.set(docId, entry);
  const offset = Math.max(0, from);
  return { text: entry.text.slice(offset, to), offset, atEnd: to >= entry.text.length, pageStarts: entry.pageStarts };
}
