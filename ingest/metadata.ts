// Document metadata from what the file offers: the PDF info title when it is a real title, else the first
// heading or line; the most plausible year; the organisation behind it (general patterns, no file lookup);
// the language from stop-word counts.
import type { CleanDocument, ParsedFile } from '../lib/types.ts';

export interface ExtractedMetadata {
  title: string;
  year: number | null;
  organisation: string | null;
  language: string;
}

/** How much of the document's start is searched for year and organisation. */
const HEAD_CHARS = 3000;
const MAX_TITLE = 160;

/** Titles that producers fill in automatically and that say nothing about the document. */
function realTitle(t: string | undefined): string | null {
  if (!t) return null;
  const s = t.replace(/\s+/g, ' ').trim();
  if (s.length < 4 || !/\p{L}{3}/u.test(s)) return null;
  if (/^(microsoft\s+\w+\s*-|untitled|naamloos|titel$|title$|document\s*\d*$|presentatie\s*\d*$)/i.test(s)) return null;
  if (/\.(docx?|pdf|indd|pptx?|xlsx?|odt|rtf|tex|dvi)$/i.test(s)) return null;
  return s.slice(0, MAX_TITLE);
}

const NOT_A_TITLE = /^(inhoud(sopgave)?|inhoudstafel|contents|table of contents|voorwoord|inleiding|samenvatting)$/i;

/** Lines that open scraped web pages and say nothing about the document ("Inloggen", "home > nieuws > …"). */
const NAVIGATION = /^(inloggen|login|menu|home|zoeken|search|skip to content|naar de inhoud)$|\s[>»›]\s/i;

/** The document's first line when it comes before any heading (its first sentence when the line is long), else
 *  its first real heading. */
function firstLineTitle(doc: CleanDocument, fileName: string): string {
  const heading = doc.headings?.find((h) => h.start < HEAD_CHARS && !NOT_A_TITLE.test(doc.text.slice(h.start, h.end)));
  let line: { text: string; index: number } | null = null;
  for (const m of doc.text.matchAll(/[^\n]+/g)) {
    const t = m[0].trim();
    if (!/\p{L}{3}/u.test(t) || NAVIGATION.test(t) || NOT_A_TITLE.test(t) || /^(?:-|\d{1,2}[.)])\s/.test(t)) continue;
    line = { text: t, index: m.index };
    break;
  }
  if (line && (!heading || line.index < heading.start)) {
    if (line.text.length <= 120) return line.text;
    const sentence = /^.{20,160}?[.!?](?=\s|$)/u.exec(line.text)?.[0];
    if (sentence) return sentence;
  }
  if (heading) return doc.text.slice(heading.start, heading.end).slice(0, MAX_TITLE);
  if (line) return line.text.slice(0, MAX_TITLE).replace(/\s+\S*$/, '') + '…';
  return fileName.replace(/\.[^.]+$/, '');
}

/** The most frequent plausible year in the title and the document's first page(s), else the PDF creation date.
 *  Title years win (a programme "2025 - 2030" is dated by its title, not by a year it quotes). */
function pickYear(title: string, head: string, creationDate: string | undefined): number | null {
  const max = new Date().getFullYear() + 1;
  const years = (s: string) =>
    [...s.matchAll(/(?<![\d.,])(19[4-9]\d|20\d\d)(?![\d.,]\d)/g)].map((m) => Number(m[1])).filter((y) => y >= 1945 && y <= max);
  const inTitle = years(title);
  if (inTitle.length) return Math.min(...inTitle);
  const counts = new Map<number, number>();
  for (const y of years(head)) counts.set(y, (counts.get(y) ?? 0) + 1);
  if (counts.size) return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  const created = creationDate ? Number(/\b(19|20)\d\d\b/.exec(creationDate)?.[0]) : NaN;
  return created >= 1945 && created <= max ? created : null;
}

/** Organisation patterns, most specific first; each returns a canonical name. */
const ORGANISATIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\bCentrum voor Lokaal Bestuur\b|\bCLB\b/, () => 'Centrum voor Lokaal Bestuur (PvdA)'],
  [/\bWethoudersvereniging\b/, () => 'Wethoudersvereniging'],
  [/\bVereniging van Nederlandse Gemeenten\b|\bVNG\b/, () => 'VNG'],
  [/\bAutoriteit Persoonsgegevens\b/, () => 'Autoriteit Persoonsgegevens'],
  [/\bRaad van State\b/, () => 'Raad van State'],
  [/\bLandsadvocaat\b/, () => 'Landsadvocaat'],
  [/\bTweede Kamer\b/, () => 'Tweede Kamer'],
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
  [/\bSP\b/, () => 'SP'],
];

/** The organisation mentioned most in title, author and the document's start (earlier patterns win ties). A single
 *  passing mention in the text is not enough: the title or author must name it, or the text more than once. */
function pickOrganisation(title: string, author: string, head: string): string | null {
  const text = [title, author, head].join('\n');
  let best: { name: string; count: number } | null = null;
  for (const [re, name] of ORGANISATIONS) {
    const all = (s: string) => [...s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))];
    const matches = all(text);
    if (matches.length === 0 || (matches.length === 1 && all(`${title}\n${author}`).length === 0)) continue;
    const count = matches.length;
    if (!best || count > best.count) best = { name: name(matches[0] as unknown as RegExpExecArray), count };
  }
  return best?.name ?? null;
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
  const title = realTitle(parsed.info.title) ?? firstLineTitle(doc, fileName);
  const firstPageEnd = doc.pageStarts.find((s) => s > HEAD_CHARS) ?? HEAD_CHARS;
  const head = doc.text.slice(0, Math.max(HEAD_CHARS, Math.min(firstPageEnd, 2 * HEAD_CHARS)));
  return {
    title,
    year: pickYear(title, head, parsed.info.creationDate),
    organisation: pickOrganisation(title, parsed.info.author ?? '', head),
    language: guessLanguage(doc.text),
  };
}
