// A reading list as a Word document, with the `docx` library (a maintained OOXML writer, so Word, LibreOffice and
// Google Docs open it and the footnotes are real Word footnotes, not text at the end). Each item is a heading, the
// quoted text with a footnote reference, and the note; footnote n is item n's citation.
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReadingList, ReadingListItem } from '../../archive/api.ts';
import { citationText, foldText, subtitle } from './citation.ts';

function itemParagraphs(item: ReadingListItem, n: number): Paragraph[] {
  const out = [new Paragraph({ text: `${n}. ${item.source.title}`, heading: HeadingLevel.HEADING_2 })];
  if (item.source.headingPath?.length) {
    out.push(new Paragraph({ children: [new TextRun({ text: item.source.headingPath.join(' › '), italics: true })] }));
  }
  if (item.question) out.push(new Paragraph({ children: [new TextRun({ text: 'Vraag: ', bold: true }), new TextRun(item.question)] }));
  out.push(new Paragraph({
    indent: { left: 567 }, // 1 cm: a quotation set off from the running text
    children: [new TextRun(foldText(item.text)), new FootnoteReferenceRun(n)],
  }));
  if (item.note.trim()) out.push(new Paragraph({ children: [new TextRun({ text: 'Notitie: ', bold: true }), new TextRun(item.note.trim())] }));
  return out;
}

export async function readingListDocx(list: ReadingList, now = new Date()): Promise<Buffer> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  list.items.forEach((item, i) => {
    footnotes[i + 1] = { children: [new Paragraph(citationText(item.source))] };
  });
  const doc = new Document({
    creator: 'Raadsarchief',
    title: list.name,
    footnotes,
    sections: [{
      children: [
        new Paragraph({ text: list.name, heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun({ text: subtitle(list, now), italics: true })] }),
        ...list.items.flatMap((item, i) => itemParagraphs(item, i + 1)),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
