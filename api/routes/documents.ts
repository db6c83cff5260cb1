// The documents resource: list, one document with its passages, one page, upload and delete.
// Upload and delete change the archive and sit behind the API key.
import { basename, extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Archive, IngestOutcome } from '../../archive/api.ts';
import { ArchiveError, errorStatus } from '../../lib/errors.ts';
import { supportedExtensions } from '../../ingest/formats/index.ts';
import { apiDefaults } from '../../lib/config.ts';
import { documentParams, pageParams } from '../schemas.ts';
import { jsonSchema } from '../zod-validation.ts';
import { requireApiKey } from '../auth.ts';


/** What the API shows of a document: everything but the server-side path it was ingested from. */
function publicDocument<T extends { sourcePath: string }>(doc: T): Omit<T, 'sourcePath'> {
  const { sourcePath: _hidden, ...rest } = doc;
  return rest;
}

/** Runs a multipart read; the parser's own errors (a missing boundary, a cut-off part) are the client's: 400. */
async function readUpload<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (typeof (e as { statusCode?: unknown }).statusCode === 'number') throw e;
    throw new ArchiveError('ERR_BAD_REQUEST', `malformed multipart upload: ${(e as Error).message}`);
  }
}

export function registerDocuments(app: FastifyInstance, archive: Archive, apiKey: string | undefined): void {
  const writeAccess = requireApiKey(apiKey);
  const security: Array<Record<string, string[]>> = [{ apiKey: [] }, { bearer: [] }];

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

  app.post(
    '/api/documents',
    {
      onRequest: writeAccess,
      schema: {
        summary: `Document toevoegen (${supportedExtensions().join(', ')})`,
        description: `multipart/form-data with one file field (and, for an encrypted PDF, a password field before it); at most ${apiDefaults.uploadMaxBytes} bytes. Needs the API key.`,
        tags: ['documenten'],
        consumes: ['multipart/form-data'],
        security,
      },
    },
    async (request, reply) => {
      const file = await readUpload(() => request.file({ limits: { fileSize: apiDefaults.uploadMaxBytes, files: 1 } }));
      if (!file) throw new ArchiveError('ERR_BAD_REQUEST', 'no file in the upload (send multipart/form-data with a file field)');
      const name = basename(file.filename ?? '').trim();
      if (!name) throw new ArchiveError('ERR_BAD_REQUEST', 'the uploaded file has no name');
      const ext = extname(name).toLowerCase();
      if (!supportedExtensions().includes(ext)) throw new ArchiveError('ERR_UNSUPPORTED_TYPE', `${ext || 'no extension'}; the archive reads ${supportedExtensions().join(', ')}`);
      const bytes = await readUpload(() => file.toBuffer());
      // An encrypted PDF's password: a form field sent before the file (multipart fields arrive in order).
      const field = file.fields.password;
      const password = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
      const outcome = await archive.ingestBytes(name, new Uint8Array(bytes), { password });
      request.log.info({ file: name, status: outcome.status, ingestMs: outcome.ms }, 'upload');
      return reply.status(outcomeStatus(outcome)).send(outcomeBody(outcome));
    },
  );

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

/** A skipped file is the client's problem (bad PDF, empty, ...): its catalogue status. */
function outcomeStatus(o: IngestOutcome): number {
  if (o.status === 'ingested' || o.status === 'replaced') return 201;
  if (o.status === 'unchanged') return 200;
  return errorStatus(o.code ?? 'ERR_NO_TEXT');
}

function outcomeBody(o: IngestOutcome): object {
  if (o.status !== 'skipped') return { outcome: o };
  return { error: { code: o.code ?? 'ERR_NO_TEXT', message: o.reason ?? 'file skipped' }, outcome: o };
}
