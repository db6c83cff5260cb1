// Sentence boundaries in clean document text, as offsets, so an answer sentence can be cited exactly.
// Clean text keeps the source's line breaks, and PDF-derived paragraphs often break mid-sentence, so a
// blank line only ends a sentence when the next paragraph starts like a new one (capital, digit, bullet).

export interface SentenceSpan {
  /** Offset of the first non-space character, relative to the text passed in. */
  start: number;
  /** Offset just past the last non-space character. */
  end: number;
}

/** Abbreviations common in Dutch policy text that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'o.a', 'bijv', 'bv', 'd.w.z', 'i.p.v', 'm.b.t', 'i.v.m', 'e.d', 'e.a', 'etc', 'ca', 'nr', 'blz', 'art',
  'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'mw', 'dhr', 'jl', 'z.g', 'zgn', 'o.l.v', 't.a.v', 'm.n', 'n.a.v',
  'resp', 'vgl', 'incl', 'excl', 'min', 'max', 'ong', 'evt', 'jr', 'sr', 'st', 'mevr',
]);

const NEW_SENTENCE_START = /^["'‘“(\[]?[\p{Lu}\p{N}]/u;
const BULLET_START = /^(?:[-•–*▪·]\s|\d+[.)]\s)/u;

/** Splits `text` into sentence spans (trimmed, non-empty, in order). */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts: number[] = [];
  // Candidate boundaries: terminal punctuation (plus closing quotes/brackets) followed by whitespace,
  // or a line break followed by something that starts a sentence or list item.
  const boundary = /([.!?…]["'’”)\]]*)(\s+)|(\n(?:[^\S\n]*\n)*)/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const after = m.index + m[0].length;
    const rest = text.slice(after, after + 4);
    if (m[1] !== undefined) {
      if (!NEW_SENTENCE_START.test(rest) && !BULLET_START.test(rest)) continue;
      if (m[1].startsWith('.') && isAbbreviation(text, m.index)) continue;
      cuts.push(m.index + m[1].length);
    } else {
      const before = text.slice(0, m.index).trimEnd();
      const last = before.at(-1) ?? '';
      if (BULLET_START.test(rest)) cuts.push(m.index);
      // A blank line before a capital ends a heading or paragraph, unless the line ended mid-clause.
      else if (m[3].split('\n').length > 2 && NEW_SENTENCE_START.test(rest) && !/[,;:(\-–]/.test(last)) {
        cuts.push(m.index);
      }
    }
  }
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const span = trimSpan(text, from, cut);
    if (span) spans.push(span);
    from = cut;
  }
  return spans;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const word = /(\S+)$/.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  const bare = word.replace(/^["'‘“(\[]+/, '');
  // Single initials ("W. Drees") and listed abbreviations do not end a sentence.
  if (/^\p{Lu}$/u.test(bare)) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
