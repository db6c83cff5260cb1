// Structured text (Word, OpenDocument, HTML: headings, paragraphs, list items, no pages) -> the pages the rest of
// ingest works with. Such a format has no pages, so each top-level section becomes one "page" (DocumentDetails.pageKind
// 'section'): the page view then shows a section, and a citation names its heading. Headings are written the Markdown
// way ("## Kop"), which the cleaner turns back into heading paths with their levels.
import type { ParsedFile, RawPage } from '../../lib/types.ts';
import { ArchiveError, type ErrorCode } from '../../lib/errors.ts';
import { FormatError, type FormatErrorKind, type StructuredText } from './structured.ts';

export function structuredToParsed(st: StructuredText, format: string): ParsedFile {
  const headingLevels = st.blocks.filter((b) => b.kind === 'heading').map((b) => b.level ?? 1);
  const top = headingLevels.length ? Math.min(...headingLevels) : 0;
  const sections: string[][] = [[]];
  for (const b of st.blocks) {
    // A top-level heading opens a new section, unless the current one holds nothing but headings so far.
    if (b.kind === 'heading' && (b.level ?? 1) === top && sections.at(-1)!.some((l) => !l.startsWith('#'))) sections.push([]);
    sections.at(-1)!.push(lineOf(b));
  }
  const pages: RawPage[] = sections.filter((s) => s.length).map((s, i) => ({ page: i + 1, text: s.join('\n\n') }));
  if (pages.length === 0) throw new ArchiveError('ERR_NO_TEXT', `the ${format.toUpperCase()} file holds no text`);
  return {
    format,
    pages,
    info: { title: st.info.title, author: st.info.author, creationDate: st.info.created },
    pageKind: 'section',
  };
}

function lineOf(b: StructuredText['blocks'][number]): string {
  if (b.kind === 'heading') return `${'#'.repeat(Math.min(6, b.level ?? 1))} ${b.text}`;
  if (b.kind === 'list-item') return `- ${b.text}`;
  // A paragraph that looks like Markdown syntax must not become a heading or a list item.
  return /^(#{1,6}\s|[-*•]\s)/.test(b.text) ? `\u200b${b.text}` : b.text;
}

const CODES: Record<FormatErrorKind, ErrorCode> = {
  corrupt: 'ERR_FILE_CORRUPT',
  encrypted: 'ERR_FILE_ENCRYPTED',
  unsupported: 'ERR_UNSUPPORTED_TYPE',
  'too-large': 'ERR_TOO_LARGE',
};

/** Runs a structured parser, its FormatError turned into the catalogue's error. */
export async function parseStructured(format: string, parse: () => Promise<StructuredText>): Promise<ParsedFile> {
  try {
    return structuredToParsed(await parse(), format);
  } catch (e) {
    if (e instanceof FormatError) throw new ArchiveError(CODES[e.kind], e.message);
    throw e;
  }
}
