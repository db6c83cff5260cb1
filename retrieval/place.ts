// Where a span of a document sits, in the words a citation uses, for every renderer alike (API, staff page, CLI,
// reading-list export): pages for paged documents ("p. 3", "p. 3–4"); for Word, OpenDocument and HTML, whose top-level
// sections stand in for pages, the section, its heading and the paragraph in it ("sectie 2 (Inleiding), alinea 3");
// for a text file without pages (every programme in programmas-nl) the paragraph in the whole text ("alinea 212"),
// since "p. 1" of a 500 kB text points nowhere. A paragraph is a block of the clean text between blank lines, which is
// how the cleaner writes paragraphs and how the page viewer numbers them.
import type { DocumentMeta, PageKind } from '../lib/types.ts';
import type { Store } from '../store/store.ts';
import { ordinalAt } from '../lib/sorted.ts';
import { perDocument } from '../lib/memo.ts';

/** A span's place: its pages, and where the document has no pages of its own its paragraphs (counted in the section
 *  for 'section' documents, in the whole text for 'paragraph' ones) and the section's heading. */
export interface Place {
  kind: PageKind;
  pageFirst: number;
  pageLast: number;
  paragraphFirst?: number;
  paragraphLast?: number;
  heading?: string | null;
}

export function placeLabel(p: Place): string {
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  const paragraphs = p.paragraphFirst === undefined ? '' : `alinea ${range(p.paragraphFirst, p.paragraphLast ?? p.paragraphFirst)}`;
  if (p.kind === 'paragraph' && paragraphs) return paragraphs;
  if (p.kind === 'section') {
    const heading = p.heading ? ` (${p.heading.length > 60 ? `${p.heading.slice(0, 59)}…` : p.heading})` : '';
    return `sectie ${range(p.pageFirst, p.pageLast)}${heading}${paragraphs ? `, ${paragraphs}` : ''}`;
  }
  return `p. ${range(p.pageFirst, p.pageLast)}`;
}

/** Paragraph maps of the documents that need them, per store, read from the stored paragraph starts (reading the text
 *  instead cost 1.9 ms a programme of programmas-nl); an entry is stale when the document was replaced (here or by
 *  another process). */
const paragraphMaps = perDocument<Store, { paragraphStarts: number[]; pageStarts: number[] }>(2_000);

function paragraphMap(store: Store, doc: DocumentMeta): { paragraphStarts: number[]; pageStarts: number[] } | null {
  return paragraphMaps(store, doc, () => store.documentParagraphs(doc.id));
}

/** The label of text [start, end) of `doc` on pages pageFirst..pageLast under `headingPath`. */
export function placeOf(
  store: Store,
  doc: DocumentMeta,
  span: { start: number; end: number; pageFirst: number; pageLast: number; headingPath: readonly string[] },
): string {
  const kind = doc.details.pageKind;
  const place: Place = { kind, pageFirst: span.pageFirst, pageLast: span.pageLast };
  const map = kind === 'page' ? null : paragraphMap(store, doc);
  if (map) {
    const starts = map.paragraphStarts;
    // In a section document paragraphs count from the section's start (the page the viewer shows).
    const base = kind === 'section' ? ordinalAt(starts, map.pageStarts[span.pageFirst - 1] ?? 0) - 1 : 0;
    place.paragraphFirst = ordinalAt(starts, span.start) - base;
    place.paragraphLast = ordinalAt(starts, Math.max(span.start, span.end - 1)) - base;
    if (kind === 'section') place.heading = span.headingPath[0] ?? null;
  }
  return placeLabel(place);
}

/** Where the paragraphs of a document's page (its offsets [from, to)) begin, as document offsets: the page viewer
 *  numbers them from 1, as placeOf does (a section document's pages are its sections; a text without pages is one
 *  page). Null for paged documents, whose places are their pages. */
export function pageParagraphs(store: Store, doc: DocumentMeta, from: number, to: number): number[] | null {
  if (doc.details.pageKind === 'page') return null;
  const map = paragraphMap(store, doc);
  if (!map) return null;
  return [from, ...map.paragraphStarts.filter((s) => s > from && s < to)];
}
