// Line numbers: drafts, motions and some programmes are printed with every line numbered in the margin, and the text
// layer runs the numbers into the sentences ("… om te beoordelen of klimaatbeleid wel 9 eerlijk en fatsoenlijk is",
// PvdA 2021; SGP 2021 has them on all of its 5,500 lines). They are furniture, like page numbers: a quote shown with
// them reads as rubble, and "hoeveel" takes them for quantities.
//
// A number is a line number when it belongs to a chain: n, n+1, n+2, … in text order, each within a few lines of the
// one before (numbering restarts on every page, so a page holds one chain), at least MIN_CHAIN long, and at least
// a third of its numbers break into a sentence (a lower-case word or a comma before, a lower-case word after). Lists,
// tables of contents, indexes and page numbers make chains too, but their numbers stand at the start of an item or
// the end of an entry, not inside a sentence. Over programmas-nl, pdf-nl, the law articles and the corpus this finds
// exactly PvdA 2021 and SGP 2021 (EVAL.md, thirty-first section).

/** Chains shorter than this are left alone (a short list whose items run on in lower case). */
const MIN_CHAIN = 10;
/** Characters at most between two numbers of a chain: a few lines (blank lines are numbered too). */
const MAX_GAP = 400;
/** The share of a chain's numbers that must break into a sentence. */
const MIN_INSIDE = 1 / 3;

/** A free-standing number of 1-4 digits: no part of a word, a decimal, a date, a time, a list item ("3." "3)") or a
 *  percentage. */
const NUMBER = /(?<![\p{L}\p{N}_.,:/-])\d{1,4}(?![\p{L}\p{N}_,:/)%-]|\.[\p{N}\p{L}\s])/gu;

/** Where the text's line numbers stand ([start, end) of each), in text order. */
export function lineNumberSpans(text: string): Array<[number, number]> {
  const chains: Array<Array<[number, number]>> = [];
  /** The chain whose last number is the key. */
  const open = new Map<number, Array<[number, number]>>();
  for (const m of text.matchAll(NUMBER)) {
    const value = Number(m[0]);
    const span: [number, number] = [m.index, m.index + m[0].length];
    const chain = open.get(value - 1);
    open.delete(value - 1);
    if (chain && span[0] - chain[chain.length - 1][1] <= MAX_GAP) {
      chain.push(span);
      open.set(value, chain);
    } else {
      const fresh = [span];
      chains.push(fresh);
      open.set(value, fresh);
    }
  }
  const inside = ([start, end]: [number, number]) =>
    /[\p{Ll},]\s*$/u.test(text.slice(Math.max(0, start - 3), start)) && /^\s*\p{Ll}/u.test(text.slice(end, end + 3));
  return chains
    .filter((c) => c.length >= MIN_CHAIN && c.filter(inside).length >= MIN_INSIDE * c.length)
    .flat()
    .sort((a, b) => a[0] - b[0]);
}

/** The pages without their line numbers (each with one space next to it), or the same pages when they have none.
 *  Numbering may run on over a page break, so the pages are read as one text. */
export function dropLineNumbers<P extends { text: string }>(pages: readonly P[]): P[] {
  const joined = pages.map((p) => p.text).join('\n');
  const spans = lineNumberSpans(joined);
  if (spans.length === 0) return [...pages];
  let at = 0;
  const out: P[] = [];
  let si = 0;
  for (const p of pages) {
    const end = at + p.text.length;
    let kept = '';
    let from = at;
    for (; si < spans.length && spans[si][0] < end; si++) {
      let [s, e] = spans[si];
      if (joined[s - 1] === ' ') s--;
      else if (joined[e] === ' ') e++;
      kept += joined.slice(from, s);
      from = e;
    }
    out.push({ ...p, text: kept + joined.slice(from, end) });
    at = end + 1;
  }
  return out;
}
