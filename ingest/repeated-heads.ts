// Running heads that a text without pages carries in the middle of its sentences (ingest/furniture.ts runs this last,
// after its line rules).
import { ingestDefaults } from '../lib/config.ts';
import { firstAtLeast, median } from '../lib/sorted.ts';

const INLINE_HEAD_MIN = ingestDefaults.inlineHeadMinLines;

/** A running head or foot that a flattened text carries in the middle of its sentences, where its pages broke: "… in
 *  de zorg 14Verkiezingsprogram 2006-2011 Vertrouwen in Nederland. Vertrouwen in elkaar. als …" (CDA 2006), "… aan de
 *  12 13 VERKIEZINGSPROGRAMMA 2023 VERKIEZINGSPROGRAMMA 2023 …" (Volt 2023). A head is a run of words, numbers and
 *  signs (any number the same) that recurs at least INLINE_HEAD_MIN times, a page's worth of text apart (median,
 *  numberedHeadMinPageChars), mostly after a word that ends no sentence (or, where chapters end before it, with a page
 *  number at every place, a page's worth of text per number), with at least repeatedHeadMinWords words and a page
 *  number at its edge, inside or beside it in most places, numbers that rise through the text. A sentence a programme
 *  repeats ("De komende jaren zetten we in op:") follows a sentence's end; a phrase ("artikel 23 van de Grondwet")
 *  carries no page number, or numbers that jump about ("als bedoeld in artikel 39", text-nl). Of two heads one of which
 *  holds the other, the shorter goes ("Het gaat om u Verkiezingsprogramma PVV 2021 - 2025", not with "De PVV wil voor
 *  u:" that follows it on some pages). Each place becomes a line break, as in furniture.ts dropNumberedHeads. */
export function dropRepeatedRuns(pages: string[][]): string[][] {
  const text = pages.flat().join('\n');
  const tokens = runTokens(text);
  const { starts, ends, hashes, kinds } = tokens;
  const view = tokenView(text, tokens);
  const { count, keyAt, pageNumber } = view;
  // Each n-gram of token hashes hashed again, to a small integer: a programme has some 100,000 tokens, and a string per
  // token or n-gram cost more than all other cleaning. A collision only marks a candidate: runs are grouped by their
  // real tokens below.
  const grams = new Int32Array(Math.max(0, count - RUN_GRAM + 1));
  const seen = new Map<number, number>();
  for (let i = 0; i < grams.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < RUN_GRAM; k++) h = Math.imul(h ^ hashes[i + k], 0x01000193);
    grams[i] = h & 0x3fffffff;
    seen.set(grams[i], (seen.get(grams[i]) ?? 0) + 1);
  }
  const worded = (i: number) => kinds[i] === LETTERS && ends[i] - starts[i] >= 3;
  // Tokens inside some repeated n-gram with a word in it, then their maximal runs, grouped by their tokens.
  const inRun = new Uint8Array(count);
  for (let i = 0; i < grams.length; i++) {
    if (seen.get(grams[i])! >= INLINE_HEAD_MIN && (worded(i) || worded(i + 1) || worded(i + 2) || worded(i + 3))) inRun.fill(1, i, i + RUN_GRAM);
  }
  const runs = new Map<string, Run[]>();
  for (let i = 0; i < count; i++) {
    if (!inRun[i]) continue;
    let j = i;
    while (j < count && inRun[j]) j++;
    let words = 0;
    for (let k = i; k < j; k++) if (kinds[k] === LETTERS) words++;
    if (words >= ingestDefaults.repeatedHeadMinWords && j - i <= RUN_MAX_TOKENS) {
      const key = Array.from({ length: j - i }, (_, k) => keyAt(i + k)).join(' ');
      let at = runs.get(key);
      if (!at) runs.set(key, (at = []));
      at.push({ from: i, to: j });
    }
    i = j;
  }
  const heads = [...runs].filter(([key, at]) => isHead(key, at, view));
  const cores = heads.filter(([h]) => !heads.some(([o]) => o !== h && ` ${h} `.includes(` ${o} `)));
  if (cores.length === 0) return pages;
  // Each place of a core, with the page number beside it, becomes a line break (hashes first, then the words).
  const cuts: [number, number][] = [];
  for (const [core, at] of cores) {
    // A sentence's end opening the run is the text's (the full stop before a chapter's last page): the head is what
    // follows it, wherever it stands.
    const words = core.split(' ');
    const lead = words.findIndex((k) => !SENTENCE_END.test(k));
    const keys = words.slice(lead);
    const first = hashes.slice(at[0].from + lead, at[0].to);
    for (let i = 0; i + keys.length <= count; i++) {
      if (hashes[i] !== first[0] || !first.every((h, k) => hashes[i + k] === h) || !keys.every((w, k) => keyAt(i + k) === w)) continue;
      const from = pageNumber(i - 1) !== null && keys[0] !== '#' ? i - 1 : i;
      const to = pageNumber(i + keys.length) !== null && keys[keys.length - 1] !== '#' ? i + keys.length : i + keys.length - 1;
      cuts.push([starts[from], ends[to]]);
      i += keys.length - 1;
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    if (from < at) continue;
    out += text.slice(at, from) + '\n';
    at = to;
  }
  return [(out + text.slice(at)).split('\n')];
}

type Run = { from: number; to: number };
type TokenView = ReturnType<typeof tokenView>;

/** The tokens of a text with the readings the head test needs. */
function tokenView(text: string, t: ReturnType<typeof runTokens>) {
  const { starts, ends, kinds } = t;
  const count = kinds.length;
  const keyAt = (i: number) => (kinds[i] === DIGITS ? '#' : text.slice(starts[i], ends[i]).toLowerCase());
  const pageNumber = (i: number) => (i >= 0 && i < count && kinds[i] === DIGITS && ends[i] - starts[i] <= 3 ? Number(text.slice(starts[i], ends[i])) : null);
  return { text, starts, kinds, count, keyAt, pageNumber };
}

