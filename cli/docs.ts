// `raadsarchief docs`: the documents in the archive.
import type { Command } from 'commander';
import { command, print, withArchive, type Globals } from './common.ts';
import { table, truncate } from './terminal.ts';

export function registerDocs(program: Command): void {
  command(program, 'docs', 'list the documents in the archive').action(async (_o, c: Command) => {
    const g = c.optsWithGlobals<Globals>();
    const documents = await withArchive(g, async (a) => a.listDocuments());
    print(g.json, { documents }, () =>
      documents.length === 0
        ? 'The archive is empty. Add documents with `raadsarchief ingest <path>`.'
        : table(
            ['id', 'title', 'year', 'organisation', 'format', 'pages', 'passages', 'OCR pages'],
            documents.map((d) => [
              d.id, truncate(d.title, 50), d.year ?? '', truncate(d.organisation ?? '', 30), d.format,
              d.details.pageKind === 'section' ? `${d.pageCount} sections` : d.pageCount, d.passageCount, d.details.ocrPages.length || '',
            ]),
          ),
    );
  });
}
