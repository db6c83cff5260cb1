// What the answer layer reads of the archive besides hits (answer/types.ts AnswerSources): IDF over the passages, the
// documents' names (so a question naming a party or organisation is recognised), and the lexical score ceiling of a
// question (the abstention decision compares the best hit's lexical score with it).
import type { AnswerSources } from '../answer/types.ts';
import { queryTerms } from '../retrieval/retrieve.ts';
import { missingSource, namedSources } from '../retrieval/source.ts';
import { listed, ownWords, passagesOf } from '../retrieval/signals.ts';
import { archiveNames, typedAsName } from '../retrieval/names.ts';
import { sourceDefaults } from '../lib/config.ts';
import type { ArchiveState } from './indexes.ts';
import { perDocument } from '../lib/memo.ts';

export function answerSources(s: ArchiveState): AnswerSources {
  const idf = (term: string) => {
    const n = s.lexical.size;
    const df = s.lexical.docFreq(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const names = archiveNames(s.docs.values(), undefined);
  const own = ownWords(s);
  return {
    idf,
    names,
    namedSources(question) {
      return namedSources(question, s.docs, sourceDefaults, own);
    },
    missingSource(question) {
      return missingSource(question, s.docs, sourceDefaults, typedAsName(question, names), (docs, year) => {
        const ids = docs.flatMap((d) => passagesOf(s, d));
        return ids.length > 0 && s.lexical.search([{ term: String(year), weight: 1, source: 'query' }], 1, listed(ids)).length > 0;
      }, own);
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

/** Documents' page maps, per open archive. A window is read with substr, not by reading the whole document: reading
 *  whole documents and caching them by characters thrashed on long programmes (programmas-nl: a third of answer
 *  composition). An entry is stale when the document's bytes or ingest time changed (a replace, here or in another
 *  process). */
const layouts = perDocument<ArchiveState, Layout>(20_000);

interface Layout {
  pageStarts: number[];
  /** In characters (code points); the text's own length where sliceable. */
  length: number;
  /** False for the rare text with characters beyond the BMP, which SQLite's offsets miss: read whole. */
  sliceable: boolean;
}

export function textAround(s: ArchiveState, docId: string, from: number, to: number): { text: string; offset: number; atEnd: boolean; pageStarts: number[] } | null {
  const meta = s.docs.get(docId);
  const entry = meta ? layouts(s, meta, () => s.store.documentLayout(docId)) : null;
  if (!entry) return null;
  const offset = Math.max(0, from);
  if (!entry.sliceable) {
    const whole = s.store.documentText(docId)?.text;
    return whole === undefined ? null : { text: whole.slice(offset, to), offset, atEnd: to >= whole.length, pageStarts: entry.pageStarts };
  }
  const text = s.store.documentSlice(docId, offset, to);
  return text === null ? null : { text, offset, atEnd: to >= entry.length, pageStarts: entry.pageStarts };
}
