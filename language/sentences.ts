// Dutch sentence boundaries as offsets: the one splitter for passage cutting (ingest) and answer sentences.
// Clean text keeps the source's line breaks, and PDF-derived paragraphs often break mid-sentence, so a line break
// only ends a sentence before a list item, after a semicolon (an enumeration item), or at a blank line after a full
// stop or before a paragraph that starts like a new sentence.
// A full stop after an abbreviation ("bijv.", "o.a.") or an initial ("W. Drees", "de heer K.F. Jansen") does not.

export interface SentenceSpan {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset just past the last non-space character. */
  end: number;
}

/** Dutch (and a few Latin/English) abbreviations whose full stop does not end a sentence; lower case, no final dot. */
const ABBREVIATIONS = new Set(
  (
    'bijv bv o.a e.a e.d enz etc dhr mevr mw mr dr drs ir ing prof art artt nr nrs blz pag p pp ca zgn z.g z.g.n ' +
    'm.b.t t.a.v i.p.v d.w.z vgl jl resp evt incl excl max min mln mld st jr sr o.b.v i.c.m m.u.v t.b.v i.v.m ' +
    'n.a.v a.s vs v.a tel no e.v fig hfst par lid sub ong gem red cf e.g i.e o.l.v m.n'
  ).split(' '),
);

/** Terminal punctuation (or a semicolon) with closing quotes/brackets and, after a word's full stop, a footnote
 *  reference glued to it ("… datalekmeldingen.9 Het …", reports and programmes flattened from PDF), then white space
 *  (group 2), or a run of line breaks (group 3). */
const BOUNDARY = /((?:[.!?…](?<=\p{L}{2}.)["'’”)\]]*\d{1,3}(?=\s))|[.!?…;]+["'’”)\]]*)(\s+)|(\n(?:[^\S\n]*\n)*)/gu;
/** White space holding an empty line: a paragraph break. */
const BLANK_LINE = /\n[^\S\n]*\n/;
const NEW_SENTENCE_START = /^["'‘“(\[]?[\p{Lu}\p{N}]/u;
/** A list item: a bullet, "1." / "1)", or a lettered item "a." / "b)" (programmes letter their demands). */
export const LIST_ITEM_START = /^(?:[-•–*▪·]\s|\d+[.)]\s|[a-z][.)]\s)/u;
/** A single letter or a chain of initials ("J", "K.F", "E.M"): names follow, not new sentences. */
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

/** Sentence spans of text[from, to) (offsets into `text`; trimmed, non-empty, in order). */
export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const cut of [...withRunOnCuts(slice, cutsOf(slice)), slice.length]) {
    const span = trimSpan(slice, start, cut);
    if (span) spans.push({ start: span.start + from, end: span.end + from });
    start = cut;
  }
  return spans;
}

/** Offsets where sentences start inside text[start, end): `start` itself, then each later sentence's first character. */
export function sentenceStarts(text: string, start = 0, end = text.length): number[] {
  const spans = splitSentences(text, start, end);
  return [start, ...spans.slice(1).map((s) => s.start)];
}

function cutsOf(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) {
    const after = m.index + m[0].length;
    const rest = text.slice(after, after + 4);
    if (m[1]?.startsWith(';')) {
      // A semicolon ends an enumeration item at a line end ("… van de gezinsgrootte;\nsteun van de overheid …"):
      // old programmes list their demands so, for pages on end; within a line it stays a clause boundary.
      if (m[2].includes('\n')) cuts.push(m.index + m[1].length);
    } else if (m[1] !== undefined) {
      // A blank line after the full stop ends the sentence whatever follows: a paragraph opening in lower case is one
      // whose first word the source lost ("… in de laatste figuur.\n\nonderzoek blijkt dat inwoners …", the corpus) or
      // a numbered point read by OCR ("n.2.19 Industrie- en technologiebeleid …" for II.2.19).
      if (!NEW_SENTENCE_START.test(rest) && !LIST_ITEM_START.test(rest) && !BLANK_LINE.test(m[2])) continue;
      if (m[1].startsWith('.') && (isAbbreviation(text, m.index) || isEnumerator(text, m.index))) continue;
      cuts.push(m.index + m[1].length);
    } else if (LIST_ITEM_START.test(rest)) {
      cuts.push(m.index);
    } else if (BLANK_LINE.test(m[3]) && NEW_SENTENCE_START.test(rest) && !endsMidClause(text, m.index, after)) {
      // A blank line before a capital ends a heading or paragraph, unless the line ended mid-clause.
      cuts.push(m.index);
    } else if (NEW_SENTENCE_START.test(rest) && endsInPageNumber(text, m.index)) {
      cuts.push(m.index);
    }
  }
  return cuts;
}

/** Words no Dutch sentence or heading ends in: articles, prepositions that are never a verb's particle, conjunctions
 *  and "onze". A line ending in one goes on after the blank line ("Het woningtekort loopt op richting de" +
 *  "400.000 woningen", JA21 2023; "Het absoptievermogen is bereikt en" + "Nederland kan …", BVNL 2023). Prepositions
 *  that are also particles ("door", "voor", "op", "aan", "uit", "om": "Incidenten komen dagelijks voor", "Het roer moet
 *  om") end clauses. */
