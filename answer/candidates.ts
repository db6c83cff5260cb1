// Candidate answer sentences: the sentences of the top hits, cut by the one sentence splitter from the document text
// around each hit (so a sentence that a passage boundary cuts is still quoted whole), each with its own pages and
// text kind; and the context rules that widen a chosen sentence into the quote a reader needs.
import type { Hit } from '../lib/types.ts';
import { splitSentences, type SentenceSpan } from '../language/sentences.ts';
import { textKind, type TextKind } from '../language/text-kinds.ts';
import { answerDefaults } from '../lib/config.ts';
import type { AnswerContext } from './types.ts';

export interface Sentence extends SentenceSpan {
  hit: Hit;
  /** Exactly documentText.slice(start, end). */
  quote: string;
  /** The quote folded for reading. */
  text: string;
  kind: TextKind;
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
  for (const hit of hits.slice(0, maxHits)) {
    const w = ctx ? windowOf(hit, ctx) : null;
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
      out.push({ hit, start, end, quote, text: readable(quote), kind: textKind(quote), base, offset, window, index, pageStarts: w?.pageStarts ?? null });
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

/** The document text around a hit, checked against the hit's own text (an exact slice of the document). */
function windowOf(hit: Hit, ctx: TextAround): Window | null {
  const w = ctx.textAround(hit.docId, Math.max(0, hit.start - WINDOW_MARGIN), hit.end + WINDOW_MARGIN);
  return w && w.text.slice(hit.start - w.offset, hit.end - w.offset) === hit.text ? w : null;
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
const POINTS_BACK = /^["'‘“(]?(dit|deze|dat|die|daarom|daardoor|hierdoor|hiermee|daarmee|hierbij|daarbij|hiervoor|daarvoor|hij|zij|ze|zo|ook|daarnaast|bovendien|tevens|verder)\b/iu;
const LIST_ITEM = /^(?:[-•–*▪·]\s|\d+[.)]\s|[a-z][.)]\s)/u;

export interface Widened {
  start: number;
  end: number;
  /** Which context rule widened the sentence, if any. */
  rule: 'predecessor' | 'successor' | 'list' | null;
}

/** The quote a chosen sentence needs: a sentence introducing a list (ending in ":") brings its items; a sentence
 *  opening with a pronoun or "Dit/Deze/Daarom" brings its predecessor, and a sentence followed by such a one brings
 *  that successor ("De overheid regeert bij de gratie Gods." + "Zij ontleent dus haar gezag niet … aan het volk.").
 *  Bounded by answerDefaults.context. */
export function widen(s: Sentence): Widened {
  const { maxListItems, maxQuoteChars } = answerDefaults.context;
  const at = (span: SentenceSpan) => ({ start: span.start + s.offset, end: span.end + s.offset, text: s.base.slice(span.start, span.end) });
  if (/:\s*$/.test(s.quote)) {
    let end = s.end;
    for (const span of s.window.slice(s.index + 1, s.index + 1 + maxListItems)) {
      const item = at(span);
      if (!LIST_ITEM.test(item.text) || item.end - s.start > maxQuoteChars) break;
      end = item.end;
    }
    if (end > s.end) return { start: s.start, end, rule: 'list' };
  }
  const prev = s.index > 0 ? at(s.window[s.index - 1]) : null;
  if (prev && POINTS_BACK.test(s.quote) && s.end - prev.start <= maxQuoteChars) return { start: prev.start, end: s.end, rule: 'predecessor' };
  const next = s.index + 1 < s.window.length ? at(s.window[s.index + 1]) : null;
  if (next && POINTS_BACK.test(next.text) && next.end - s.start <= maxQuoteChars) return { start: s.start, end: next.end, rule: 'successor' };
  return { start: s.start, end: s.end, rule: null };
}

/** Line breaks and words hyphenated across them, folded for reading; the words stay the archive's. */
export function readable(quote: string): string {
  return quote.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}