/** Whether the places `at` of the run `key` are a running head (dropRepeatedRuns). */
function isHead(key: string, at: readonly Run[], v: TokenView): boolean {
  const { text, starts, kinds, count, keyAt, pageNumber } = v;
  if (at.length < INLINE_HEAD_MIN) return false;
  const gaps = at.slice(1).map((r, k) => starts[r.from] - starts[at[k].from]);
  const interrupts = at.filter((r) => {
    // A run opening with a sentence's end follows one.
    if (SENTENCE_END.test(keyAt(r.from))) return false;
    let k = r.from - 1;
    while (k >= 0 && kinds[k] === DIGITS) k--;
    return k >= 0 && !SENTENCE_END.test(keyAt(k));
  }).length;
  // A spread's two heads in one run ("31 VERKIEZINGSPROGRAMMA GROENLINKS 2021 30 VERKIEZINGSPROGRAMMA …") hold their
  // page numbers inside.
  const numberIn = (r: Run) => {
    for (let k = r.from; k < r.to; k++) if (pageNumber(k) !== null) return pageNumber(k);
    return null;
  };
  const numbered = at.map((r) => ({ at: starts[r.from], n: pageNumber(r.from) ?? pageNumber(r.to - 1) ?? pageNumber(r.from - 1) ?? pageNumber(r.to) ?? numberIn(r) }));
  const numbers = numbered.map((x) => x.n).filter((x) => x !== null);
  // A head that follows sentence ends, where chapters end before their last page ("… gesloten.31 VERKIEZINGSPROGRAMMA
  // GROENLINKS 2021 30 VERKIEZINGSPROGRAMMA …"): with a page number at every place, each a page's worth of text on
  // from the one before (numbered points advance a few hundred characters: "168. De SGP wil", "10 D66 wil een"),
  // no lead-in ("Ons plan bestaat uit de volgende punten:"), and not going on into the clause it opens ("1De CPN
  // treedt op voor een actieve …", "03.10. Wij streven naar het …").
  const paged = () => {
    if (numbers.length < at.length || key.split(' ').includes(':')) return false;
    const goesOn = at.filter((r) => {
      let k = r.to;
      while (k < count && kinds[k] === DIGITS) k++;
      return k < count && kinds[k] === LETTERS && /\p{Ll}/u.test(text[starts[k]]);
    }).length;
    if (goesOn * 2 >= at.length) return false;
    const perPage = numbered.slice(1).map((x, k) => (x.n! > numbered[k].n! ? (x.at - numbered[k].at) / (x.n! - numbered[k].n!) : 0));
    return median(perPage) >= ingestDefaults.numberedHeadMinPageChars;
  };
  // Page numbers rise through the text (a few misread: "310" for 10); the numbers a formula cites ("als bedoeld in
  // artikel 39") jump about.
  return median(gaps) >= ingestDefaults.numberedHeadMinPageChars && (interrupts * 2 >= at.length || paged()) &&
    numbers.length * 2 >= at.length && longestRise(numbers) * 4 >= numbers.length * 3;
}

/** A text's words, numbers and signs (dropRepeatedRuns): offsets, kinds and a hash of each token's key (the word
 *  lower-cased, any number alike, the sign itself), computed from character codes without a string per token. */
function runTokens(text: string): { starts: number[]; ends: number[]; hashes: number[]; kinds: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const hashes: number[] = [];
  const kinds: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const k = charKind(c);
    if (k === SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    let h = Math.imul(0x811c9dc5 ^ k, 0x01000193);
    if (k === LETTERS) {
      h = Math.imul(h ^ lowerCode(c), 0x01000193);
      for (; j < text.length && charKind(text.charCodeAt(j)) === LETTERS; j++) h = Math.imul(h ^ lowerCode(text.charCodeAt(j)), 0x01000193);
    } else if (k === DIGITS) {
      while (j < text.length && charKind(text.charCodeAt(j)) === DIGITS) j++;
    } else {
      h = Math.imul(h ^ c, 0x01000193);
    }
    starts.push(i);
    ends.push(j);
    hashes.push(h);
    kinds.push(k);
    i = j;
  }
  return { starts, ends, hashes, kinds };
}

const SENTENCE_END = /^[.!?:;]$/;
const SPACE = 0;
const DIGITS = 1;
const LETTERS = 2;
const SIGN = 3;
const letterCodes = new Map<number, boolean>();
const lowerCodes = new Map<number, number>();

function charKind(c: number): number {
  if (c >= 48 && c <= 57) return DIGITS;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTERS : c <= 32 ? SPACE : SIGN;
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff) return SPACE;
  let l = letterCodes.get(c);
  if (l === undefined) letterCodes.set(c, (l = /\p{L}/u.test(String.fromCharCode(c))));
  return l ? LETTERS : SIGN;
}

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCodes.get(c);
  if (l === undefined) lowerCodes.set(c, (l = String.fromCharCode(c).toLowerCase().charCodeAt(0)));
  return l;
}

/** The tokens of the n-grams whose repetition marks a running head's tokens, and the most a head has (dropRepeatedRuns). */
const RUN_GRAM = 4;
const RUN_MAX_TOKENS = 40;

/** The length of the longest strictly rising subsequence (patience sorting). */
function longestRise(xs: readonly number[]): number {
  const tails: number[] = [];
  for (const x of xs) tails[firstAtLeast(tails, x)] = x;
  return tails.length;
}
