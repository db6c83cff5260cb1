// Raw page text -> one clean text with a page map and heading offsets. Extraction leaves hard-wrapped
// lines, hyphenated words, running headers, page numbers, odd glyphs and (in our corpus) blank lines in the
// middle of sentences; this module decides line by line how each line joins the next.
import type { CleanDocument, RawPage } from '../lib/types.ts';
import { dropFurniture, dropInlineHeads } from './furniture.ts';
import { runsOnOverPage, setNotesApart, setSuperscriptNotesApart, TERMINAL, type Footnoted } from './footnotes.ts';
import { dropLineNumbers } from './line-numbers.ts';
import { DUTCH_STOPWORDS } from '../language/stopwords.ts';

type LineKind = 'heading' | 'item' | 'toc' | 'text';

interface Line {
  text: string;
  page: number;
  kind: LineKind;
  /** Explicit heading depth (Markdown #-count, numbering depth); 0 for unnumbered headings. */
  depth: number;
  /** A blank line stood between this line and the previous one. */
  blankBefore: boolean;
  /** How many (a page break counts as one). */
  blanks: number;
  /** Part of a footnote (ingest/footnotes.ts). */
  note: boolean;
  /** A heading by its numbering alone ("2.1 Moderne voorwaarden"), not by Markdown or bold marks. */
  numbered?: boolean;
}

type Join = 'space' | 'none' | 'line' | 'para' | 'unhyphenate' | 'rehyphenate';

// ---- character level ------------------------------------------------------------------------------

const LIGATURES = /[\uFB00-\uFB06]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLES = /[\u200B-\u200D\u2060\uFEFF]/g;
/** A bullet drawn in a symbol font comes out of some PDFs as the control character U+001F (pdf-nl: the Belastingdienst's
 *  jaarplan, a DUS-I infographic, 56 times): it reads as the bullet it was. */
const CONTROL_BULLET = /\u001F/g;
/** Marks a line that ended in a soft hyphen, before soft hyphens are removed. */
const SOFT_BREAK = '\u0000';

