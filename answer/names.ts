// The archive's document names as the question analysis reads them: which words name a document (its organisation
// and file name, folded) and which of those are acronyms. Which documents a question names is the source signal's
// work (retrieval/source.ts namedSourceGroups).
import type { DocumentMeta } from '../lib/types.ts';
import { surfaceWords, tokenise } from '../language/tokenise.ts';
import { nameKey, stem } from '../language/stem.ts';

/** Which words occur in the archive's document names (organisations, file names, years), compared by nameKey. */
export interface DocumentNames {
  has(term: string): boolean;
  /** Written as an acronym there ("PVV_2010.txt", "VNG"). */
  acronym(term: string): boolean;
}

export const NO_NAMES: DocumentNames = { has: () => false, acronym: () => false };

export function documentNames(docs: Iterable<Pick<DocumentMeta, 'id' | 'fileName' | 'organisation' | 'year'>>): DocumentNames {
  const words = new Set<string>();
  const acronyms = new Set<string>();
  for (const d of docs) {
    const name = `${d.organisation ?? ''} ${d.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}`.replace(/[_;.]/g, ' ');
    for (const w of surfaceWords(name)) {
      for (const t of tokenise(w.text)) {
        for (const part of [t.word, ...(t.parts ?? [])]) words.add(nameKey(part));
        if (/^[\p{Lu}\p{N}-]{2,}$/u.test(w.text) && /\p{L}/u.test(w.text)) acronyms.add(stem(t.word, 'fold'));
      }
    }
    if (d.year !== null) words.add(String(d.year));
  }
  return {
    has: (t) => words.has(nameKey(t)),
    acronym: (t) => acronyms.has(t),
  };
}
