// Candidate answer sentences: the sentences of the top hits, cut by the one sentence splitter from the document text
// around each hit (so a sentence that a passage boundary cuts is still quoted whole), each with its own pages and
// text kind; and the context rules that widen a chosen sentence into the quote a reader needs.
import type { Hit } from '../lib/types.ts';
import { LIST_ITEM_START, splitSentences, type SentenceSpan } from '../language/sentences.ts';
import { textKind, type TextKind } from '../language/text-kinds.ts';
import { answerDefaults } from '../lib/config.ts';
import type { AnswerContext } from './types.ts';

export interface Sentence extends SentenceSpan {
  hit: Hit;
  /** Exactly documentText.slice(start, end). */
  quote: string;
  /** The quote folded for reading. */
  text: string;
  /** Worked out on first read: most candidates are dropped before anyone asks (a tenth of composing an answer). */
  readonly kind: TextKind;
  /** The text the window's spans point into (a window of the document text, or the hit's own text when there is
   *  none), the offset of that text in the document, the sentences around this one and its index among them. */
  base: string;
  offset: number;
  window: readonly SentenceSpan[];
  index: number;
  /** Where the document's pages start, when known. */
  pageStarts: readonly number[] | null;
}

/** Offsets a window reaches beyond its hit: a sentence begun before the passage is still found whole. */
const WINDOW_MARGIN = 400;

/** The text around a hit, as the answer context gives it. */
type TextAround = Pick<AnswerContext, 'textAround'>;

/** The distinct sentences of the first `maxHits` hits, in hit order. Without the document text a hit's own text is
 *  split, and sentences it cuts at either end are left out. */
