// Clean document -> citation-sized passages. Hand-written rather than @langchain/textsplitters because every
// passage must be an exact slice of the clean text (offsets feed citations and page numbers).
// Structure first: a passage does not run across a heading when avoidable, packs whole paragraphs and list
// items up to the target size, and splits long paragraphs at sentence ends, never mid-word.
import type { CleanDocument, PassageDraft } from '../lib/types.ts';
import { passageDefaults } from '../lib/config.ts';
import { sentenceStarts } from '../language/sentences.ts';
import { firstAtLeast, ordinalAt } from '../lib/sorted.ts';

interface Span {
  start: number;
  end: number;
}

interface Atom extends Span {
  /** The atom opens a section (it is a heading): passages break before it. */
  heading: boolean;
}

type Heading = CleanDocument['headings'][number];

/** Paragraphs and list items (lines), as spans of the text. */
function units(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const s = m.index!;
    const e = s + m[0].trimEnd().length;
    const lead = m[0].length - m[0].trimStart().length;
    if (e > s + lead) out.push({ start: s + lead, end: e });
  }
  return out;
}

/** Cut a span longer than max at white space (mid-word only for a "word" longer than max). */
function cutAtSpaces(text: string, span: Span, size: number, max: number): Span[] {
  const out: Span[] = [];
  let s = span.start;
  while (span.end - s > max) {
    const window = text.slice(s, s + size + 1);
    const space = window.lastIndexOf(' ');
    const cut = space > 0 ? s + space : s + max;
    out.push({ start: s, end: cut });
    s = cut + (text[cut] === ' ' ? 1 : 0);
  }
  out.push({ start: s, end: span.end });
  return out;
}

function atomsOf(doc: CleanDocument, us: Span[], headingStarts: Set<number>, target: number, max: number): Atom[] {
  const atoms: Atom[] = [];
  for (const u of us) {
    const heading = headingStarts.has(u.start);
    if (u.end - u.start <= target) {
      atoms.push({ ...u, heading });
      continue;
    }
    const starts = sentenceStarts(doc.text, u.start, u.end);
    starts.forEach((s, i) => {
      const e = (i + 1 < starts.length ? starts[i + 1] : u.end);
      const sentence = { start: s, end: s + doc.text.slice(s, e).trimEnd().length };
      for (const piece of cutAtSpaces(doc.text, sentence, target, max)) atoms.push({ ...piece, heading: heading && i === 0 });
    });
  }
  return atoms;
}

export function splitPassages(doc: CleanDocument, opts: Partial<typeof passageDefaults> = {}): PassageDraft[] {
  const { maxChars: max, targetChars, overlapChars } = { ...passageDefaults, ...opts };
  const target = Math.min(targetChars, max);
  const us = units(doc.text);
  const headings = doc.headings;
  const atoms = atomsOf(doc, us, new Set(headings.map((h) => h.start)), target, max);
  const starts = atoms.flatMap((a) => sentenceStarts(doc.text, a.start, a.end));

  const spans: { start: number; end: number; content: number }[] = [];
  let i = 0;
  let carry: number | null = null; // start of the overlap carried into the next passage
  while (i < atoms.length) {
    const start: number = carry ?? atoms[i].start;
    let end = atoms[i].end;
    let content = atoms[i].heading ? -1 : atoms[i].start;
    let onlyHeadings = atoms[i].heading;
    i++;
    while (i < atoms.length) {
      const a = atoms[i];
      // A heading opens a new passage, unless this one holds nothing but headings so far.
      if (a.heading && !onlyHeadings) break;
      if (a.end - start > (onlyHeadings ? max : target)) break;
      end = a.end;
      if (!a.heading && content < 0) content = a.start;
      onlyHeadings &&= a.heading;
      i++;
    }
    spans.push({ start, end, content: content < 0 ? start : content });
    carry = null;
    if (i < atoms.length && !atoms[i].heading && overlapChars > 0) {
      // Overlap: the trailing whole sentences of this passage, if they fit within overlapChars and leave room.
      const first = firstAtLeast(starts, Math.max(start + 1, end - overlapChars));
      const from: number | undefined = first < starts.length && starts[first] < end ? starts[first] : undefined;
      if (from !== undefined && atoms[i].end - from <= max) carry = from;
    }
  }

  // Passages come in document order, so one walk through the headings gives every heading path.
  const stack: Heading[] = [];
  let h = 0;
  return spans.map((sp, ordinal) => {
    for (; h < headings.length && headings[h].start <= sp.content; h++) {
      while (stack.length && stack[stack.length - 1].level >= headings[h].level) stack.pop();
      stack.push(headings[h]);
    }
    return {
      ordinal,
      text: doc.text.slice(sp.start, sp.end),
      start: sp.start,
      end: sp.end,
      pageFirst: ordinalAt(doc.pageStarts, sp.start),
      pageLast: ordinalAt(doc.pageStarts, Math.max(sp.start, sp.end - 1)),
      headingPath: stack.map((x) => doc.text.slice(x.start, x.end)),
    };
  });
}
