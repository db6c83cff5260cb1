// Page furniture: running headers and footers and page numbers, which extraction mixes into the text. On pages, they
// sit at the page's edges and repeat from page to page; in a text without pages (a PDF converted to text, as the
// programmas-nl archive holds them), the running head is glued to the line that opened the next page.
import { ingestDefaults } from '../lib/config.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import { median } from '../lib/sorted.ts';
import { dropRepeatedRuns } from './repeated-heads.ts';

const PAGE_NUMBER = [
  /^\d{1,4}$/,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*(?:van|of|\/)\s*\d{1,4}$/i,
  /^\d{1,4}\s*[|•·]\s*\S.{0,80}$/,
  /^\S.{0,80}[|•·]\s*\d{1,4}$/,
];
/** Running headers/footers and page numbers sit in the first or last few lines of a page. */
const EDGE_LINES = 3;

function furnitureKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function edgeIndexes(lines: string[]): number[] {
  const filled = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}

/** Drop running headers/footers (same line, digits ignored, at the edge of many pages) and bare page numbers. */
export function dropFurniture(pages: string[][]): string[][] {
  const filled = pages.filter((p) => p.some((l) => l.trim())).length;
  if (filled < 2) return pages;
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edgeIndexes(lines).map((i) => furnitureKey(lines[i])))) {
      if (key.length > 0) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const minPages = Math.max(3, Math.ceil(ingestDefaults.runningLineMinShare * filled));
  return pages.map((lines) => {
    const edges = new Set(edgeIndexes(lines));
    return lines.filter((l, i) => {
      if (!edges.has(i)) return true;
      const t = l.trim();
      if (PAGE_NUMBER.some((re) => re.test(t))) return false;
      return (seen.get(furnitureKey(l)) ?? 0) < minPages || filled < 3;
    });
  });
}

const INLINE_HEAD_MIN = ingestDefaults.inlineHeadMinLines;
const INLINE_HEAD_CHARS = ingestDefaults.inlineHeadMinChars;

/** Drops a running head that extraction glued to the start of lines ("GroenLinks-PvdA verkiezingsprogramma
 *  2023-2028Het kan niet langer …", "CDA VERKIEZINGSPROGRAM 2017-20213.1.2 Een mantelzorgvergoeding"), with the page
 *  number ending the line before it ("Samen kunnen we dat.7"). A head is an opening that many lines share (a page
 *  number before it ignored) after which the text goes on glued more often than apart (see joinAt): a sentence that
 *  many lines open with goes on after a space ("BBB vindt het belangrijk dat …"), one ending in ":" introduces a
 *  list, and a repeated heading alone on its line ("Onze voorstellen") is kept as a heading. First, a head in the
 *  middle of lines, around a page number and a bar (dropBarHeads), and, in a text without pages, a head after its page
 *  number (dropNumberedHeads). */
export function dropInlineHeads(pages: string[][]): string[][] {
  // Twice: PvdD 2017 has its title after most bars doubled ("2017 Verkiezingsprogramma … 2017  | 3"), and once only
  // after the others, which the first pass leaves fewer than half of.
  const barless = dropBarHeads(dropBarHeads(pages));
  // Only where the pages were flattened into one text: on real pages a number before a repeated text is a footnote
  // ("15 Voorgesteld artikel 6d, eerste lid, Wpg."), and the page's edges hold the running heads (dropFurniture).
  const unpaged = pages.length === 1 ? dropNumberedHeads(barless) : barless;
  const heads = inlineHeads(unpaged.flat());
  // Last, in a flattened text, the heads left in the middle of its sentences (after the others: a head glued to the
  // word after it, "… voor normenzin", is one the line rules take whole).
  const cleaned = heads.length === 0 ? unpaged : unpaged.map((lines) => {
    const out: string[] = [];
    for (const line of lines) {
      const t = line.trim().replace(LEADING_PAGE_NUMBER, '');
      const head = heads.find((h) => t.startsWith(h));
      if (head === undefined) {
        out.push(line);
        continue;
      }
      let prev = out.length - 1;
      while (prev >= 0 && out[prev].trim() === '') prev--;
      if (prev >= 0) out[prev] = out[prev].replace(TRAILING_PAGE_NUMBER, '$1');
      const after = t.slice(head.length).replace(GLUED_PAGE_NUMBER, '').trim();
      out.push(/^\d*$/.test(after) ? '' : after);
    }
    return out;
  });
  return pages.length === 1 ? dropRepeatedRuns(cleaned) : cleaned;
}

/** A running head in the middle of a line, around a page number and a bar: "… niemand vallen.7 | Verkiezingsprogramma
 *  2021 - 2025   De digitale versie lees je op d66.nl/eennieuwbegin" (D66 2021 and 2023), "2017 | 3" (PvdD 2017).
 *  Its parts are the longest texts that at least half of the document's "N | " share after the bar and before the
 *  number; the part after the bar must be there, and it is also dropped where it stands before a bar and a number. */
