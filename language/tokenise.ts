// Unicode-aware Dutch tokenisation: the one place that decides what a "word" is, for passages, queries, answer
// sentences and highlighting alike.

// A word broken across a line with a hyphen ("wethouders -\n\nsocialisme") is one word: the eval
// normalisation does the same, so both sides see identical words.
const HYPHEN_BREAK = /(?<=\p{L})[^\S\n]*-[^\S\n]*\n\s*(?=\p{L})/gu;

// Numbers keep their thousands dots and decimal commas ("1.100", "2,5"); words keep inner hyphens and
// apostrophes ("pvda-wethouder", "auto's") so the parts can be handled below.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
const ASCII = /^[\x00-\x7f]*$/;

/** NFKC, lower case, hyphenated line breaks joined. */
export function normaliseText(text: string): string {
  // ASCII is its own NFKC form, and a text without a hyphen has no hyphenated line break: the hot path of indexing
  // and of answer composition skips both.
  const nfkc = ASCII.test(text) ? text : text.normalize('NFKC');
  const lower = nfkc.toLowerCase();
  return lower.includes('-') ? lower.replace(HYPHEN_BREAK, '') : lower;
}

/** A word token: `word` is what the rest of the analysis sees; `parts` are the pieces of a hyphenated word. */
export interface Token {
  word: string;
  parts?: string[];
}

/** Tokens of a text, in order. "1.100" becomes "1100" (thousands dots carry no meaning and users type
 *  both forms); "auto's" becomes "autos"; "pvda-wethouder" becomes "pvdawethouder" with parts. */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of normaliseText(text).matchAll(TOKEN)) out.push(tokenOf(m[0]));
  return out;
}

function tokenOf(raw: string): Token {
  if (THOUSANDS.test(raw)) return { word: raw.replaceAll('.', '') };
  if (raw.includes('-')) {
    const parts = raw.split('-').map((p) => p.replace(/['’]/g, '')).filter(Boolean);
    return { word: parts.join(''), parts };
  }
  return { word: raw.includes("'") || raw.includes('’') ? raw.replace(/['’]/g, '') : raw };
}

/** The words of a text as they stand in it (case and accents kept), with their offsets: what a reader sees and
 *  what highlighting marks. The same word rule as `tokenise`. */
export function surfaceWords(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** A token that is a year as archives write them (1800-2099): named sources, dates, numbers that are no quantity. */
export function isYear(word: string): boolean {
  return /^(1[89]|20)\d\d$/.test(word);
}