const OPEN_ENDS = new Set(['de', 'het', 'een', 'der', 'van', 'met', 'tot', 'tussen', 'zonder', 'te', 'en', 'of', 'maar', 'want', 'dat', 'omdat', 'zodat', 'doordat', 'waardoor', 'waarin', 'waarbij', 'waarmee', 'onze']);
/** A main clause's finite verb that needs what follows ("De personele formatie bij de Belastingdienst is" + "28.081
 *  medewerkers", a jaarplan's infographic); in a line holding a subordinator it closes that clause ("Een land waar
 *  iedereen welkom is"). Infinitives are left out: "Waardig ouder worden" heads a section. */
const OPEN_VERBS = new Set(['is', 'wordt', 'heeft', 'was', 'werd']);
/** A point of a numbered chapter, or a law's item ("2°. een …"): a new sentence whatever came before. */
const NUMBERED_POINT = /^(?:\d{1,2}(?:\.\d{1,2})+\.?\s+\p{Lu}|\d{1,2}[°º])/u;
/** Words that open a subordinate clause, whose verb stands last. */
const SUBORDINATORS = /(?:^|[^\p{L}])(?:wat|wie|hoe|welke?|wanneer|dat|die|als|of|omdat|zodat|doordat|zoals|zolang|nadat|voordat|totdat|terwijl|indien|tenzij|mits|zodra|hoewel|opdat|waar\p{L}*)(?=[^\p{L}]|$)/iu;

/** Whether the line ending at `at` breaks off mid-clause: in a comma, colon, bracket or dash, or else in a word no
 *  sentence ends in or the finite verb of a main clause, unless the text from `next` on opens a numbered point
 *  ("5.8.1 Als …", "4.20. Financiële …", after OCR rubble) or a law's item. */
function endsMidClause(text: string, at: number, next: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at).trimEnd();
  if (/[,;:(\-–]$/.test(line)) return true;
  if (NUMBERED_POINT.test(text.slice(next, next + 12))) return false;
  const typed = /(?:^|\s)(\p{L}+)$/u.exec(line)?.[1] ?? '';
  // As a word, not an acronym ("Vervolging OM"), unless the whole line is in capitals.
  const last = typed === typed.toLowerCase() || line === line.toUpperCase() ? typed.toLowerCase() : '';
  if (OPEN_ENDS.has(last)) return true;
  return OPEN_VERBS.has(last) && !SUBORDINATORS.test(line.slice(0, -last.length));
}

/** Whether the line ending at `at` is a contents entry or running head: short, with words, ending in a page number. The
 *  next line then starts afresh, blank line or not ("4 Bronnen en referenties 56\nReizigers op Eindhoven Airport zijn
 *  gestrand …", Cybersecuritybeeld 2024, where the contents ran into the text and the sentence was never quoted). */
function endsInPageNumber(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return line.length <= 80 && PAGE_NUMBER_END.test(line);
}
const PAGE_NUMBER_END = /\p{L}[^.!?;:]*\s\d{1,3}\s*$/u;

/** Longer "sentences" are enumerations or OCR run-ons (old programmes list their demands as clauses separated by
 *  semicolons, or by full stops before lower case, for pages on end: one of 3,515 characters in KVP 1967, 469 over
 *  800 in programmas-nl), which an answer cannot quote (its quotes stop at 900 characters) and no reader wants whole.
 *  At 400 the cut also split quotable sentences (programmas-nl carries 0.532 -> 0.500: "50.000 woningen in 1948 als
 *  minimum-program; totale stopzetting …" lost its second half); at 800 the answers are the same on every set. */
const RUN_ON_CHARS = 800;
/** Where a run-on is cut: after a semicolon, or after a full stop (or ! ?) followed by lower case. */
const RUN_ON_BOUNDARY = /;\s+|[.!?]["'’”)\]]*\s+(?=\p{Ll})/gu;

/** `cuts` with each run-on between two of them cut at its clause boundaries. */
function withRunOnCuts(text: string, cuts: number[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut - from > RUN_ON_CHARS) {
      for (const m of text.slice(from, cut).matchAll(RUN_ON_BOUNDARY)) {
        const at = from + m.index;
        if (m[0].startsWith('.') && (isAbbreviation(text, at) || isEnumerator(text, at))) continue;
        out.push(at + m[0].trimEnd().length);
      }
    }
    if (cut < text.length) out.push(cut);
    from = cut;
  }
  return out;
}

/** Whether the word ending just before the full stop at `dot` is an abbreviation or initials. The word is found by
 *  scanning back to white space: a regex anchored at the end of a growing prefix would be quadratic in the text. */
function isAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && dot - from < 24 && !/\s/.test(text[from - 1])) from--;
  const word = text.slice(from, dot).replace(/^["'‘“(\[]+/, '');
  // "u" is the polite "you", which does end sentences ("Wij helpen u. Daarna ...").
  if ((INITIALS.test(word) && word !== 'u') || ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Chained titles ("Prof.dr.ir. Jansen", "mr.drs. De Vries"): every dotted part is a known abbreviation.
  const parts = word.toLowerCase().split('.');
  return parts.length > 1 && parts.every((p) => ABBREVIATIONS.has(p));
}

/** Whether the full stop at `dot` closes a bare enumerator on its own line ("1.\nInstallatie", "a.\nDe raad"): the item
 *  follows, the sentence does not end. */
function isEnumerator(text: string, dot: number): boolean {
  const lineStart = text.lastIndexOf('\n', dot - 1) + 1;
  return /^\s*(?:\d{1,2}|[a-z])$/.test(text.slice(lineStart, dot));
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
