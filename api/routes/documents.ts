// The documents resource: list, one document with its passages, one page, upload and delete.
// Upload and delete change the archive and sit behind the API key.
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive/api.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { documentParams, pageParams } from '../schemas.ts';
import { jsonSchema } from '../zod-validation.ts';
import { keySecurity, requireApiKey } from '../auth.ts';
import { registerUpload } from './upload.ts';

/** What the API shows of a document: everything but the server-side path it was ingested from. */
function publicDocument<T extends { sourcePath: string }>(doc: T): Omit<T, 'sourcePath'> {
  const { sourcePath: _hidden, ...rest } = doc;
  return rest;
}

export function registerDocuments(app: FastifyInstance, archive: Archive, apiKey: string | undefined): void {
  const writeAccess = requireApiKey(apiKey);
  const security = keySecurity;

  app.get('/api/documents', { schema: { summary: 'Alle documenten', tags: ['documenten'] } }, async () => ({
    documents: archive.listDocuments().map(publicDocument),
  }));

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    { schema: { summary: 'Eén document met zijn passages', tags: ['documenten'], params: jsonSchema(documentParams) } },
    async (request) => {
      const doc = archive.getDocument(request.params.id);
      if (!doc) throw new ArchiveError('ERR_DOC_NOT_FOUND', request.params.id);
      return { document: publicDocument(doc), passages: archive.getPassages(doc.id) };
    },
  );

  app.get<{ Params: { id: string; n: number } }>(
    '/api/documents/:id/pages/:n',
    { schema: { summary: 'De schone tekst van één pagina', tags: ['documenten'], params: jsonSchema(pageParams) } },
    async (request) => {
      const { id, n } = request.params;
      const doc = archive.getDocument(id);
      if (!doc) throw new ArchiveError('ERR_DOC_NOT_FOUND', id);
      const page = archive.getPage(id, n);
      if (!page) throw new ArchiveError('ERR_PAGE_NOT_FOUND', `${n} (it has ${doc.pageCount})`);
      return { document: publicDocument(doc), ...page, end: page.start + page.text.length };
    },
  );

  registerUpload(app, archive, writeAccess);

  app.delete<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
      onRequest: writeAccess,
      schema: { summary: 'Document verwijderen', tags: ['documenten'], params: jsonSchema(documentParams), security },
    },
    async (request) => {
      const deleted = await archive.deleteDocument(request.params.id);
      if (!deleted) throw new ArchiveError('ERR_DOC_NOT_FOUND', request.params.id);
      return { deleted: request.params.id };
    },
  );
}