/** Normalise one line's characters; tabs survive for TOC/bullet detection. */
function normaliseChars(line: string): string {
  return line
    .replace(LIGATURES, (c) => c.normalize('NFKC'))
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLES, '')
    .replace(CONTROL_BULLET, '•')
    .replace(/\u00AD\s*$/, SOFT_BREAK)
    .replace(/\u00AD/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1') // Markdown bold inside a line: the words matter, not the stars
    .replace(GLUED_WORD, (m, left: string, right: string) => (DUTCH_STOPWORDS.has(right.toLowerCase()) ? `${left} ${right}` : m))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A word glued to the next sentence's first word where the extraction lost a line break after a heading
 *  ("Aanpak dikastocratieOok zien we", "voor een beter nederlandWe stropen"): split only before a capitalised function
 *  word, so names written in camel case ("ChristenUnie", "GroenLinks", "CoronaMelder") stay whole. */
const GLUED_WORD = /(?<=^|[^\p{L}])(\p{Ll}{3,})(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu;

// ---- line classification --------------------------------------------------------------------------

const BULLET = /^(?:[•◦▪▫●○■□►▸‣⁃∙·*\-–—]|\uF0B7|\uF0A7|\uF0D8|\uF0FC)\s+/u;
const NUMBERED_ITEM = /^(?:\d{1,3}[.)]|[a-z][.)]|\([0-9a-z]{1,3}\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s*(?=\S)/u;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s*(?=[\p{Lu}"“‘'])/u;
const TOC_LINE = /(?:\t|\.{3,}|…{2,}|\s{3,})\s*\d{1,4}$/;
const NO_HEADING_END = /[.,;:!?]["'”’)]?$/u;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A structurally marked heading: `# Titel` (level = #-count), a whole-line `**bold**`, or a numbered
 *  title line like `2 Een aantrekkelijk ambt` / `2.1 Moderne voorwaarden` (level = numbering depth).
 *  Returns the heading text without Markdown markers and its explicit level (0 = bold, no level), or null.
 *  Unnumbered title-like lines are only recognised in context by cleanPages, which records every heading
 *  it finds in CleanDocument.headings: use those rather than re-detecting. */
export function headingOf(line: string): { text: string; level: number } | null {
  const t = line.trim();
  const md = /^(#{1,6})\s+(.+?)\s*#*$/.exec(t);
  if (md) return { text: md[2], level: md[1].length };
  const bold = /^\*\*([^*]+)\*\*:?$/.exec(t);
  if (bold) return { text: bold[1].trim(), level: 0 };
  const num = NUMBERED_HEADING.exec(t);
  if (num && isTitleLike(t, 90, 12)) return { text: t, level: num[1].split('.').length };
  return null;
}

function isTitleLike(t: string, maxChars: number, maxWords: number): boolean {
  return (
    t.length <= maxChars &&
    wordCount(t) <= maxWords &&
    !NO_HEADING_END.test(t) &&
    /\p{L}{2}/u.test(t) &&
    !TOC_LINE.test(t)
  );
}

/** Bullet glyphs that a symbol font maps to an ordinary character ("6 \tEen betrokken overheid"):
 *  a single leading character followed by a tab, repeated on at least 3 lines of the document. */
function symbolBullets(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const m = /^(\S) ?\t/.exec(l);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([c]) => c));
}

function classify(raw: string, bullets: Set<string>): { text: string; kind: LineKind; depth: number; numbered?: boolean } {
  const glyph = /^(\S) ?\t/.exec(raw);
  if (glyph && bullets.has(glyph[1])) return { text: '- ' + tidy(raw.slice(glyph[0].length)), kind: 'item', depth: 0 };
  if (TOC_LINE.test(raw) && /\p{L}/u.test(raw)) return { text: tidy(raw), kind: 'toc', depth: 0 };
  const t = tidy(raw);
  const h = headingOf(t);
  // Markdown and bold headings lose their marks; a numbered one is the line itself.
  if (h) return { text: h.text, kind: 'heading', depth: h.level, numbered: h.text === t };
  if (BULLET.test(t)) return { text: '- ' + t.replace(BULLET, ''), kind: 'item', depth: 0 };
  if (NUMBERED_ITEM.test(t)) return { text: t, kind: 'item', depth: 0 };
  return { text: t, kind: 'text', depth: 0 };
}

function tidy(s: string): string {
  return s.replace(/\t+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

// ---- joining lines -----------------------------------------------------------------------------------

interface Layout {
  /** Typical full line length: lines much shorter than this end a paragraph. */
  width: number;
  /** False when blank lines often fall mid-sentence (an extraction artefact), so they prove nothing. */
  blanksMeanParagraphs: boolean;
  /** Where they prove nothing, the run of blank lines that does: longer than the usual one (the corpus's CLB plan has a
   *  blank line after every line, and two, one holding a space, between paragraphs). */
  paragraphBlanks: number;
}

function measureLayout(lines: Line[]): Layout {
  const lengths = lines
    .filter((l) => l.kind === 'text' && l.text.length >= 20)
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  const width = lengths.length ? lengths[Math.floor(lengths.length * 0.8)] : 80;
  let blanks = 0;
  let midSentence = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].blankBefore || lines[i - 1].kind !== 'text') continue;
    blanks++;
    if (!TERMINAL.test(lines[i - 1].text) && /^\p{Ll}/u.test(lines[i].text)) midSentence++;
  }
  const blanksMeanParagraphs = blanks === 0 || midSentence / blanks < 0.15;
  return { width, blanksMeanParagraphs, paragraphBlanks: blanksMeanParagraphs ? 1 : usualBlanks(lines) + 1 };
}

/** The most common run of blank lines between text lines. */
function usualBlanks(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.blanks > 0) counts.set(l.blanks, (counts.get(l.blanks) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
}

/** An acronym-like word (two or more capitals: PvdA, CDA, VNG) keeps its hyphen: PvdA-wethouder. */
function isAcronym(word: string): boolean {
  return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function joinOf(prev: Line, next: Line, layout: Layout, titleLike: (i: number) => boolean, i: number): Join {
  // The text after a page's notes (the next page's) never continues the last note.
  if (prev.note && !next.note) return 'para';
  if (prev.kind === 'heading' || next.kind === 'heading' || titleLike(i - 1) || titleLike(i)) return 'para';
  if (next.kind === 'toc' || prev.kind === 'toc') return 'line';
  if (next.kind === 'item') return prev.kind === 'item' || /:$/.test(prev.text) ? 'line' : 'para';

  if (prev.text.endsWith(SOFT_BREAK)) return 'none';
  // Only the line's tail can end in a hyphen: testing it alone keeps this linear on very long lines.
  const hyphen = prev.text.endsWith('-') ? /(\p{L}+) ?-$/u.exec(prev.text.slice(-200)) : null;
  if (hyphen && /^\p{L}/u.test(next.text)) {
    // "gemeente- en provinciebestuur": an elided compound part, not a broken word.
    if (/^(?:en|of|tot|als)\b/u.test(next.text)) return 'space';
    if (/^\p{Ll}/u.test(next.text) && !isAcronym(hyphen[1])) return 'unhyphenate';
    return 'rehyphenate';
  }

  const terminal = TERMINAL.test(prev.text);
  const startsSentence = /^["'“‘(]?[\p{Lu}\p{N}]/u.test(next.text);
  const short = prev.text.length < layout.width * 0.8;
  // A sentence running on over a page break.
  if (next.page !== prev.page && runsOnOverPage(prev.text, next.text)) return 'space';
  if (prev.kind === 'item') {
    // A wrapped list item continues until a sentence ends on a short line or a blank line.
    if (terminal && startsSentence && (short || next.blankBefore)) return 'para';
    return next.blanks >= layout.paragraphBlanks && (layout.blanksMeanParagraphs || startsSentence) ? 'para' : 'space';
  }
  if (next.blanks >= layout.paragraphBlanks && (layout.blanksMeanParagraphs || startsSentence)) return 'para';
  if (terminal && startsSentence && short) return 'para';
  return 'space';
}

/** A numbered line that the next line of its page continues in lower case is the first line of a wrapped numbered
 *  point, not a heading: "5. Het economisch aspect krijgt een steeds" / "grotere plaats in de samenleving, …". */
function demoteWrappedNumbers(lines: Line[]): void {
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    if (l.kind !== 'heading' || !l.numbered || !next || next.page !== l.page || next.blankBefore) return;
    if (next.kind !== 'text' || !/^\p{Ll}/u.test(next.text)) return;
    l.kind = 'item';
    l.depth = 0;
  });
}

/** A short, title-like line standing alone between sentence ends: an unnumbered heading ("Samenlevingsbeeld"). */
function contextualHeadings(lines: Line[], layout: Layout): boolean[] {
  return lines.map((l, i) => {
    if (l.kind !== 'text' || !/^[\p{Lu}"“]/u.test(l.text)) return false;
    if (!isTitleLike(l.text, Math.min(70, layout.width * 0.6), 10)) return false;
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const prevEnds = !prev || prev.kind !== 'text' || TERMINAL.test(prev.text) || prev.page !== l.page;
    const nextStarts = !next || next.kind !== 'text' || /^["'“‘]?[\p{Lu}\p{N}]/u.test(next.text);
    return prevEnds && nextStarts && next !== undefined;
  });
}

// ---- the stage ---------------------------------------------------------------------------------------

/** Lines that open a page copied from a website and belong to its navigation ("Inloggen", "home > nieuws > …"). */
export const NAVIGATION = /^(inloggen|login|menu|home|zoeken|search|skip to content|naar de inhoud)$|\s[>»›]\s/i;

/** A copied web page opens with its site's navigation above the title: those lines are blanked, so that no passage
 *  quotes "home > uitgelicht > …". Only the opening lines: deeper in a text such a line may be prose. */
function dropSiteNavigation(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && (lines[i].trim() === '' || NAVIGATION.test(lines[i].trim()))) i++;
  return lines.map((l, j) => (j < i ? '' : l));
}

/** Each page's lines, normalised, without running heads and page numbers (`furniture`), footnotes set apart. */
function pageLinesOf(pages: RawPage[], furniture: boolean): Footnoted {
  const pageLines = pages.map((p) => p.text.replace(/\r\n?/g, '\n').split('\n').map(normaliseChars));
  if (pageLines.length > 0) pageLines[0] = dropSiteNavigation(pageLines[0]);
  const withoutNotes = (kept: string[][]): Footnoted => ({ pages: kept, notes: kept.map((p) => p.map(() => null)) });
  if (!furniture) return withoutNotes(pageLines);
  // A text without pages has no foot, and nearly every number in it is "cited" somewhere above a numbered line: there
  // only notes opening with a superscript number count.
  if (pages.length === 1) return setSuperscriptNotesApart(dropInlineHeads(pageLines)[0]);
  return setNotesApart(dropInlineHeads(dropFurniture(pageLines)));
}

/** Every kept line of every page, classified (heading, item, table of contents, text), with the blank lines before
 *  it and whether it belongs to a footnote. */
function classifiedLines(pages: RawPage[], kept: string[][], notes: Footnoted['notes']): Line[] {
  const bullets = symbolBullets(kept.flat());
  const lines: Line[] = [];
  kept.forEach((pl, pi) => {
    let blanks = 1; // a page break counts as one blank line, however many the page opens with
    let pageStart = true;
    for (let j = 0; j < pl.length; j++) {
      let raw = pl[j];
      if (!raw) {
        blanks++;
        continue;
      }
      // A bold heading wrapped over two lines: "**De positionering van een betekenisvol" / "en aantrekkelijk ambt**".
      if (/^\*\*[^*]+$/.test(raw)) {
        const close = pl.slice(j + 1, j + 4).findIndex((l) => /^[^*]+\*\*:?$/.test(l));
        if (close >= 0) {
          raw = [raw, ...pl.slice(j + 1, j + 2 + close)].join(' ');
          j += close + 1;
        }
      }
      const blankRun = pageStart ? 1 : blanks;
      // A footnote is an item of its own, like a list's: it joins neither the text above it nor the note before.
      const kind = notes[pi][j] === 'start' ? { text: tidy(raw), kind: 'item' as const, depth: 0 } : classify(raw, bullets);
      lines.push({ ...kind, page: pages[pi].page, blankBefore: blanks > 0, blanks: blankRun, note: notes[pi][j] !== null });
      blanks = 0;
      pageStart = false;
    }
  });
  demoteWrappedNumbers(lines);
  return lines;
}

/** `furniture`: look for running headers and footers, and footnotes (not in the sections of a Word file, which have
 *  none of the first and whose notes mammoth places). */
export function cleanPages(raw: RawPage[], opts: { furniture?: boolean } = {}): CleanDocument {
  const pages = dropLineNumbers(raw);
  const { pages: kept, notes } = pageLinesOf(pages, opts.furniture !== false);
  const lines = classifiedLines(pages, kept, notes);
  const layout = measureLayout(lines);
  const titled = contextualHeadings(lines, layout);
  const titleLike = (i: number) => titled[i] ?? false;

  // The text is built from parts: editing the tail of one growing string (a regex on it, or a slice) would copy
  // the whole text per line, quadratic on long documents.
  const parts: string[] = [];
  let length = 0;
  const append = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const editLast = (edit: (s: string) => string) => {
    const last = parts.length - 1;
    const before = parts[last];
    parts[last] = edit(before);
    length += parts[last].length - before.length;
  };
  const pageStarts: number[] = [];
  const headings: CleanDocument['headings'] = [];
  const explicit: number[] = []; // depths of the numbered/Markdown headings above the current line
  let li = 0;
  for (const p of pages) {
    pageStarts.push(length);
    for (; li < lines.length && lines[li].page === p.page; li++) {
      const line = lines[li];
      if (li > 0) {
        // parts' last entry is the previous line's text here.
        const join = joinOf(lines[li - 1], line, layout, titleLike, li);
        if (join === 'unhyphenate') editLast((s) => s.replace(/ ?-$/, ''));
        else if (join === 'rehyphenate') editLast((s) => s.replace(/ -$/, '-'));
        else if (join === 'none') editLast((s) => s.replace(/\u0000$/, ''));
        append(join === 'space' ? ' ' : join === 'line' ? '\n' : join === 'para' ? '\n\n' : '');
      }
      if (pageStarts[pageStarts.length - 1] < length && lines[li - 1]?.page !== line.page) {
        pageStarts[pageStarts.length - 1] = length;
      }
      const start = length;
      append(line.text.replace(/\u0000$/, ''));
      if (line.kind === 'heading' || titleLike(li)) {
        headings.push({ start, end: length, level: headingLevel(line, explicit) });
      }
    }
  }
  const text = parts.join('');
  const withText = new Set(lines.map((l) => l.page));
  const emptyPages = pages.filter((p) => !withText.has(p.page)).map((p) => p.page);
  return { text, pageStarts, emptyPages, headings };
}

/** Numbered and Markdown headings carry their own depth; unnumbered ones nest one below the deepest
 *  explicit heading above them, so "Moderne voorwaarden" sits under "2 Een aantrekkelijk ambt". */
function headingLevel(line: Line, explicit: number[]): number {
  if (line.kind === 'heading' && line.depth > 0) {
    while (explicit.length && explicit[explicit.length - 1] >= line.depth) explicit.pop();
    explicit.push(line.depth);
    return line.depth;
  }
  return (explicit[explicit.length - 1] ?? 0) + 1;
}
