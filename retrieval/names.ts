// The archive's document names as a question is read against them: which words name a document (its organisation
// and file name, folded), which of those are acronyms, and which words of a question are typed as such a name.
// Which documents those words name is retrieval/source.ts's work (namedSourceGroups).
import type { DocumentMeta } from '../lib/types.ts';
import { memoOnRecords } from '../lib/memo.ts';
import { fileStem } from '../lib/file-names.ts';
import { isYear, surfaceWords, tokenise } from '../language/tokenise.ts';
import { nameKey, stem } from '../language/stem.ts';
import { foldedWord } from '../language/content-terms.ts';
import { DUTCH_STOPWORDS, QUESTION_FRAME_WORDS } from '../language/stopwords.ts';

/** Which words occur in the archive's document names (organisations, file names, years), compared by nameKey. */
export interface DocumentNames {
  has(term: string): boolean;
  /** Written as an acronym there ("PVV_2010.txt", "VNG"). */
  acronym(term: string): boolean;
  /** The documents going by the word (empty when none does). */
  holders(term: string): ReadonlySet<string>;
  /** The folded words of the question that spell out an organisation's whole name in lower case ("de groenen",
   *  "boerenpartij", "partij voor de dieren"). */
  spelledOut(question: string): Set<string>;
}

export const NO_NAMES: DocumentNames = { has: () => false, acronym: () => false, holders: () => new Set(), spelledOut: () => new Set() };

/** An organisation's name spelled out in lower case names it when it has at least this many letters: "volt", "denk" and
 *  "rebel" are also words. */
const MIN_SPELLED_LETTERS = 8;

export function documentNames(docs: Iterable<Pick<DocumentMeta, 'id' | 'fileName' | 'organisation' | 'year'>>): DocumentNames {
  const words = new Map<string, Set<string>>();
  const acronyms = new Set<string>();
  // Organisation names as folded word sequences, by their first word.
  const organisations = new Map<string, string[][]>();
  const add = (word: string, id: string) => (words.get(word) ?? words.set(word, new Set()).get(word)!).add(id);
  for (const d of docs) {
    const org = surfaceWords(d.organisation ?? '').map((w) => foldedWord(w.text)).filter(Boolean);
    if (org.join('').length >= MIN_SPELLED_LETTERS && !organisations.get(org[0])?.some((o) => o.join(' ') === org.join(' '))) {
      organisations.set(org[0], [...(organisations.get(org[0]) ?? []), org]);
    }
    const name = `${d.organisation ?? ''} ${fileStem(d.fileName)}`.replace(/[_;.]/g, ' ');
    for (const w of surfaceWords(name)) {
      for (const t of tokenise(w.text)) {
        for (const part of [t.word, ...(t.parts ?? [])]) add(nameKey(part), d.id);
        if (/^[\p{Lu}\p{N}-]{2,}$/u.test(w.text) && /\p{L}/u.test(w.text)) acronyms.add(stem(t.word, 'fold'));
      }
    }
    for (const a of camelInitials(name)) acronyms.add(a);
    if (d.year !== null) add(String(d.year), d.id);
  }
  const none: ReadonlySet<string> = new Set();
  return {
    has: (t) => words.has(nameKey(t)),
    acronym: (t) => acronyms.has(t),
    holders: (t) => words.get(nameKey(t)) ?? none,
    spelledOut: (question) => {
      const surface = surfaceWords(question.normalize('NFKC'));
      const typed = surface.map((w) => foldedWord(w.text));
      const out = new Set<string>();
      typed.forEach((w, i) => {
        for (const org of organisations.get(w) ?? []) {
          // All in lower case: "een nieuw Nederland" does not name the party Nieuw Nederland.
          if (org.every((x, k) => typed[i + k] === x && !/\p{Lu}/u.test(surface[i + k].text))) for (const x of org) out.add(x);
        }
      });
      return out;
    },
  };
}

/** The question's words that name a source: years, and words of some document's name (organisation or file name)
 *  typed as a name — capitalised, an acronym, an acronym typed in lower case ("pvv" names the PVV; "draagmoederschap",
 *  which a file name also holds, does not), or an organisation's whole name in lower case ("de groenen 1989 snelheid",
 *  as keyword queries are typed). Function words never do ("Partij voor de Dieren"). Folded, like focus terms. */
