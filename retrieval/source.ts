// Which documents a question names: parties, organisations, document kinds and years ("volgens de ChristenUnie",
// "de SGP in 1918", "het jaarplan van de Belastingdienst") matched against each document's metadata (file name,
// organisation, optionally title, year). A word counts by how rare it is among the documents' metadata, so
// "christenunie" or "1918" names a document and "programma" hardly does. Acronyms of consecutive question words
// match too ("Partij voor de Dieren" names PvdD_2021, "Forum voor Democratie" FVD_2017), as do names typed apart
// ("Groen Links"), the initials of run-together names ("GL"), and a compound that is a party's own word in the
// archive's text ("Centrumdemocraten" names CD_1994).
import { memoOnRecords } from '../lib/memo.ts';
import { fileStem } from '../lib/file-names.ts';
import type { DocumentMeta } from '../lib/types.ts';
import { isYear, surfaceWords, tokenise } from '../language/tokenise.ts';
import { foldDiacritics, nameFold, nameKey } from '../language/stem.ts';
import { DUTCH_STOPWORDS, QUESTION_FRAME_WORDS } from '../language/stopwords.ts';
import { archiveNames, camelHalves, camelInitials, capitalAt, capitalised, typedAcronyms, typedAsName } from './names.ts';

export interface SourceParams {
  /** Match title words too (titles of PDFs are often a running header or a table of contents line). */
  useTitle: boolean;
  /** A metadata word on more than this share of the documents names none of them. */
  maxDocShare: number;
  /** Rank the named documents' passages by the words of the "volgens …" phrase too (retrieval/attribution.ts). */
  searchAttribution: boolean;
}

/** Whether a question word is the given documents' own: at least half of the archive's passages that use it are
 *  theirs, as "Centrumdemocraten" is the CD's in its programmes and "Christendemocraten" is nobody's. It lets a
 *  compound that spells an acronym name its documents (compoundNames); without the archive's text (null) none does. */
export type OwnWord = (word: string, docs: readonly string[]) => boolean;

interface SourceIndex {
  /** Document -> its distinct metadata words. */
  words: Map<string, Set<string>>;
  /** Metadata word -> documents holding it. */
  docsOf: Map<string, string[]>;
}

/** Documents the question names, with a strength in (0, 1] (1 = named best), or an empty map. */
export function namedDocuments(question: string, docs: ReadonlyMap<string, DocumentMeta>, p: SourceParams, own: OwnWord | null = null): Map<string, number> {
  const scores = new Map<string, number>();
  const named: string[][] = [];
  for (const { holders, idf } of namingWords(question, docs, p, own)) {
    for (const d of holders) scores.set(d, (scores.get(d) ?? 0) + idf);
    named.push(holders);
  }
  // Each document is measured against the best document sharing a name with it, so a question naming two sources
  // ("de ChristenUnie en de Partij voor de Dieren") names both fully, while "de SGP in 1918" still ranks SGP_1918
  // above SGP_1922.
  const rival = new Map<string, number>();
  for (const holders of named) {
    const best = Math.max(...holders.map((d) => scores.get(d)!));
    for (const d of holders) rival.set(d, Math.max(rival.get(d) ?? 0, best));
  }
  for (const [d, s] of scores) scores.set(d, s / rival.get(d)!);
  return scores;
}

/** The documents a question names best, one group per source it names: "de SGP in 1918" -> [[SGP_1918]], "de
 *  ChristenUnie en de Partij voor de Dieren" -> [[the ChristenUnie's programmes], [PvdD's]]. The answer layer searches
 *  each group for its own passages (answer/ask.ts), so every named source is within the answer's reach. Greedy: the
 *  documents named most (IDF mass of their naming words) form the first group; the words they leave unexplained
 *  name the next, with the question's years kept ("D'66 en de Partij voor Ongehuwden in 1967"); when the question
 *  names years, only documents of those years are sources ("de CHU in 1925 … de Nederlandse gezant" does not name the
 *  Nederlandse Werknemers Partij of 1967). Documents named by the same words form one group. A word counts only
 *  when typed as a name (isName: "Den Helder", "VVD", "2015"; not "motie" because a file name holds it); an acronym
 *  of several words ("Vooruitstrevende Minderheden Partij" -> vmp) always does, and explains the words it spans. */
