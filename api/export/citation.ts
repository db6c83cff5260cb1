// One way to cite a reading-list item, shared by the Markdown and Word exports: title, organisation, year, page(s).
import type { ItemSource, ReadingList, ReadingListItem } from '../../archive/api.ts';
import { placeLabel } from '../../retrieval/place.ts';

/** "Titel, Organisatie, 2022, p. 3–4." or "…, alinea 212." (the item's place, else its pages, for items collected
 *  before places; the file name stands in for an unknown organisation; other unknown parts are left out). */
export function citationText(s: ItemSource): string {
  const parts = [s.title, s.organisation ?? s.fileName ?? null, s.year === null ? null : String(s.year), s.place ?? placeLabel({ kind: 'page', pageFirst: s.pageFirst, pageLast: s.pageLast })];
  return `${parts.filter((p) => p !== null && p !== '').join(', ')}.`;
}

/** Archive text folded for reading: PDF line breaks inside paragraphs and hyphenations at line ends undone. */
export function foldText(text: string): string {
  return text.replace(/(\p{L})[^\S\n]*-[^\S\n]*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim();
}

export function kindLabel(item: ReadingListItem): string {
  return item.kind === 'answer' ? 'Antwoordzin' : 'Passage';
}

/** "Leeslijst uit het Raadsarchief, 3 fragmenten, 5 mei 2025." */
export function subtitle(list: ReadingList, now = new Date()): string {
  const n = list.items.length;
  const date = now.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  return `Leeslijst uit het Raadsarchief, ${n} ${n === 1 ? 'fragment' : 'fragmenten'}, ${date}.`;
}

/** A file name for the download: the list's name, reduced to safe characters. */
export function exportFileName(list: ReadingList, ext: string): string {
  const stem = list.name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 80);
  return `${stem || 'leeslijst'}.${ext}`;
}
