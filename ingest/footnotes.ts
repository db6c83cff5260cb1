// Footnotes at the foot of a PDF page. Extraction puts them after the page's last line of text, so a sentence that
// runs on to the next page is cut by them ("De DKs worden … vrijgegeven voor 116 Deze zou aanvankelijk door de
// Belastingdienst worden beheerd, …" — the rest of the sentence follows the notes), and their reference numbers stick
// to the words that cite them ("de eerste ziektedag117 toe"). A page's notes are recognised by their numbers: a run of
// lines at the page's foot opening with consecutive numbers, each of which the page's text cites as a number glued to a
// word or punctuation. Then the cited numbers leave the words, each note becomes an item of its own, and the lines
// that finish the cut sentence on the next page move up before the notes, so the sentence is read (and quoted) whole.

import { splitSentences } from '../language/sentences.ts';

const NOTE_START = /^(\d{1,3})\s+(?=\S)/;
/** A line ends a sentence (or opens a list with ":"): the one test of the cleaning's line joins (ingest/clean.ts). */
export const TERMINAL = /[.!?:;]["'”’)\]]?$/u;
/** How many lines of the next page may finish a cut sentence: more, and the page did not simply go on. */
const MAX_CARRIED_LINES = 6;

/** What a line is to the notes: the first line of one, a further line of one, or no part of them. */
export type NoteLine = 'start' | 'note' | null;

/** The pages' lines with their notes set apart, and for each line what it is to them. */
export interface Footnoted {
  pages: string[][];
  notes: NoteLine[][];
}

/** What a cited note number is glued to: a word of at least two lowercase letters, or punctuation closing a word of
 *  two letters or more or a bracket ("ziektedag117", "server.116", "(BLE).6"). Not capitals or a single letter
 *  ("CO2", "m2"), not a number ("1.2", "artikel 6a.2"). */
const CITED_AFTER = `(?:\\p{Ll}{2}|[\\p{L}’']\\p{L}[.,;:)”’"']{1,2}|\\)[.,;:”’"']?)`;

/** A note number cited in the text, not part of a longer number. */
function citation(n: number): RegExp {
  return new RegExp(`${CITED_AFTER}${n}(?!\\d)`, 'u');
}

/** Where the page's notes begin (an index into `lines`), or -1: the earliest note line from which every line opening
 *  with a number opens the next note, the first note's number is cited above it, and so are the others. */
export function notesStart(lines: readonly string[]): number {
  const numbered = lines.map((l) => {
    const m = NOTE_START.exec(l.trim());
    return m ? Number(m[1]) : null;
  });
  for (let i = 1; i < lines.length; i++) {
    const first = numbered[i];
    if (first === null) continue;
    const body = lines.slice(0, i).join('\n');
    if (!citation(first).test(body)) continue;
    // The notes after it count up by one; a line opening with any other number is a wrapped note line ("2020 …").
    let next = first + 1;
    let ok = true;
    for (let j = i + 1; j < lines.length; j++) {
      if (numbered[j] !== next) continue;
      if (!citation(next).test(body)) {
        ok = false;
        break;
      }
      next++;
    }
    if (ok) return withUncited(numbered, i);
  }
  return -1;
}

/** How many wrapped lines an uncited note before the first cited one may have. */
const MAX_UNCITED_NOTE_LINES = 4;

/** The notes' start moved up over notes whose citation has a space before it ("Play Services. 15 Het …"), each
 *  numbered one less than the note after it. */
function withUncited(numbered: readonly (number | null)[], start: number): number {
  let first = start;
  for (;;) {
    const want = numbered[first]! - 1;
    let k = first - 1;
    while (k > first - 1 - MAX_UNCITED_NOTE_LINES && k > 0 && numbered[k] === null) k--;
    if (k <= 0 || numbered[k] !== want) return first;
    first = k;
  }
}

/** Sets each page's notes apart (see the module's comment). Pages without notes are returned as they were. */
export function setNotesApart(pages: readonly string[][]): Footnoted {
  const out = pages.map((p) => [...p]);
  const notes: NoteLine[][] = out.map((p) => p.map(() => null));
  for (let pi = 0; pi < out.length; pi++) {
    const lines = out[pi];
    const start = notesStart(lines);
    if (start < 0) continue;
    const cited: number[] = [];
    for (let j = start; j < lines.length; j++) {
      const m = NOTE_START.exec(lines[j].trim());
      const opens = m !== null && Number(m[1]) === (cited.at(-1) ?? Number(m[1]) - 1) + 1;
      if (opens) cited.push(Number(m[1]));
      notes[pi][j] = opens ? 'start' : 'note';
    }
    const refs = new RegExp(`(${CITED_AFTER})(?:${cited.join('|')})(?!\\d)`, 'gu');
    for (let j = 0; j < start; j++) lines[j] = lines[j].replace(refs, '$1');
    const carried = pi + 1 < out.length ? cutSentenceEnd(lines.slice(0, start), out[pi + 1]) : null;
    if (carried) {
      // A line the sentence ends inside is cut there: its rest opens the next page.
      const rest = carried.tail ? [carried.tail] : [];
      const moved = out[pi + 1].splice(0, carried.lines, ...rest);
      notes[pi + 1].splice(0, carried.lines, ...rest.map(() => null));
      moved[moved.length - 1] = carried.head;
      lines.splice(start, 0, ...moved);
      notes[pi].splice(start, 0, ...moved.map(() => null));
    }
  }
  return { pages: out, notes };
}

/** A note line of a text exported from a paginated one (the corpus's beleidsplan): it opens with a superscript
 *  number ("⁹ De toekomst van het wethouderschap, …"), which no sentence does. */
const SUPERSCRIPT_NOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s+\S/u;
/** The page number such a text keeps beside the notes of the page it ended ("7"). */
const BARE_PAGE_NUMBER = /^\d{1,4}$/;

/** The same for a text without pages, whose notes open with superscript numbers where its pages ended: each block of
 *  notes (with the page number beside it, which goes) sets its notes apart, and the paragraph whose sentence it cut
 *  ("… na een bestuurs-" / "⁹ De toekomst …" / "periode lastig kan zijn. Dit komt …") is read on past it, so the notes
 *  follow the paragraph, as a reader of the page would take them. */
export function setSuperscriptNotesApart(lines: readonly string[]): Footnoted {
  const isNote = (l: string) => SUPERSCRIPT_NOTE.test(l.trim());
  const isPageNumber = (l: string) => BARE_PAGE_NUMBER.test(l.trim());
  // Built line by line (no splicing in the middle): a long text with many notes stays linear.
  const out: string[] = [];
  const notes: NoteLine[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isNote(lines[i])) {
      out.push(lines[i]);
      notes.push(null);
      i++;
      continue;
    }
    // The block: the notes, with the blank lines and page numbers around them.
    let start = out.length;
    while (start > 0 && (!out[start - 1].trim() || isPageNumber(out[start - 1]))) start--;
    const block = out.splice(start);
    notes.splice(start);
    let end = i;
    while (end < lines.length && (!lines[end].trim() || isNote(lines[end]) || isPageNumber(lines[end]))) end++;
    block.push(...lines.slice(i, end));
    let rest = end;
    while (rest < lines.length && lines[rest].trim()) rest++;
    const paragraph = lines.slice(end, rest);
    const last = out.at(-1);
    const runsOn = last !== undefined && paragraph.length > 0 && paragraph.length <= MAX_CARRIED_LINES && runsOnOverPage(last.trim(), paragraph[0].trim());
    // Up against the line the paragraph broke off in: the cleaner joins them (a hyphen undone).
    const moved = runsOn ? paragraph : [];
    out.push(...moved, ...block.map((l) => (isPageNumber(l) ? '' : l)));
    notes.push(...moved.map(() => null), ...block.map((l) => (isNote(l) ? 'start' : null)));
    i = runsOn ? rest : end;
  }
  return { pages: [out], notes: [notes] };
}