export function namedSourceGroups(
  question: string,
  docs: ReadonlyMap<string, DocumentMeta>,
  p: SourceParams,
  isName: (word: string) => boolean = () => true,
  own: OwnWord | null = null,
): string[][] {
  const words = typedNamingWords(question, docs, p, isName, own);
  const years = words.filter((w) => isYear(w.word));
  const ofYears = new Set(years.flatMap((w) => w.holders));
  const groups: string[][] = [];
  let left = words;
  while (left.some((w) => !isYear(w.word)) || (groups.length === 0 && left.length > 0)) {
    // Per document: the words naming it (the question's years stay with every later source).
    const naming = new Map<string, typeof words>();
    for (const w of [...left, ...(groups.length > 0 ? years : [])]) {
      for (const d of w.holders) if (ofYears.size === 0 || ofYears.has(d)) naming.set(d, [...(naming.get(d) ?? []), w]);
    }
    // A source is named by a word still unexplained, not by the question's years alone.
    for (const [d, ws] of naming) if (groups.length > 0 && ws.every((w) => isYear(w.word))) naming.delete(d);
    if (naming.size === 0) break;
    const mass = (d: string) => naming.get(d)!.reduce((m, w) => m + w.idf, 0);
    const [first] = [...naming.keys()].sort((a, b) => mass(b) - mass(a) || naming.get(b)!.length - naming.get(a)!.length || a.localeCompare(b));
    // The question words that name a document, an acronym standing for the words it spans: "Autoriteit
    // Persoonsgegevens" names ap_jaarverslag (as "ap") and coronamelder_advies_autoriteit_persoonsgegevens alike.
    const namedBy = (d: string) => [...new Set(naming.get(d)!.flatMap((w) => (w.span.length > 0 ? w.span : [w.word])))].sort().join(' ');
    const group = [...naming.keys()].filter((d) => namedBy(d) === namedBy(first)).sort();
    groups.push(group);
    const explained = new Set(naming.get(first)!.flatMap((w) => [w.word, ...w.span]));
    const rest = left.filter((w) => !explained.has(w.word) && !w.span.some((x) => explained.has(x)));
    if (rest.length === left.length) break;
    left = rest;
  }
  return groups;
}

/** The question's naming words, a word counted only when typed as a name (isName) unless it is no word of the
 *  question as typed (an acronym of several words, a compound's acronym). */
export function typedNamingWords(question: string, docs: ReadonlyMap<string, DocumentMeta>, p: SourceParams, isName: (word: string) => boolean, own: OwnWord | null): NamingWord[] {
  const typed = new Set(tokenise(question).flatMap((t) => [t.word, ...(t.parts ?? [])]).map(nameKey));
  return namingWords(question, docs, p, own).filter((w) => !typed.has(w.word) || isName(w.word));
}

/** The sources a question names as staff type them (namedSourceGroups with a name counted only when typed as one:
 *  "Den Helder", "VVD", "pvv", "2015"). */
export function namedSources(question: string, docs: ReadonlyMap<string, DocumentMeta>, p: SourceParams, own: OwnWord | null = null): string[][] {
  return namedSourceGroups(question, docs, p, typedAsName(question, archiveNames(docs.values(), undefined)), own);
}

export interface NamingWord {
  word: string;
  /** The question words an acronym stands for (empty for a plain word). */
  span: string[];
  /** The documents whose metadata hold the word. */
  holders: string[];
  /** How strongly it names them: the words it stands for x log(1 + documents / holders). */
  idf: number;
}

/** The question's candidate names that name some documents, and not too many of them (a word on more than
 *  maxDocShare of the documents names none: "programma"). */
function namingWords(question: string, docs: ReadonlyMap<string, DocumentMeta>, p: SourceParams, own: OwnWord | null): NamingWord[] {
  const index = sourceIndex(docs, p.useTitle);
  const n = index.words.size;
  const names = questionNames(question);
  if (own) for (const [word, x] of compoundNames(question, index, own)) if (!names.has(word)) names.set(word, x);
  const out: NamingWord[] = [];
  for (const [word, { count, span }] of names) {
    const holders = index.docsOf.get(word);
    if (!holders || holders.length > Math.max(2, p.maxDocShare * n)) continue;
    out.push({ word, span, holders, idf: count * Math.log(1 + n / holders.length) });
  }
  // A name inside a longer one is part of it: "Pacifistisch Socialistische Partij" names the PSP, not also the SP.
  const within = (a: NamingWord, b: NamingWord) => a.span.length > 0 && b.span.length > a.span.length && a.span.every((w) => b.span.includes(w));
  return out.filter((a) => !out.some((b) => within(a, b)));
}