export function candidateSentences(hits: readonly Hit[], ctx: TextAround | undefined, maxHits: number): Sentence[] {
  const seen = new Set<string>();
  const out: Sentence[] = [];
  const top = hits.slice(0, maxHits);
  const windows = ctx ? windowsOf(top, ctx) : null;
  for (const hit of top) {
    const w = windows?.get(hit) ?? null;
    const base = w?.text ?? hit.text;
    const offset = w?.offset ?? hit.start;
    const window = w ? docWindow(w) : hitWindow(hit);
    window.forEach((span, index) => {
      const start = span.start + offset;
      const end = span.end + offset;
      if (end <= hit.start || start >= hit.end) return;
      const key = `${hit.docId}:${start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const quote = base.slice(span.start, span.end);
      let kind: TextKind | undefined;
      out.push({
        hit, start, end, quote, text: readable(quote), base, offset, window, index, pageStarts: w?.pageStarts ?? null,
        get kind() {
          return (kind ??= textKind(quote));
        },
      });
    });
  }
  return out;
}

interface Window {
  text: string;
  offset: number;
  atEnd: boolean;
  pageStarts: readonly number[] | null;
}

/** Windows of one document closer than this are read as one span: a read costs about as much as 30,000 characters
 *  of text (substr of a programme 0.09 ms, the whole 300,000-character programme 0.87 ms), so the hits of a named
 *  programme that lie near each other are one read. */
const JOIN_GAP = 20_000;

/** The document text around each hit, checked against the hit's own text (an exact slice of the document); the
 *  windows of one document that lie close together are read at once and sliced. */
function windowsOf(hits: readonly Hit[], ctx: TextAround): Map<Hit, Window | null> {
  const byDoc = new Map<string, { hit: Hit; from: number; to: number }[]>();
  for (const hit of hits) {
    let list = byDoc.get(hit.docId);
    if (!list) byDoc.set(hit.docId, (list = []));
    list.push({ hit, from: Math.max(0, hit.start - WINDOW_MARGIN), to: hit.end + WINDOW_MARGIN });
  }
  const out = new Map<Hit, Window | null>();
  for (const [docId, list] of byDoc) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      let to = list[i].to;
      while (j < list.length && list[j].from - to < JOIN_GAP) to = Math.max(to, list[j++].to);
      const span = ctx.textAround(docId, list[i].from, to);
      for (const { hit, from, to: end } of list.slice(i, j)) out.set(hit, span && sliceOf(span, hit, from, end));
      i = j;
    }
  }
  return out;
}

/** text.slice(from, to) of the document out of a span read around it: what reading [from, to) alone would give. */
function sliceOf(span: Window, hit: Hit, from: number, to: number): Window | null {
  const spanEnd = span.offset + span.text.length;
  const w = { text: span.text.slice(from - span.offset, to - span.offset), offset: from, atEnd: span.atEnd && to >= spanEnd, pageStarts: span.pageStarts };
  return w.text.slice(hit.start - from, hit.end - from) === hit.text ? w : null;
}

function docWindow(w: Window): SentenceSpan[] {
  const spans = splitSentences(w.text);
  // The window's first and last sentences may be cut by it, unless it reaches the document's edge.
  return spans.slice(w.offset > 0 ? 1 : 0, w.atEnd ? undefined : -1);
}

const SENTENCE_START = /^(?:["'‘“(]?[\p{Lu}\p{N}]|[-•–*▪·]\s)/u;
const SENTENCE_END = /[.!?…:;]["'’”)\]]*$/u;

/** A hit's own sentences when the document text is missing: a passage may begin or end mid-sentence. */
function hitWindow(hit: Hit): SentenceSpan[] {
  const spans = splitSentences(hit.text);
  return spans.filter((s, i) => {
    const t = hit.text.slice(s.start, s.end);
    return SENTENCE_START.test(t) && (i < spans.length - 1 || SENTENCE_END.test(t));
  });
}

/** Opens with a word that points back ("Dit", "Deze", "Daarom", "Hij" …) or adds to what came before ("Ook",
 *  "Daarnaast", "Bovendien" …): the previous sentence says what about. The additive openers: 18 sets carries .402 ->
 *  .408, programmas-nl and round 2 programmas-nl up, none down (fifteenth session). */
const POINTS_BACK = /^["'‘“(]?(dit|deze|dat|die|daar|daarom|daardoor|hierdoor|hiermee|daarmee|hierbij|daarbij|hiervoor|daarvoor|hij|zij|ze|zo|ook|daarnaast|bovendien|tevens|verder)\b/iu;
const BRINGABLE: ReadonlySet<TextKind> = new Set(['prose', 'garbled']);

/** A line written in capitals (four letters or more, nearly all upper case): a heading. */
function inCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 4 && letters.filter((l) => /\p{Lu}/u.test(l)).length >= 0.9 * letters.length;
}

export interface Widened {
  start: number;
  end: number;
  /** Which context rule widened the sentence, if any. */
  rule: 'predecessor' | 'successor' | 'list' | null;
}

/** The quote a chosen sentence needs: a sentence introducing a list (ending in ":") brings its items; a sentence
 *  opening with a pronoun or "Dit/Deze/Daarom" brings its predecessor, and a sentence followed by such a one brings
 *  that successor ("De overheid regeert bij de gratie Gods." + "Zij ontleent dus haar gezag niet … aan het volk."); a
 *  list item brings the next item, and a short sentence a neighbour. Bounded by answerDefaults.context. */
export function widen(s: Sentence): Widened {
  const { maxListItems, maxQuoteChars, shortSentenceWords } = answerDefaults.context;
  const at = (span: SentenceSpan) => ({ start: span.start + s.offset, end: span.end + s.offset, text: s.base.slice(span.start, span.end) });
  if (/:\s*$/.test(s.quote)) {
    // An item's further sentences on its own line come with it ("1. Het kan handig zijn … te hebben. Niet alleen qua
    // gedachtegoed, …" + "2. Bouw relaties op …"): the quote is one stretch of the text.
    let end = s.end;
    let items = 0;
    for (const span of s.window.slice(s.index + 1)) {
      const item = at(span);
      const continues = items > 0 && !s.base.slice(end - s.offset, span.start).includes('\n');
      if ((!continues && (!LIST_ITEM_START.test(item.text) || ++items > maxListItems)) || item.end - s.start > maxQuoteChars) break;
      end = item.end;
    }
    if (end > s.end) return { start: s.start, end, rule: 'list' };
  }
  const prev = s.index > 0 ? at(s.window[s.index - 1]) : null;
  const next = s.index + 1 < s.window.length ? at(s.window[s.index + 1]) : null;
  // The quote with a neighbour, when that stays within maxQuoteChars and the neighbour is text: a table row or a
  // contents line is never brought ("5. Onze publieke voorzieningen op orde 56"); OCR rubble is, the glued
  // programmes' answers stand in it. No answer of 43 sets changes (29th session). Read only when a rule asks.
  const withPrev = (): Widened | null =>
    prev && s.end - prev.start <= maxQuoteChars && BRINGABLE.has(textKind(prev.text)) ? { start: prev.start, end: s.end, rule: 'predecessor' } : null;
  const withNext = (): Widened | null =>
    next && next.end - s.start <= maxQuoteChars && BRINGABLE.has(textKind(next.text)) ? { start: s.start, end: next.end, rule: 'successor' } : null;
  const nextText = next?.text ?? '';
  const rule =
    (POINTS_BACK.test(s.quote) && withPrev()) ||
    (POINTS_BACK.test(nextText) && withNext()) ||
    // A list item brings the next one: a list's points are read together ("- 2 Een aantrekkelijk ambt – …" + "- 3 …").
    // 39 sets carries .416 -> .423, six up, none down (28th session).
    (LIST_ITEM_START.test(s.quote) && LIST_ITEM_START.test(nextText) && withNext()) ||
    // A short sentence is a fragment of what the text says there: a heading-like line ("Samenstelling CLB-bestuur
    // ALV, november 2017.") or a list item cut from its neighbour. It brings the sentence after it, or else the one
    // before. Not a successor in capitals: that heads the next section ("… blijft altijd gratis." + "5 EEN WERKEND
    // LAND").
    (s.quote.split(/\s+/).filter(Boolean).length < shortSentenceWords && ((inCapitals(nextText) ? null : withNext()) ?? withPrev()));
  return rule || { start: s.start, end: s.end, rule: null };
}

/** A number of one to three digits before a capital, opening a quote: a list point without its dot ("4 Blackfacing,
 *  zoals zwarte piet, …"), a footnote ("45 Zie ook het advies van de AP …") or a chapter ("1 Nederland,
 *  Wethoudersland"); 89 of the 3,987 sentences quoted in the answers to 55 question sets. "10 procent" stays. */
const LEADING_NUMBER = /^\d{1,3}\s+(?=["'‘“(]?\p{Lu})/u;

/** A quote as the answer's prose reads it: readable, without the bullet or number of the list item it opens with
 *  ("- BVNL wil zeven dagen per week gratis openbaar vervoer …", "18. Sociaal Werk Nederland organiseert …": a
 *  seventh of the sentences quoted in the answers to 49 question sets) or a bare leading number. The citation keeps
 *  the quote as it stands. */
export function answerText(quote: string): string {
  return readable(quote).replace(LIST_ITEM_START, '').replace(LEADING_NUMBER, '');
}

/** Line breaks and words hyphenated across them, folded for reading; the words stay the archive's. */
export function readable(quote: string): string {
  // Most sentences hold neither: the answer reads every candidate's.
  const joined = quote.includes('-') ? quote.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2') : quote;
  return /[^\S ]| {2}/.test(joined) ? joined.replace(/\s+/g, ' ') : joined;
}