/** Whether a page whose text ends in `last` (not a sentence end) goes on with the sentence in `first`, the next page's
 *  first line: it opens in lower case, or the page broke off after a comma ("(aandelen," / "ETF’s, obligaties en
 *  derivaten) …"). Read by the notes (a sentence carried past them) and the cleaner (pages joined with a space). */
export function runsOnOverPage(last: string, first: string): boolean {
  return !TERMINAL.test(last) && (/^\p{Ll}/u.test(first) || /,$/.test(last));
}

/** Where the sentence that the body leaves unfinished ends on the next page: how many of its lines (blank lines before
 *  them included), and the part of the last of them that belongs to the sentence (the whole line when it ends there).
 *  Null when the body ends a sentence, the next page does not go on with it, or no sentence ends soon. */
function cutSentenceEnd(body: readonly string[], next: readonly string[]): { lines: number; head: string; tail: string } | null {
  const last = [...body].reverse().find((l) => l.trim());
  if (!last) return null;
  let j = 0;
  while (j < next.length && !next[j].trim()) j++;
  if (j === next.length || !runsOnOverPage(last.trim(), next[j].trim())) return null;
  let text = '';
  for (let k = j; k < next.length && k - j < MAX_CARRIED_LINES && next[k].trim(); k++) {
    const from = text.length + (text ? 1 : 0);
    text += (text ? ' ' : '') + next[k].trim();
    const spans = splitSentences(text);
    const end = spans.length > 1 ? spans[0].end : TERMINAL.test(text) ? text.length : -1;
    if (end < 0) continue;
    const line = next[k].trim();
    return { lines: k + 1, head: line.slice(0, end - from).trimEnd(), tail: line.slice(end - from).trim() };
  }
  return null;
}
