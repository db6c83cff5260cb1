// The archive's document names as the question analysis reads them: which words name a document (its organisation
// and file name, folded), which of those are acronyms, and which documents a question's source words point to.
import type { DocumentMeta } from '../lib/types.ts';
import { surfaceWords, tokenise } from '../language/tokenise.ts';
import { stem } from '../language/stem.ts';

/** Which folded words occur in the archive's document names (organisations, file names, years). */
export interface DocumentNames {
  has(term: string): boolean;
  /** Written as an acronym there ("PVV_2010.txt", "VNG"). */
  acronym(term: string): boolean;
  /** The documents a question's source words name: one group, or two when it names two sources; none when no name
   *  holds any of the words. */
  documents(terms: readonly string[]): string[][];
}

export const NO_NAMES: DocumentNames = { has: () => false, acronym: () => false, documents: () => [] };

export function documentNames(docs: Iterable<Pick<DocumentMeta, 'id' | 'fileName' | 'organisation' | 'year'>>): DocumentNames {
  const byWord = new Map<string, Set<string>>();
  const acronyms = new Set<string>();
  const add = (word: string, id: string) => {
    let ids = byWord.get(word);
    if (!ids) byWord.set(word, (ids = new Set()));
    ids.add(id);
  };
  for (const d of docs) {
    const name = `${d.organisation ?? ''} ${d.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}`.replace(/[_;.]/g, ' ');
    for (const w of surfaceWords(name)) {
      for (const t of tokenise(w.text)) {
        for (const part of [t.word, ...(t.parts ?? [])]) add(stem(part, 'fold'), d.id);
        if (/^[\p{Lu}\p{N}-]{2,}$/u.test(w.text) && /\p{L}/u.test(w.text)) acronyms.add(stem(t.word, 'fold'));
      }
    }
    if (d.year !== null) add(String(d.year), d.id);
  }
  /** The documents whose names hold the most of the words. */
  const best = (words: Set<string>) => {
    const count = new Map<string, number>();
    for (const t of words) for (const id of byWord.get(t) ?? []) count.set(id, (count.get(id) ?? 0) + 1);
    const most = Math.max(0, ...count.values());
    return [...count].filter(([, n]) => n === most).map(([id]) => id);
  };
  return {
    has: (t) => byWord.has(t),
    acronym: (t) => acronyms.has(t),
    documents(terms) {
      // The documents whose names hold the most of the terms ("CHU 1925 … Nederlandse" still finds CHU_1925 when
      // "Nederlandse" is in another file's name only); then, for a question naming two sources ("de ChristenUnie en de
      // Partij voor de Dieren"), those holding the most of the terms the first group left, years kept.
      const all = new Set(terms);
      const first = best(all);
      if (first.length === 0) return [];
      const left = [...all].filter((t) => !first.some((id) => byWord.get(t)?.has(id)));
      if (left.length === 0) return [first];
      const second = best(new Set([...left, ...[...all].filter((t) => /^\d{4}$/.test(t))])).filter((id) => !first.includes(id));
      return second.length > 0 ? [first, second] : [first];
    },
  };
}