/** Compounds typed as a name that spell a document acronym with their parts' initials, and the following capitalised
 *  words' ("Centrumdemocraten" -> cd, "Antirevolutionaire Partij" -> arp), when the word is those documents' own
 *  (OwnWord): a spelling alone would let "Christendemocraten" name the CD too. */
function compoundNames(question: string, index: SourceIndex, own: OwnWord): Map<string, { count: number; span: string[] }> {
  const out = new Map<string, { count: number; span: string[] }>();
  const surface = surfaceWords(question);
  const keys = surface.map((w) => nameFold(w.text));
  for (let i = 0; i < surface.length; i++) {
    const word = keys[i];
    if (!/^\p{Lu}/u.test(surface[i].text) || !/^\p{L}{8,}$/u.test(word) || index.docsOf.has(nameKey(word))) continue;
    for (let j = 0; j <= 2 && i + j < surface.length; j++) {
      const after = keys.slice(i + 1, i + 1 + j);
      if (!surface.slice(i + 1, i + 1 + j).every((w) => /^\p{Lu}\p{Ll}/u.test(w.text))) break;
      const tail = after.map((w) => w[0]).join('');
      for (const [acronym, holders] of index.docsOf) {
        if (!/^\p{L}{2,5}$/u.test(acronym) || !acronym.endsWith(tail) || acronym.length - tail.length < 2) continue;
        if (!spells(word, acronym.slice(0, acronym.length - tail.length)) || !own(surface[i].text, holders)) continue;
        out.set(acronym, { count: 1 + j, span: [nameKey(word), ...after.map(nameKey)] });
      }
    }
  }
  return out;
}

/** Whether a word cuts into as many parts (of 3 letters or more) as the letters, each opening with its letter. */
function spells(word: string, letters: string): boolean {
  const from = (at: number, k: number): boolean => {
    if (k === letters.length) return at === word.length;
    if (word[at] !== letters[k]) return false;
    for (let end = at + 3; end <= word.length - 3 * (letters.length - k - 1); end++) if (from(end, k + 1)) return true;
    return false;
  };
  return from(0, 0);
}

/** The question's candidate names, each with the number of words it stands for: its content words (hyphen parts
 *  too) count 1; two words joined ("Groen Links" -> groenlinks) and initials with a number ("Democraten 66" -> d66)
 *  count the words they join; the acronyms (acronymsOf) of 3 to 5 consecutive words from a content word to a content
 *  word, the first capitalised unless the question is all lower case ("Partij voor de Dieren", "partij voor de
 *  dieren" -> pvdd), or of 2 words both capitalised in the question ("Autoriteit Persoonsgegevens" -> ap), count as
 *  many as the content words they span, so a document named by its acronym ranks level with one named in full. */
export function questionWords(question: string): Map<string, number> {
  return new Map([...questionNames(question)].map(([w, x]) => [w, x.count]));
}

