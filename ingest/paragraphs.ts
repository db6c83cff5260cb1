// The clean text's paragraphs: blocks between blank lines, which is how the cleaner writes them (ingest/clean.ts).
// Where each begins is stored with the document (store: paragraph_starts), so a citation can name the paragraph of a
// text without pages ("alinea 212") without reading the text (retrieval/place.ts).
import { sentenceStarts } from '../language/sentences.ts';

/** A block longer than this is cut into paragraphs at sentence starts, each about PARAGRAPH_CHARS long: some texts
 *  came with few or no blank lines (SGP 2021, 443,587 characters on one line; LPF 2006, 75,533; 31 programmes of
 *  programmas-nl have a block over 6,000), and "alinea 1" for every citation of them points nowhere. The bundled
 *  corpus's longest block is 4,850 characters. */
const MAX_BLOCK_CHARS = 6000;
const PARAGRAPH_CHARS = 1500;

/** Offsets where each paragraph of `text` begins (the first at 0). */
export function paragraphStarts(text: string): number[] {
  const blocks = [0];
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) blocks.push(m.index + m[0].length);
  const starts: number[] = [];
  blocks.forEach((start, i) => {
    starts.push(start);
    const end = blocks[i + 1] ?? text.length;
    if (end - start <= MAX_BLOCK_CHARS) return;
    let last = start;
    for (const s of sentenceStarts(text, start, end)) {
      if (s - last < PARAGRAPH_CHARS || end - s < PARAGRAPH_CHARS / 2) continue;
      starts.push(s);
      last = s;
    }
  });
  return starts;
}
