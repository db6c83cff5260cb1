// The clean text's paragraphs: blocks between blank lines, which is how the cleaner writes them (ingest/clean.ts).
// Where each begins is stored with the document (store: paragraph_starts), so a citation can name the paragraph of a
// text without pages ("alinea 212") without reading the text (retrieval/place.ts).

/** Offsets where each paragraph of `text` begins (the first at 0). */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) starts.push(m.index + m[0].length);
  return starts;
}