export function namedSourceWords(question: string, names: DocumentNames = NO_NAMES): Set<string> {
  const out = new Set<string>();
  const spelled = names.spelledOut(question);
  for (const w of surfaceWords(question.normalize('NFKC'))) {
    const term = foldedWord(w.text);
    if (!term || DUTCH_STOPWORDS.has(term) || QUESTION_FRAME_WORDS.has(term)) continue;
    const proper = /^[\p{Lu}\p{N}]/u.test(w.text) || spelled.has(term);
    if (isYear(term) || (proper && names.has(term)) || names.acronym(term)) out.add(term);
    else if (jointSources(w.text, names)) for (const t of [term, ...w.text.split('-').map(foldedWord)]) out.add(t);
  }
  return out;
}

/** Two names joined by a hyphen, each going by documents the other does not ("PvdA-GroenLinks": the PvdA's and
 *  GroenLinks' programmes, and their joint list): they name each source and together name them, so the compound is
 *  no topic word that a sentence must hold. The parts of one name ("Rooms-Katholieke", "LLO-Katalysator") go by the
 *  same documents, or one part's by the other's. */
function jointSources(word: string, names: DocumentNames): boolean {
  const parts = word.split('-');
  if (parts.length !== 2 || !parts.every((p) => /^[\p{Lu}\p{N}]/u.test(p) && names.has(foldedWord(p)))) return false;
  const [a, b] = parts.map((p) => names.holders(foldedWord(p)));
  const within = (x: ReadonlySet<string>, y: ReadonlySet<string>) => [...x].every((d) => y.has(d));
  return !within(a, b) && !within(b, a);
}

/** A word cut in two where a lower-case letter meets a capital, at each such place: "GroenLinksPvdA" -> Groen +
 *  LinksPvdA, GroenLinks + PvdA, GroenLinksPvd + A. Callers keep the cuts whose halves are names. */
export function camelHalves(word: string): [string, string][] {
  return [...word.matchAll(/(?<=\p{Ll})(?=\p{Lu})/gu)].map((m) => [word.slice(0, m.index), word.slice(m.index)]);
}

/** The initials of names written as words run together, each capitalised ("GroenLinks" -> gl, "ChristenUnie" -> cu,
 *  "BoerBurgerBeweging" -> bbb): how staff abbreviate them. */
export function camelInitials(text: string): string[] {
  return surfaceWords(text)
    .map((w) => w.text)
    .filter((w) => /^(?:\p{Lu}\p{Ll}{2,}){2,}$/u.test(w))
    .map((w) => [...w.matchAll(/\p{Lu}/gu)].map((m) => m[0]).join('').toLowerCase());
}

/** The archive's document names, rebuilt when a document comes, goes or is replaced. */
export const archiveNames = memoOnRecords((docs: readonly DocumentMeta[]): DocumentNames => documentNames(docs));

/** Whether a name word (nameKey, as retrieval/source.ts compares them) is typed as a name in the question. */
export function typedAsName(question: string, names: DocumentNames): (word: string) => boolean {
  const typed = new Set([...namedSourceWords(question, names)].map(nameKey));
  return (w) => typed.has(w);
}

/** The (folded) words written with a capital in the question. */
export function capitalised(question: string): Set<string> {
  return new Set([...question.matchAll(/[\p{L}\p{M}]+/gu)].filter((m) => /^\p{Lu}/u.test(m[0])).map((m) => nameKey(m[0])));
}

/** Per word of the question (hyphen parts apart, as questionNames reads them), whether it is typed with a capital
 *  there; by the word wherever it stands (`capitals`) should the two readings not line up. */
export function capitalAt(question: string, count: number, capitals: ReadonlySet<string>, words: readonly string[]): boolean[] {
  const byWord = () => words.map((x) => capitals.has(x));
  const out: boolean[] = [];
  for (const w of surfaceWords(question)) {
    for (const t of tokenise(w.text)) {
      const parts = t.parts ? w.text.split('-').filter((x) => /[\p{L}\p{N}]/u.test(x)) : [w.text];
      if (t.parts && parts.length !== t.parts.length) return byWord();
      for (const part of parts) out.push(/^\p{Lu}/u.test(part));
    }
  }
  return out.length === count ? out : byWord();
}

/** The (folded) words typed as acronyms in the question: "SGP", "D'66". */
export function typedAcronyms(question: string): Set<string> {
  const typed = [...question.matchAll(/[\p{L}\p{N}'’]+/gu)].map((m) => m[0]);
  return new Set(typed.filter((w) => /^[\p{Lu}\p{N}'’]{2,}$/u.test(w) && /\p{L}/u.test(w)).map(nameKey));
}
