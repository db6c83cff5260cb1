// Document metadata from what the file offers, checked against its text: the file's own title (PDF info, Word core
// properties) only when it is a real title that the first pages contain (producers leave stale titles of other
// documents behind); else a title line from the text, skipping page furniture (institution headers, dates, labels,
// tables of contents, "Openbare versie"), else the file name (for OCR rubble: a title must be words the vocabulary
// knows); the most plausible year; the organisation behind it (general patterns, no file lookup), named by the text,
// else as the archivist named the file ("ARP_1952.txt"); the language from stop-word counts. Each field says where it
// came from.
import type { CleanDocument, DocumentDetails, MetaSource, ParsedFile } from '../lib/types.ts';
import { normaliseText } from '../language/tokenise.ts';
import { readsAsWords, textKind } from '../language/text-kinds.ts';
import { knownWord, loadWordVectors } from '../language/word-vectors.ts';
import { fileStem } from '../lib/file-names.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import { NAVIGATION } from './clean.ts';

export interface ExtractedMetadata {
  title: string;
  year: number | null;
  organisation: string | null;
  language: string;
  sources: DocumentDetails['metaSources'];
}

/** How much of the document's start is searched for a title, year and organisation. */
const HEAD_CHARS = 3000;
const MAX_TITLE = 160;
/** The start of a document where a letterhead names its sender. */
const LETTERHEAD_CHARS = 300;

/** A file-property title that is a real title: not a producer's default, not a file name, not a date, and present
 *  (as words) in the first pages' text. */
function propertyTitle(t: string | undefined, head: string): string | null {
  if (!t) return null;
  const s = t.replace(/\s+/g, ' ').trim();
  if (s.length < 4 || !/\p{L}{3}/u.test(s)) return null;
  if (/^(microsoft\s+\w+\s*-|untitled|naamloos|titel$|title$|document\s*\d*$|presentatie\s*\d*$|sjabloon|template)/i.test(s)) return null;
  if (/\.(docx?|pdf|indd|pptx?|xlsx?|odt|rtf|tex|dvi)$/i.test(s) || DATE_LINE.test(s)) return null;
  return wordsOf(head).includes(wordsOf(s)) ? s.slice(0, MAX_TITLE) : null;
}

