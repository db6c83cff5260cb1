// A reading list as Markdown: each item under its own heading, the text as a quote, the citation as a footnote
// ([^n], which GitHub, Pandoc and most editors render), the note and the question beneath.
import type { ReadingList } from '../../archive/api.ts';
import { citationText, foldText, kindLabel, subtitle } from './citation.ts';

/** Archive text is data, not markup: characters Markdown would act on are escaped. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

export function readingListMarkdown(list: ReadingList, now = new Date()): string {
  const lines = [`# ${escape(list.name)}`, '', `_${subtitle(list, now)}_`, ''];
  const notes: string[] = [];
  list.items.forEach((item, i) => {
    const n = i + 1;
    lines.push(`## ${n}. ${escape(item.source.title)}`, '');
    if (item.source.headingPath?.length) lines.push(`_${escape(item.source.headingPath.join(' › '))}_`, '');
    if (item.question) lines.push(`**Vraag:** ${escape(item.question)}`, '');
    lines.push(`> ${escape(foldText(item.text))}[^${n}]`, '');
    if (item.note.trim()) lines.push(`**Notitie:** ${escape(item.note.trim()).replace(/\n+/g, ' ')}`, '');
    notes.push(`[^${n}]: ${escape(citationText(item.source))} ${kindLabel(item)} uit ${escape(item.source.fileName ?? item.source.docId)}, tekens ${item.source.start}–${item.source.end}.`);
  });
  return [...lines, ...notes, ''].join('\n');
}
