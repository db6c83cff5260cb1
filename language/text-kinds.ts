// What kind of text a sentence span is: prose, or one of the shapes PDF extraction leaves inside running text that
// the sentence splitter cannot see by punctuation alone — table rows ("EUR EUR Huisvesting 2.979.046 …"), tables of
// contents ("1 Inleiding 11 2 Jaarbeeld 15 …"), reference lines (footnotes with URLs) and letterheads ("T.a.v. het
// college … tel. (070) 373 8021 uw kenmerk bijlage(n) onderwerp …") and OCR rubble. Only prose is worth quoting
// as an answer; the other kinds stay out of it. A sibling of sentences.ts, so ingest can use the same rules.

export type TextKind = 'prose' | 'table' | 'toc' | 'reference' | 'letterhead' | 'garbled';

/** Dot leaders of a table of contents ("Inleiding ........ 11"). */
const LEADERS = /\.{5,}|…{3,}|(?:\s\.){4,}/u;
/** A page number between two entries: a short number followed by a capitalised word. */
const PAGE_REF = /(?:^|\s)\d{1,3}\s+(?=["'‘“(]?\p{Lu})/gu;
/** A contents entry cut out as a sentence: its number, a title without a sentence's punctuation, its page ("2.6
 *  Ontwikkelingssamenwerking 41", "6 EEN LEREND LAND 22"); 1,332 of 375,000 prose sentences of pdf-nl, programmas-nl,
 *  LegalQA-NL and the corpus, every one read in a sample of 60 a contents line. */
const CONTENTS_ENTRY = /^\s*\d{1,3}(?:\.\d{1,3})*\.?\s+[^.!?;:]{3,80}\s\d{1,3}\s*$/u;
/** Two entries in one piece: a page number, the next entry's number and title, a page number at the end ("2 EEN
 *  EERLIJK LAND 13 3 EEN SCHOON LAND 14", "Pagina van 41 43 Pagina 41 van 69"): 26 more, contents, furniture, tables. */
const CHAINED_ENTRIES = /\d{1,3}\s+\d{1,3}(?:\.\d{1,3})*\.?\s+["'‘“(]?\p{Lu}/u;
const ENDS_IN_PAGE_NUMBER = /\s\d{1,3}\s*$/u;
/** The same token three times in a row ("EUR EUR EUR", "n.v.t. n.v.t. n.v.t."): column headers and empty cells. */
const REPEATED = /(?:^|\s)(\S+)(?:\s+\1){2,}(?=\s|$)/u;
const URL = /https?:\/\/|www\.\S/u;
/** The labels of a letter's or memo's header block. */
const LETTERHEAD_LABELS = /\b(?:uw kenmerk|ons kenmerk|kenmerk|bijlagen?\(?n?\)?|onderwerp|t\.a\.v\.|inzake|zaaknr|doorkiesnummer|retouradres|contactpersoon|telefoon|tel\.|e-mail|datum|postbus|cc)(?=[\s:.,]|$)/giu;
const IBAN = /\b[A-Z]{2}\d{2}[A-Z]{4}\d{10}\b/u;
/** A word garbled by OCR: a symbol no Dutch word holds against a letter ("licl~aniclijke", "}vereiniteit",
 *  "in9±ats"), or a digit between letters ("we1zijnscentra", "B1'JREND"). "CO2", "D66", "covid-19" and "2e" are not. */
const GARBLED = /\p{L}[~±{}[\]|\\^·¬§]|[~±{}[\]|\\^·¬§]\p{L}|\p{L}\d+\p{L}/u;
const MAY_BE_GARBLED = /[~±{}[\]|\\^·¬§\d]/u;

/** Rules measured on the pdf-nl archive's sentences (eval/sets/README.md): a long sentence with 30 % or more numeric
 *  tokens is a table row (prose with figures, "Er wordt voldaan aan 47 van 56 succescriteria (83 %).", is short or
 *  sparser); three page references, dot leaders, a numbered title ending in its page or two chained entries make a
 *  table of contents; a URL makes a reference line; a bank account number or three header labels ("uw kenmerk",
 *  "onderwerp", "datum", …) make a letterhead (5 sentences in pdf-nl, every one a letter's or memo's header; none in
 *  the corpus); a tenth of its words garbled by OCR make OCR rubble (1,330 of 336,760 prose sentences of
 *  programmas-nl, mostly scans of 1918-1998; 2 of 24,666 in pdf-nl; none in the corpus). */
export function textKind(text: string): TextKind {
  if (LEADERS.test(text)) return 'toc';
  if (URL.test(text)) return 'reference';
  const labels = new Set(text.match(LETTERHEAD_LABELS)?.map((l) => l.toLowerCase()) ?? []).size;
  if (IBAN.test(text) || labels >= 3) return 'letterhead';
  const tokens = text.split(/\s+/).filter(Boolean);
  const numeric = tokens.filter((t) => /\d/.test(t)).length;
  if ((text.match(PAGE_REF)?.length ?? 0) >= 3 && numeric / tokens.length >= 0.15) return 'toc';
  if (CONTENTS_ENTRY.test(text) || (CHAINED_ENTRIES.test(text) && ENDS_IN_PAGE_NUMBER.test(text))) return 'toc';
  if (tokens.length >= 12 && numeric / tokens.length >= 0.3) return 'table';
  if (REPEATED.test(text)) return 'table';
  // A garbled word holds a symbol or a digit and never spans a space: most prose has neither and is not read word by
  // word (the per-word reading was two fifths of this function's time on programmas-nl).
  if (!MAY_BE_GARBLED.test(text) || !GARBLED.test(text)) return 'prose';
  const words = tokens.filter((t) => /\p{L}/u.test(t));
  return words.length > 0 && words.filter((t) => GARBLED.test(t)).length / words.length >= 0.1 ? 'garbled' : 'prose';
}

/** Whether a short text (a title line) is made of words: half or more of its words of two letters or more are words
 *  `known` says are real, one of them four letters or more. A cover read by OCR ("DOCUMENTATCEiTflJM", "ENTRUM",
 *  "I-IPIiI-AiVI VAN LstTIE") or a bare fragment ("VII.", "HET") is not; "Embryowet — nolabel" is. */
export function readsAsWords(text: string, known: (word: string) => boolean): boolean {
  const words = (text.toLowerCase().match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? []).filter((w) => w.length >= 2);
  const real = words.filter(known);
  return real.length >= 0.5 * words.length && real.some((w) => w.length >= 4);
}