const wordsOf = (s: string) => ` ${normaliseText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

const NOT_A_TITLE = /^(inhoud(sopgave)?|inhoudstafel|contents|table of contents|voorwoord|inleiding|samenvatting|colofon|bijlagen?)$/i;
/** Page furniture of letters and parliamentary papers: labels with a value, versions, dates, chapter numbers. */
const FURNITURE = /^((ons |uw )?(kenmerk|datum|referentie|bijlage|pagina|blad|telefoon|e-?mail|postbus|contactpersoon|behandeld door|vergaderjaar|aan|van|cc)\b.{0,80}|(openbare|definitieve|concept)[- ]?versie|versie \d.*|vertrouwelijk|hoofdstuk \d+.*|pagina \d+( van \d+)?)$/i;
const DATE_LINE = /^(\p{L}+dag )?\d{1,2}[-\s./](\d{1,2}|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)[-\s./]\d{2,4}$|^\d{4}-\d\d-\d\d$/iu;
/** Dot leaders of a table of contents ("Inleiding........ 3"). */
const LEADER = /(\.\s?){4,}|…{2,}|_{4,}/;

function skippable(t: string): boolean {
  return !/\p{L}{3}/u.test(t) || NAVIGATION.test(t) || NOT_A_TITLE.test(t) || FURNITURE.test(t) || DATE_LINE.test(t) ||
    LEADER.test(t) || TOC_ENTRY.test(t) || /^(?:-|•|\d{1,2}(\.\d+)*[.)]?\s+(?=\p{Lu}))/u.test(t) || isOrganisationLine(t);
}

/** A table-of-contents entry without leaders: a short heading followed by its page number ("Samenvatting 4"). */
const TOC_ENTRY = /^\D.{2,70}\s\d{1,3}$/u;
/** A date or a parliamentary paper's header that the cleaner joined to the title line: removed before judging it. */
const LINE_PREFIXES = [
  /^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\s+/i,
  /^(\d{1,3}\s+)?vergaderjaar \d{4}[–-]\d{4}\s+(\d{2,3} ?\d{3}\s+)?/i,
];
/** The part of a parliamentary paper's line that is its title: up to "Nr. 143 MOTIE …". */
const PAPER_NUMBER = /\s+Nr\.\s+\d+\b.*$/;

function titleLine(line: string): string {
  let t = line;
  for (const p of LINE_PREFIXES) t = t.replace(p, '');
  return t.replace(PAPER_NUMBER, '').trim();
}

/** The subject of a letter ("Onderwerp: Besluit op Woo-verzoek …") is its title. */
const SUBJECT = /^(onderwerp|betreft|subject)\s*:\s*(.{4,})$/i;

/** Half a line's words are words the shipped vocabulary knows (loaded once, then looked up per word). */
function madeOfWords(line: string): boolean {
  const vectors = loadWordVectors();
  return readsAsWords(line, (w) => knownWord(vectors, w));
}

/** The document's first title-like line or its first heading, else the file name. */
function textTitle(doc: CleanDocument, fileName: string, language: string): { title: string; source: MetaSource } {
  const line = titleFromText(doc);
  // A cover read by OCR into rubble ("DOCUM ~:f·ITl~;! ECENTRUM", "I-IPIiI-AiVI VAN LstTIE", "ENTRUM") has no title
  // to give: the file name serves. Half its words must be words the shipped (Dutch) vocabulary knows, unless the text
  // is in another language (English, German, French stop words; a text of rubble has none and is judged).
  const judged = language === 'nl' || language === 'und';
  const found = line && textKind(line) !== 'garbled' && (!judged || madeOfWords(line)) ? line : null;
  return found ? { title: found.replace(GLUED_PAGE_NUMBER, ''), source: 'text' } : { title: fileName.replace(/\.[^.]+$/, ''), source: 'file-name' };
}

/** A line ending in a word broken at its hyphen takes the rest of the word from the next line: "VERKIEZINGS-" +
 *  "PROGRAMMA" (GroenLinks 2021) reads "VERKIEZINGSPROGRAMMA" when the vocabulary knows the word whole, else keeps the
 *  hyphen ("Noord-Holland"). */
function withBrokenWord(line: string, nextLine: string | undefined): string {
  const broken = /(\p{L}+)-$/u.exec(line);
  const next = nextLine?.trim();
  if (!broken || !next || !/^\p{L}/u.test(next)) return line;
  const rest = /^\p{L}+/u.exec(next)![0];
  const whole = knownWord(loadWordVectors(), (broken[1] + rest).toLowerCase());
  return `${line.slice(0, whole ? -1 : undefined)}${rest}`;
}

/** A page number glued to a cover's first line: "1Samen aan" (VVD 2021), "509Ratelband.nl". */
const GLUED_PAGE_NUMBER = /^\d{1,3}(?=\p{Lu}\p{Ll})/u;

function titleFromText(doc: CleanDocument): string | null {
  const heading = doc.headings.find((h) => h.start < HEAD_CHARS && !skippable(doc.text.slice(h.start, h.end).trim()));
  let line: { text: string; index: number } | null = null;
  const lines = [...doc.text.slice(0, HEAD_CHARS).matchAll(/[^\n]+/g)];
  for (const [i, m] of lines.entries()) {
    const t = titleLine(m[0].trim());
    const subject = SUBJECT.exec(t);
    if (subject) return subject[2].slice(0, MAX_TITLE);
    if (skippable(t)) continue;
    line ??= { text: withBrokenWord(t, lines[i + 1]?.[0]), index: m.index };
  }
  if (line && (!heading || line.index < heading.start)) {
    if (textKind(line.text) === 'garbled') return null; // judged whole: its first sentence may look clean
    if (line.text.length <= 120) return line.text;
    const sentence = /^.{20,160}?[.!?](?=\s|$)/u.exec(line.text)?.[0];
    if (sentence) return sentence;
  }
  if (heading) return withBrokenWord(doc.text.slice(heading.start, heading.end).trim(), /[^\n]+/.exec(doc.text.slice(heading.end))?.[0]).slice(0, MAX_TITLE);
  if (line) return line.text.slice(0, MAX_TITLE).replace(/\s+\S*$/, '') + '…';
  return null;
}

/** The year an archivist wrote into the file name ("CDA_2017.txt", "vkp2023_sp.pdf", "besluitenlijst_2015-06-29.pdf"):
 *  the first plausible one, not inside a longer number or a hex id. */
export function fileNameYear(fileName: string): number | null {
  const m = /(?<![\da-f])(18[89]\d|19\d\d|20\d\d)(?!\d)/i.exec(fileStem(fileName));
  return m && Number(m[1]) <= new Date().getFullYear() + 1 ? Number(m[1]) : null;
}

/** The year in the file name; else the most frequent plausible year in the title and the document's first page(s);
 *  else the file's creation date. The file name wins because an archive names its files deliberately, while the text
 *  quotes other years (programmas-nl: the text's year differed from the file name's in 100 of 446 programmes, and 127
 *  had none, "50PLUS 2012" was dated 2017). Title years win over the first pages ("2025 - 2030" dates a programme). */
function pickYear(title: string, head: string, creationDate: string | undefined, fileName: string): { year: number | null; source: MetaSource } {
  const named = fileNameYear(fileName);
  if (named !== null) return { year: named, source: 'file-name' };
  const max = new Date().getFullYear() + 1;
  const years = (s: string) =>
    [...s.matchAll(/(?<![\d.,])(18[89]\d|19\d\d|20\d\d)(?![\d.,]\d)/g)].map((m) => Number(m[1])).filter((y) => y >= 1880 && y <= max);
  const inTitle = years(title);
  if (inTitle.length) return { year: Math.min(...inTitle), source: 'text' };
  const counts = new Map<number, number>();
  for (const y of years(head)) counts.set(y, (counts.get(y) ?? 0) + 1);
  if (counts.size) return { year: [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0], source: 'text' };
  const created = creationDate ? Number(/\b(19|20)\d\d\b/.exec(creationDate)?.[0]) : NaN;
  return created >= 1945 && created <= max ? { year: created, source: 'creation-date' } : { year: null, source: 'none' };
}

/** Organisation patterns, most specific first; each returns a canonical name. */
const ORGANISATIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bCentrum voor Lokaal Bestuur\b|\bCLB\b/, () => 'Centrum voor Lokaal Bestuur (PvdA)'],
  [/\bWethoudersvereniging\b/, () => 'Wethoudersvereniging'],
  [/\bVereniging van Nederlandse Gemeenten\b|\bVNG\b/, () => 'VNG'],
  [/\bAutoriteit Persoonsgegevens\b/, () => 'Autoriteit Persoonsgegevens'],
  [/\bRaad van State\b/, () => 'Raad van State'],
  [/\bLandsadvocaat\b/, () => 'Landsadvocaat'],
  // Only the Kamer's own papers carry its full name; programmes and letters name "de Tweede Kamer" they address.
  [/\bTweede Kamer der Staten-Generaal\b/, () => 'Tweede Kamer'],
  [/\bBelastingdienst\b/, () => 'Belastingdienst'],
  [/\bSociaal Werk Nederland\b/, () => 'Sociaal Werk Nederland'],
  [/\bMinisterie van ((?:[\p{Lu}][\p{L}-]+|en|,|\s)+?)(?=\s*(?:[.,;:()\n]|$| [a-z]))/u, (m) => `Ministerie van ${m[1].trim().replace(/,$/, '')}`],
  [/\b(?:[Gg]emeente) ([\p{Lu}][\p{L}'-]+(?: (?:aan|op|den|de|a\/d) [\p{Lu}][\p{L}-]+)?)/u, (m) => `Gemeente ${m[1]}`],
  [/\bPartij van de Arbeid\b|\bPvdA\b/, () => 'PvdA'],
  [/\bChristenUnie\b/, () => 'ChristenUnie'],
  [/\bPartij voor de Dieren\b/, () => 'Partij voor de Dieren'],
  [/\bPiratenpartij\b/, () => 'Piratenpartij'],
  [/\bJA21\b/, () => 'JA21'],
  [/\bBBB\b|\bBoerBurgerBeweging\b/, () => 'BBB'],
  [/\b50PLUS\b/, () => '50PLUS'],
  [/\bBVNL\b|\bBelang van Nederland\b/, () => 'BVNL'],
  [/\bGroenLinks\b/, () => 'GroenLinks'],
  [/\bCDA\b/, () => 'CDA'],
  [/\bVVD\b/, () => 'VVD'],
  [/\bD66\b/, () => 'D66'],
  [/\bSP\b|\bSocialistische Partij\b/i, () => 'SP'],
];


/** A line that is only an organisation's name (a letterhead, "Tweede Kamer der Staten-Generaal"): the sender, not
 *  the title. */
function isOrganisationLine(t: string): boolean {
  if (/^Ministerie van( [\p{Lu}][\p{L}-]+,?| en)+$/u.test(t)) return true;
  return t.length <= 60 && ORGANISATIONS.some(([re]) => {
    const m = re.exec(t);
    return m !== null && t.replace(m[0], '').replace(/\b(der|de|van|het|staten-generaal)\b/gi, '').replace(/[\s,.:;()-]/g, '').length <= 3;
  });
}

/** The organisation the text names most in its title and start (earlier patterns win ties); the file's author
 *  property counts only for an organisation the text also names. Passing mentions are not enough (a council's decision
 *  list names the parties that spoke): the organisation must stand in the title or the letterhead (the first lines) or
 *  the author property, or be named at least twice and twice as often as any other (one's own family excepted:
 *  "PvdA" in "Centrum voor Lokaal Bestuur (PvdA)"); and, unless the author property names it, the file name must not
 *  carry another organisation's acronym. */
function pickOrganisation(title: string, author: string, head: string, text: string, fileName: string, fileAuthor: string | null): { organisation: string | null; source: MetaSource } {
  const found: { name: string; count: number; prominent: boolean; byAuthor: boolean; re: RegExp }[] = [];
  for (const [re, name] of ORGANISATIONS) {
    const find = (s: string) => [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))];
    const inText = find(`${title}\n${head}`);
    if (inText.length === 0) continue;
    const byAuthor = find(author).length > 0;
    const prominent = byAuthor || find(title).length > 0 || find(head.slice(0, LETTERHEAD_CHARS)).length > 0;
    found.push({ name: name(inText[0] as unknown as RegExpExecArray), count: inText.length + find(author).length, prominent, byAuthor, re });
  }
  const ranked = found.sort((a, b) => b.count - a.count);
  const best = ranked[0];
  if (!best) return organiserOf(head, text);
  const rival = ranked.find((r) => r !== best && !best.name.includes(r.name))?.count ?? 0;
  // Named often but not at the top, in a text that names the other author its file name gives: argued with, not the
  // author ("De Conservatieven.nl_2003.txt" names the CDA throughout; "VijftigPLUS_2017.txt" names only 50PLUS).
  const frequent = best.count >= 2 && best.count >= 2 * rival && !(fileAuthor && !sameOrganisation(fileAuthor, best.name, best.re));
  const clear = best.byAuthor || ((best.prominent || frequent) && !fileNameNamesOther(fileName, best.name, best.re));
  return clear ? { organisation: best.name, source: 'text' } : organiserOf(head, text);
}

/** "… de bijeenkomst die Verdiwel organiseerde", "georganiseerd door de Wiardi Beckman Stichting": a course or meeting
 *  report is the organiser's own. A name of capitalised words (with "van"/"voor" between them) at the document's start,
 *  which the text names at least twice (not a speaker named once). */
const ORGANISER = /\b(?:die|dat) (\p{Lu}[\p{L}&'-]*(?: (?:van |voor )?\p{Lu}[\p{L}&'-]*){0,4}) organiseer(?:de|den|t)\b|\bgeorganiseerd door (?:de |het )?(\p{Lu}[\p{L}&'-]*(?: (?:van |voor )?\p{Lu}[\p{L}&'-]*){0,4})/u;
function organiserOf(head: string, text: string): { organisation: string | null; source: MetaSource } {
  const m = ORGANISER.exec(head);
  const name = m?.[1] ?? m?.[2];
  return name && text.split(name).length > 2 ? { organisation: name, source: 'text' } : { organisation: null, source: 'none' };
}

/** The author an archivist wrote into the file name before its year ("ARP_1952.txt", "CP'86_1986.txt", "PvdA; D66;
 *  PPR_1971.txt", "Senioren 2000_1998.txt"), when it reads as a name: capitals beyond the first, a digit or an
 *  apostrophe, or a first word that a Dutch organisation's name ends in ("Boerenpartij", "Plattelandersbond"). Another
 *  single capitalised word counts only when the text writes it as a name ("Volt_2021.txt"), not when it names a kind of
 *  document ("Jaarverslag_2022.pdf": "het jaarverslag"); a lower-case stem ("ap_jaarverslag_2022.pdf") never.
 *  programmas-nl: the text names the party of 100 of 446 programmes; the file name names 345 of the other 346 (not
 *  Nederlandbeter, whose text says its name once). */
function fileNameOrganisation(fileName: string, text: string): string | null {
  const m = /^(.+?)_(?:18[89]\d|19\d\d|20\d\d)$/.exec(fileStem(fileName));
  if (!m) return null;
  const name = m[1].replace(/_/g, ' ').trim();
  const capitals = name.match(/\p{Lu}/gu)?.length ?? 0;
  const named = capitals >= 2 || /[\d'’]/.test(name) || ORGANISATION_HEAD.test(name) || writtenAsName(/^\p{L}+/u.exec(name)?.[0], text);
  return /^\p{Lu}/u.test(name) && named && name.length <= 80 ? name : null;
}

/** Whether the text writes a word as a name: capitalised at least twice (a glued text may join it to the word before:
 *  "vanLoesje") and never as a lower-case word, bar an address ("info@ratelband.nl"). */
function writtenAsName(word: string | undefined, text: string): boolean {
  if (!word) return false;
  const capitalised = text.match(new RegExp(`${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
  const lower = new RegExp(`(?<![\\p{L}\\p{N}.@/])${escapeRegExp(word.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u');
  return capitalised >= 2 && !lower.test(text);
}

/** The words a Dutch organisation's one-word name ends in. */
const ORGANISATION_HEAD = /^\p{L}+(?:partij|bond|unie|liga|verbond|federatie|beweging)\b/u;

/** Whether the file name carries an acronym that is not the organisation's ("GPV_1989.txt", "SAP_1994.txt"): then the
 *  file names its author, and an organisation the text names, even at its start, is one it argues with (the GPV's
 *  programme names the VVD more than itself; ARP 1952 opens with the Tweede Kamer it addresses). */
function fileNameNamesOther(fileName: string, organisation: string, re: RegExp): boolean {
  const stem = fileStem(fileName).replace(/[_;]+/g, ' ');
  const acronyms = (stem.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length <= 8 && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /^\p{Lu}/u.test(w));
  if (acronyms.length === 0 || re.test(stem)) return false;
  return !acronyms.some((a) => abbreviates(a, organisation));
}

const NAME_FUNCTION_WORDS = new Set(['van', 'voor', 'de', 'der', 'den', 'het', 'en']);

/** Whether a word of a file name is one of an organisation's words or its initials ("PvdD", "Partij voor de Dieren"). */
function abbreviates(word: string, organisation: string): boolean {
  const words: string[] = organisation.toLowerCase().match(/\p{L}+/gu) ?? [];
  const w = word.toLowerCase();
  const initials = words.filter((x) => !NAME_FUNCTION_WORDS.has(x)).map((x) => x[0]).join('');
  return (words.includes(w) && !NAME_FUNCTION_WORDS.has(w)) || w === initials || w === words.map((x) => x[0]).join('');
}

/** Whether the author a file name gives is the organisation the text names: by its pattern, a shared word or its
 *  initials, either way round ("BoerBurgerBeweging" and BBB by their capitals). */
function sameOrganisation(fileAuthor: string, organisation: string, re: RegExp): boolean {
  if (re.test(fileAuthor)) return true;
  const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
  const capitals = (fileAuthor.match(/\p{Lu}/gu) ?? []).join('');
  return words(fileAuthor).some((w) => abbreviates(w, organisation)) || (capitals.length >= 2 && abbreviates(capitals, organisation)) ||
    words(organisation).some((w) => abbreviates(w, fileAuthor));
}

/** Whether the text itself names the file name's author: its longest word, as written, at least twice. */
function textNames(fileAuthor: string, text: string): boolean {
  const word = (fileAuthor.match(/\p{L}+/gu) ?? []).sort((a, b) => b.length - a.length)[0];
  return word !== undefined && word.length >= 4 && text.split(word).length > 2;
}

const STOPWORDS: Record<string, Set<string>> = {
  nl: new Set('de het een en van in is dat op te zijn voor met die niet aan er om ook als bij door wordt worden naar hun wij we'.split(' ')),
  en: new Set('the of and to in is that for on with as are be by this it from at an or which not have has'.split(' ')),
  de: new Set('der die das und ist nicht mit den dem zu von auf für sich ein eine auch'.split(' ')),
  fr: new Set('le la les et est dans des une un pour que qui pas sur au du ce avec'.split(' ')),
};

/** ISO 639-1 code of the language whose stop words are most frequent; 'und' when there is too little text. */
export function guessLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, 5000) ?? [];
  let best = 'und';
  let bestCount = 0;
  for (const [lang, stop] of Object.entries(STOPWORDS)) {
    const n = words.filter((w) => stop.has(w)).length;
    if (n > bestCount) [best, bestCount] = [lang, n];
  }
  return bestCount >= 3 ? best : 'und';
}

export function extractMetadata(parsed: ParsedFile, doc: CleanDocument, fileName: string): ExtractedMetadata {
  const firstPageEnd = doc.pageStarts.find((s) => s > HEAD_CHARS) ?? HEAD_CHARS;
  const head = doc.text.slice(0, Math.max(HEAD_CHARS, Math.min(firstPageEnd, 2 * HEAD_CHARS)));
  const fromProperties = propertyTitle(parsed.info.title, head);
  const language = guessLanguage(doc.text);
  const { title, source: titleSource } = fromProperties ? { title: fromProperties, source: 'properties' as const } : textTitle(doc, fileName, language);
  // A title that is the file name says nothing the text does ("PvdA; D66; PPR_1971" would make the PvdA its author).
  const titleText = titleSource === 'file-name' ? '' : title;
  const year = pickYear(titleText, head, parsed.info.creationDate, fileName);
  const fileAuthor = fileNameOrganisation(fileName, doc.text);
  const named = pickOrganisation(titleText, parsed.info.author ?? '', head, doc.text, fileName, fileAuthor && textNames(fileAuthor, doc.text) ? fileAuthor : null);
  const org = !named.organisation && fileAuthor ? { organisation: fileAuthor, source: 'file-name' as const } : named;
  return {
    title,
    year: year.year,
    organisation: org.organisation,
    language,
    sources: { title: titleSource, year: year.source, organisation: org.source },
  };
}