function dropBarHeads(pages: string[][]): string[][] {
  const befores: string[] = [];
  const afters: string[] = [];
  for (const line of pages.flat()) {
    for (const m of line.matchAll(/\d{1,4} ?\| ?/g)) {
      befores.push([...line.slice(Math.max(0, m.index - 80), m.index)].reverse().join(''));
      afters.push(line.slice(m.index + m[0].length, m.index + m[0].length + 160));
    }
  }
  if (afters.length < INLINE_HEAD_MIN) return pages;
  // Up to the next bar ("2017  | 1": the facing page's footer follows) and from a letter ("gebeurd.|Een nieuw begin").
  const after = sharedByHalf(afters).split('|')[0].trimEnd();
  const before = [...sharedByHalf(befores)].reverse().join('').replace(/^\P{L}+/u, '');
  if (after.length < INLINE_HEAD_CHARS || WEB_ADDRESS.test(after)) return pages;
  const tail = '(?:\\s*\\| ?\\d{1,4}(?!\\d))?';
  const numbered = new RegExp(`(?:${escapeRegExp(before)})?\\d{1,4} ?\\| ?${escapeRegExp(after)}${tail}`, 'gu');
  const titled = new RegExp(`${escapeRegExp(after)}\\s*\\| ?\\d{1,4}(?!\\d)`, 'gu');
  return pages.map((lines) => lines.map((l) => l.replace(numbered, ' ').replace(titled, ' ')));
}

/** A running head after its page number, in the middle of a line or opening one: "… een huis te 7
 *  Verkiezingsprogramma 2021 -2025  -  Ons nieuwe verhaal…" (VVD 2021), "Daarom wil -" / "6 EEN VERBONDEN SAMENLEVING
 *  len wij" (PvdA 2017). A head is an opening of at least INLINE_HEAD_CHARS that at least INLINE_HEAD_MIN of the texts
 *  after such a number share, ending where a word ends (a chapter's name glued to the text after it, "… 2021 -2025  -
 *  Wonen en Vervoerbeschikbaar", is left), whose numbers count pages: they differ (not a title's year), and the text
 *  advances a page's worth of characters per number (numberedHeadMinPageChars; a numbered list's formula advances a
 *  few hundred). Number and head become a line break: the page broke there, and a word hyphenated across it ("wil -"
 *  / "len") is joined again as at any line end. */
function dropNumberedHeads(pages: string[][]): string[][] {
  const found: { after: string; number: number; at: number }[] = [];
  let offset = 0;
  for (const line of pages.flat()) {
    for (const m of line.matchAll(NUMBER_BEFORE_HEAD)) {
      const start = m.index + m[0].length;
      found.push({ after: line.slice(start, start + 160), number: Number(m[1]), at: offset + m.index });
    }
    offset += line.length + 1;
  }
  if (found.length < INLINE_HEAD_MIN) return pages;
  const candidates = [...new Set(runPrefixes(found.map((f) => f.after), INLINE_HEAD_MIN).map((p) => p.trimEnd()))]
    .filter((h) => h.length >= INLINE_HEAD_CHARS && !WEB_ADDRESS.test(h))
    .sort((a, b) => b.length - a.length);
  const heads = candidates.filter((h) => {
    const at = found.filter((f) => f.after.startsWith(h));
    // Characters per page the number advances, between each occurrence and the next (a number that does not advance
    // counts as none).
    const perPage = at.slice(1).map((f, i) => (f.number > at[i].number ? (f.at - at[i].at) / (f.number - at[i].number) : 0));
    // A head ends where a word does: "… 2021 -2025 - O" (of "Ons", "Onderwijs", "Overheid") does not.
    const inWord = at.filter((f) => CONTINUES_WORD.test(f.after.slice(h.length - 1))).length;
    const distinct = new Set(at.map((f) => f.number)).size;
    return distinct * 2 > at.length && median(perPage) >= ingestDefaults.numberedHeadMinPageChars && inWord * 2 < at.length;
  });
  if (heads.length === 0) return pages;
  const re = new RegExp(`${NUMBER_BEFORE_HEAD.source}(?:${heads.map(escapeRegExp).join('|')})`, 'gu');
  return pages.map((lines) => lines.flatMap((l) => l.replace(re, '\n').split('\n')));
}

/** A page number before a capital, not part of a longer number ("2.4 Er komt", "1994-1998 NEDERLAND"): "huis te 7
 *  Verkiezingsprogramma", "opstellen.14 Verk…", a line's "6 EEN VERBONDEN …". */
const NUMBER_BEFORE_HEAD = /(?<=\S|^)[^\S\n]*(?<!\d|\d[.,:\/–-])(\d{1,4})[^\S\n]+(?=\p{Lu})/gu;
/** A word going on: a lower-case letter after a letter ("O|nderwijs"), or a capital not opening a capitalised word
 *  ("TOE|KOMST", "E|N SOCIALER"; not "SOCIALER|Een", a head glued to a sentence). */
const CONTINUES_WORD = /^\p{L}(?:\p{Ll}|\p{Lu}(?!\p{Ll}))/u;


