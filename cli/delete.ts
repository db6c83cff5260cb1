// `raadsarchief delete <doc>`: a document and everything derived from it, gone.
import type { Command } from 'commander';
import { ArchiveError } from '../lib/errors.ts';
import { command, print, withArchive, type Globals } from './common.ts';

export function registerDelete(program: Command): void {
  command(program, 'delete', 'delete a document and its passages from the store and indexes')
    .argument('<doc>', 'document id')
    .action(async (id: string, _o, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const deleted = await withArchive(g, (a) => a.deleteDocument(id));
      if (!deleted) throw new ArchiveError('ERR_DOC_NOT_FOUND', id);
      print(g.json, { id, deleted }, () => `deleted ${id}`);
    });
}