/** questionWords with the words each acronym spans. */
function questionNames(question: string): Map<string, { count: number; span: string[] }> {
  const tokens = tokenise(question);
  const raw = tokens.flatMap((t) => t.parts ?? [t.word]);
  const words = raw.map(nameKey);
  const capitals = capitalised(question);
  const acronyms = typedAcronyms(question);
  const lowerCase = !surfaceWords(question).some((w, i) => i > 0 && /^\p{Lu}/u.test(w.text));
  const opensCapital = capitalAt(question, raw.length, capitals, words);
  // Function words are recognised as typed (keys are stemmed: "volgens" would not be found).
  const content = raw.map(foldDiacritics).map((w) => w !== '' && !DUTCH_STOPWORDS.has(w) && !QUESTION_FRAME_WORDS.has(w));
  const out = new Map<string, { count: number; span: string[] }>();
  for (let i = 0; i < words.length; i++) if (content[i] && words[i] !== '') out.set(words[i], { count: 1, span: [] });
  for (const t of tokens) if (t.parts) out.set(nameKey(t.word), { count: 1, span: [] });
  for (let i = 0; i < words.length; i++) {
    // A name typed in two ("Groen Links", "D 66", "Ja 21") is the one word the archive writes; function words join
    // only as a capitalised name with its number ("op, en" is not the Open Partij).
    const joins = i + 1 < words.length && /^\p{L}/u.test(raw[i]) && (content[i] || capitals.has(words[i])) && (content[i + 1] || /^\d/.test(raw[i + 1]));
    const joined = joins ? nameKey(raw[i] + raw[i + 1]) : '';
    if (joined && !out.has(joined)) out.set(joined, { count: 2, span: [words[i], words[i + 1]] });
    // Initials and a number: "Democraten 66" -> d66, "Democratisch Socialisten '70" -> ds70.
    for (let len = 1; len <= 3 && i + len < words.length; len++) {
      const span = words.slice(i, i + len);
      if (!/^\d\d$/.test(words[i + len]) || !span.every((w) => /^\p{L}/u.test(w) && capitals.has(w))) continue;
      const acronym = span.map((w) => w[0]).join('') + words[i + len];
      if (!out.has(acronym)) out.set(acronym, { count: len + 1, span: [...span, words[i + len]] });
    }
    for (let len = 2; len <= 5 && i + len <= words.length; len++) {
      const span = words.slice(i, i + len);
      if (!span.every((w) => /^\p{L}/u.test(w))) continue;
      if (len === 2 && !span.every((w) => capitals.has(w))) continue;
      // A name opens with a capital where the question writes capitals at all: "eerst doen voordat de partij" is no
      // EVP; typed all in lower case, "partij voor de dieren" still names the PvdD.
      if (!lowerCase && !opensCapital[i]) continue;
      // An acronym is not spelled out again: "de SGP over de Staatsloterij" is no SOS.
      if (span.some((w) => acronyms.has(w))) continue;
      if (!content[i] || !content[i + len - 1]) continue;
      const spanned = span.filter((_, j) => content[i + j]);
      for (const acronym of acronymsOf(span, span.map((_, j) => content[i + j]))) {
        if (!out.has(acronym)) out.set(acronym, { count: Math.max(1, spanned.length), span: spanned });
      }
    }
  }
  return out;
}

/** The acronyms a run of name words may stand for. Every initial ("Partij van de Arbeid" -> pvda); articles and "en"
 *  left out ("Partij voor de Vrijheid" -> pvv); all function words left out ("Volkspartij voor Vrijheid en Democratie"
 *  -> vvd); and a party compound giving its head's letter too ("Rechtse Volkspartij" -> rvp, "Solidariteit
 *  Boerenpartij" -> sbp). Forms that drop words need three letters, so that two words do not name a two-letter party. */
function acronymsOf(words: readonly string[], content: readonly boolean[]): Set<string> {
  const initials = (keep: (w: string, j: number) => boolean, head = false) =>
    words.filter(keep).map((w) => (head && w.length > 6 && w.endsWith('partij') ? `${w[0]}p` : w[0])).join('');
  const out = new Set([initials(() => true), initials(() => true, true)]);
  const shortened = [initials((w, j) => content[j] || !ACRONYM_GAPS.has(w)), initials((_, j) => content[j])];
  for (const form of shortened) if (form.length >= 3) out.add(form);
  return out;
}

/** Words acronyms commonly leave out while keeping the other function words ("voor" in PVV, "van" in PvdA). */
const ACRONYM_GAPS = new Set(['de', 'het', 'en', 'der']);

/** A document's metadata words: file name (without extension), organisation, title when wanted, year. */
export function metadataWords(d: Pick<DocumentMeta, 'fileName' | 'organisation' | 'title' | 'year'>, useTitle: boolean): Set<string> {
  const stem = fileStem(d.fileName).replace(/[_;]+/g, ' ');
  const texts = [stem, d.organisation ?? '', useTitle ? d.title : ''];
  const out = new Set<string>();
  for (const t of tokenise(texts.join(' \n '))) {
    for (const w of [t.word, ...(t.parts ?? [])].map(nameKey)) {
      if (w.length >= 2 && !DUTCH_STOPWORDS.has(w) && (!/^\d+$/.test(w) || isYear(w))) out.add(w);
    }
  }
  for (const a of camelInitials(texts.join(' '))) out.add(a);
  if (d.year !== null) out.add(String(d.year));
  return out;
}

/** Rebuilt only when the document records change (a write replaces a document's record). */
const sourceIndexOf = memoOnRecords((metas: readonly DocumentMeta[], useTitle: boolean): SourceIndex => {
  const words = new Map(metas.map((d) => [d.id, metadataWords(d, useTitle)]));
  const whole = new Set(metas.flatMap(nameParts).map(nameKey));
  for (const d of metas) for (const part of jointParts(d, whole)) words.get(d.id)!.add(part);
  const docsOf = new Map<string, string[]>();
  for (const [id, ws] of words) for (const w of ws) (docsOf.get(w) ?? docsOf.set(w, []).get(w)!).push(id);
  return { words, docsOf };
});

