// `raadsarchief show <doc> [--page N]`: a document's metadata and passages, or the clean text of one page.
import type { Command } from 'commander';
import { ArchiveError } from '../lib/errors.ts';
import { command, intOption, ocrLabel, print, withArchive, type Globals } from './common.ts';
import { truncate } from './terminal.ts';

export function registerShow(program: Command): void {
  command(program, 'show', "show a document's metadata, or the clean text of one page")
    .argument('<doc>', 'document id (see `docs`)')
    .addOption(intOption('--page <n>', 'page number', 1, 1_000_000))
    .action(async (id: string, o: { page?: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      await withArchive(g, async (a) => {
        const doc = a.getDocument(id);
        if (!doc) throw new ArchiveError('ERR_DOC_NOT_FOUND', id);
        if (o.page !== undefined) {
          const page = a.getPage(id, o.page);
          if (!page) throw new ArchiveError('ERR_PAGE_NOT_FOUND', `${o.page} (it has ${doc.pageCount})`, id);
          const ocr = doc.details.ocrPages.find((x) => x.page === page.page);
          const kind = doc.details.pageKind;
          const where = kind === 'paragraph' ? 'hele tekst' : `${kind === 'section' ? 'sectie' : 'pagina'} ${page.page} van ${doc.pageCount}`;
          print(g.json, { document: doc, ...page, ocr: ocr ?? null }, () => `${doc.title} — ${where}${ocrLabel(ocr)}\n\n${page.text}`);
          return;
        }
        const passages = a.getPassages(id);
        print(g.json, { document: doc, passages }, () => {
          const { details, ...rest } = doc;
          const meta = Object.entries(rest)
            .map(([k, v]) => `${k.padEnd(14)} ${v ?? ''}`)
            .join('\n');
          const sources = `metadata from  title: ${details.metaSources.title}, year: ${details.metaSources.year}, organisation: ${details.metaSources.organisation}`;
          const ocr = details.ocrPages.length ? `\nOCR pages     ${details.ocrPages.map((o) => `${o.page} (${Math.round(o.confidence * 100)}%)`).join(', ')}` : '';
          const ps = passages
            .map((p) => `#${p.ordinal} ${p.place} ${p.headingPath.join(' > ')}\n   ${truncate(p.text, 110)}`)
            .join('\n');
          return `${meta}\n${sources}${ocr}\n\n${ps}`;
        });
      });
    });
}
