// Unicode-aware Dutch tokenisation: the one place that decides what a "word" is, for passages and queries alike.

// A word broken across a line with a hyphen ("wethouders -\n\nsocialisme") is one word: the eval
// normalisation does the same, so both sides see identical words.
const HYPHEN_BREAK = /(?<=\p{L})[^\S\n]*-[^\S\n]*\n\s*(?=\p{L})/gu;

// Numbers keep their thousands dots and decimal commas ("1.100", "2,5"); words keep inner hyphens and
// apostrophes ("pvda-wethouder", "auto's") so the parts can be handled below.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/** NFKC, lower case, hyphenated line breaks joined. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(HYPHEN_BREAK, '');
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
  for (const m of normaliseText(text).matchAll(TOKEN)) {
    const raw = m[0];
    if (THOUSANDS.test(raw)) {
      out.push({ word: raw.replaceAll('.', '') });
    } else if (raw.includes('-')) {
      const parts = raw.split('-').map((p) => p.replace(/['’]/g, '')).filter(Boolean);
      out.push({ word: parts.join(''), parts });
    } else {
      out.push({ word: raw.replace(/['’]/g, '') });
    }
  }
  return out;
}

/** Strips combining marks after canonical decomposition: "coördinatie" -> "coordinatie", "ideeën" -> "ideeen";
 *  words of up to three letters keep theirs. */
export function foldDiacritics(word: string): string {
  // Accents on short words are emphasis that changes the word: één (one) is not een (a), dé not de.
  if (word.length <= 3 || /^[\x00-\x7f]*$/.test(word)) return word;
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