/** A joint list written as one word is named by each of its parties, as "PvdA; D66; PPR_1971" is: "GroenLinksPvdA"
 *  by "GroenLinks" and "PvdA", the whole names of other documents ("de PvdA in 2023" asks for the joint programme).
 *  Whole names only: ChristenUnie is no "Unie", though "Liberale Unie" holds the word. */
function jointParts(d: Pick<DocumentMeta, 'fileName' | 'organisation'>, names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const { text } of surfaceWords(nameParts(d).join(' '))) {
    for (const halves of camelHalves(text)) {
      const parts = halves.map(nameKey);
      if (parts.every((p) => p.length >= 2 && names.has(p))) out.push(...parts);
    }
  }
  return out;
}

/** The names a document goes by whole: its organisation and each part of its file name ("PvdA; D66; PPR_1971"). */
function nameParts(d: Pick<DocumentMeta, 'fileName' | 'organisation'>): string[] {
  return [d.organisation ?? '', ...fileStem(d.fileName).split(/[_;]+/)];
}

function sourceIndex(docs: ReadonlyMap<string, DocumentMeta>, useTitle: boolean): SourceIndex {
  return sourceIndexOf(docs.values(), useTitle);
}

/** A source the question names in a year the archive does not hold it: "DS'70 in 1986" when DS'70's programmes are of
 *  1971-1982. `years` are the question's, `held` the years of the source's documents. */
export interface MissingSource {
  /** The question's own words for the source ("DS'70", "Partij voor de Dieren"). */
  source: string;
  years: number[];
  held: number[];
}

/** Whether the question names a source (by a word typed as a name, as namedSourceGroups reads them) and a year, while
 *  none of the documents its words name is of that year. A year after all of the source's documents misses: they
 *  cannot tell what happened then. An earlier year, or one between the source's years (a party's programmes of 1918
 *  and 1937, asked about 1929), misses only when no later document of the source mentions it (`mentions`): "in
 *  november 2017" in a 2018 magazine answers. Null when the question names no year or no source (typed as a name), or
 *  a document of the source has no known year. */
export function missingSource(
  question: string,
  docs: ReadonlyMap<string, DocumentMeta>,
  p: SourceParams,
  isName: (word: string) => boolean,
  mentions: (docs: readonly string[], year: number) => boolean,
  own: OwnWord | null = null,
): MissingSource | null {
  const years = [...new Set(tokenise(question).map((t) => t.word).filter(isYear).map(Number))];
  if (years.length === 0) return null;
  // Only names as typed: a word typed as a name, or an acronym of capitalised words ("Partij voor de Dieren"), not
  // one of any run of words ("Vanaf welk spaarbedrag" -> VWS, the ministry).
  const capitals = capitalised(question);
  const typedName = (w: NamingWord) => (w.span.length > 0 ? w.span.every((x) => capitals.has(x)) : isName(w.word));
  const words = namingWords(question, docs, p, own).filter((w) => !isYear(w.word) && typedName(w));
  if (words.length === 0) return null;
  // A document's years as naming reads them: its metadata year and the years in its file name ("CDA_2017.txt").
  const index = sourceIndex(docs, p.useTitle);
  const yearsOf = (id: string) => [...index.words.get(id)!].filter(isYear).map(Number);
  const named = new Set(words.flatMap((w) => w.holders));
  if ([...named].some((id) => yearsOf(id).length === 0 || yearsOf(id).some((y) => years.includes(y)))) return null;
  const strongest = words.reduce((a, b) => (b.idf > a.idf ? b : a));
  const held = [...new Set(strongest.holders.flatMap(yearsOf))].sort((a, b) => a - b);
  const toldLater = (y: number) => mentions(strongest.holders.filter((id) => yearsOf(id).some((x) => x > y)), y);
  if (years.some((y) => y < held[held.length - 1] && toldLater(y))) return null;
  return { source: typedWords(question, strongest), years, held };
}

/** The question's words for a naming word, as typed: the word itself, or the run an acronym spans. */
function typedWords(question: string, w: NamingWord): string {
  const surface = surfaceWords(question);
  const keys = surface.map((s) => nameKey(tokenise(s.text)[0]?.word ?? ''));
  const wanted = w.span.length > 0 ? w.span : [w.word];
  const first = keys.indexOf(wanted[0]);
  const last = keys.lastIndexOf(wanted[wanted.length - 1]);
  return first < 0 || last < first ? w.word : question.slice(surface[first].start, surface[last].end);
}