/** The longest prefix that at least half of the strings share. */
function sharedByHalf(strings: string[]): string {
  const prefixes = runPrefixes(strings, Math.ceil(strings.length / 2));
  return prefixes.reduce((best, p) => (p.length > best.length ? p : best), '');
}

/** The prefixes that `run` of the strings share: in sorted order, the common prefix of every `run` in a row. */
function runPrefixes(strings: readonly string[], run: number): string[] {
  const sorted = [...strings].sort();
  const out: string[] = [];
  for (let i = 0; i + run <= sorted.length; i++) out.push(commonPrefix(sorted[i], sorted[i + run - 1]));
  return out;
}

/** A page number between the head and the text: "wereld11De VVD wil", "wereld14 ▶Opschorting", "2017 10den door". */
const GLUED_PAGE_NUMBER = /^\s*\d{1,4}(?=\p{L}{2}|\s*[•▪►▶●■])/u;
/** What opens an item or a quotation: "2017• Overheden", "2017“Ondernemers zijn". */
const OPENER = /[•▪►▶●■“‘„(]/u;
/** Footnotes share the start of their links ("https://github.com/"): never a running head. */
const WEB_ADDRESS = /:\/\/|www\./i;
const LEADING_PAGE_NUMBER = /^\d{1,4}\s+(?=\p{L})/u;
/** A page number after a sentence's end, or alone on its line. */
const TRAILING_PAGE_NUMBER = /(^|[.!?;:"”’)])\s*\d{1,4}\s*$/u;

function inlineHeads(lines: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    const t = line.trim().replace(LEADING_PAGE_NUMBER, '');
    if (t.length < INLINE_HEAD_CHARS || !/^\p{L}/u.test(t)) continue;
    const key = t.slice(0, INLINE_HEAD_CHARS).replace(/\d+/g, '#');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(t);
  }
  const heads: string[] = [];
  for (const g of groups.values()) if (g.length >= INLINE_HEAD_MIN) heads.push(...headsOf(g));
  return heads.sort((a, b) => b.length - a.length);
}

/** The openings that at least INLINE_HEAD_MIN of these lines share (runPrefixes) and that pass as a running head.
 *  Not the prefix of all of them: "GroenLinks-PvdA wil …" shares only the party's name with "GroenLinks-PvdA
 *  verkiezingsprogramma 2023-2028Het kan niet …". */
function headsOf(group: string[]): string[] {
  const candidates = new Set<string>();
  for (const prefix of runPrefixes(group, INLINE_HEAD_MIN)) {
    const head = prefix.trimEnd();
    // Page numbers glued after the head share their first digits ("wereld1" of "wereld11", "wereld12").
    for (const h of [head, head.replace(/\d+$/, '').trimEnd()]) {
      if (h.length >= INLINE_HEAD_CHARS && !WEB_ADDRESS.test(h)) candidates.add(h);
    }
  }
  return [...candidates].filter((head) => {
    const lines = group.filter((t) => t.startsWith(head));
    const half = (n: number) => n * 2 >= lines.length;
    if (half(lines.filter((t) => t.trimEnd().endsWith(':')).length)) return false;
    // The same number after it in most lines is the head's own ("Verkiezingsprogramma D|66"), not a page number.
    const numbers = lines.map((t) => /^\d+/.exec(t.slice(head.length))?.[0]).filter((n) => n !== undefined);
    if (half(Math.max(0, ...[...new Set(numbers)].map((n) => numbers.filter((m) => m === n).length)))) return false;
    const joins = lines.map((t) => joinAt(t, head.length));
    const glued = joins.filter((j) => j === 'glued').length;
    return glued >= INLINE_HEAD_MIN / 2 && glued >= joins.filter((j) => j === 'apart').length;
  });
}

/** How the text goes on at `i`. Glued: a new word starts without a space ("2023-2028Het", "NederlandRadicaal",
 *  "Nederland2.1 Versterken", "2028• Basisbanen", "2017“Ondernemers") or after a page number ("wereld11De"). Apart:
 *  a space, punctuation ("SITUATIE|?"), the end of a number ("MVV-3.F|25") or of the line. Unclear: a lower-case
 *  letter after a letter or digit ("Nederland|politie" after a head, "verantwoordelij|kheid" inside a word), a digit
 *  after a digit ("2021|2. Sterke"). */
function joinAt(t: string, i: number): 'glued' | 'apart' | 'unclear' {
  if (GLUED_PAGE_NUMBER.test(t.slice(i))) return 'glued';
  const prev = t[i - 1] ?? '';
  const next = t[i] ?? '';
  if (/\p{Lu}/u.test(next)) return /\p{Lu}/u.test(prev) ? 'unclear' : 'glued';
  if (/\p{Ll}/u.test(next)) return /[\p{L}\p{N}]/u.test(prev) ? 'unclear' : 'apart';
  if (/\p{N}/u.test(next)) {
    if (/\p{N}/u.test(prev)) return 'unclear';
    return /\p{L}/u.test(prev) && !/^\d+\s*$/.test(t.slice(i)) ? 'glued' : 'apart';
  }
  return OPENER.test(next) && !/\s/u.test(prev) ? 'glued' : 'apart';
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
