// The normalisation of ../shared/eval/README.md, applied to quotes and to passage text alike, so that
// chunking, casing, punctuation and line-break hyphenation do not decide relevance.
import { fileStem } from '../lib/file-names.ts';

/** A hyphen at a line end between two letters: optional spaces, `-`, optional spaces, whitespace with a
 *  newline (README step 3; the README's Python `[^\W\d_]` is a Unicode letter). */
const hyphenBreak = /(?<=\p{L})[^\S\n]*-[^\S\n]*\n\s*(?=\p{L})/gu;

/** Runs of characters that are neither letters nor digits (Python's `[\W_]+` on str). */
const nonWord = /[^\p{L}\p{N}]+/gu;

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(hyphenBreak, '').replace(nonWord, ' ').trim();
}

/** Drops one trailing extension so `DOC4358` and `DOC4358.txt` name the same document. */
export function docKey(fileName: string): string {
  return fileStem(fileName.slice(fileName.lastIndexOf('/') + 1));
}
