// POST /api/documents: one or several files in one multipart request, each ingested in turn and given its own
// outcome (ingested / unchanged / replaced / skipped with the reason). Behind the API key.
import { basename } from 'node:path';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { Archive, IngestOptions, IngestOutcome } from '../../archive/api.ts';
import { ArchiveError, errorStatus } from '../../lib/errors.ts';
import { supportedExtensions } from '../../ingest/formats/index.ts';
import { apiDefaults } from '../../lib/config.ts';
import { keySecurity } from '../auth.ts';

/** "50 MB": limits are named in the unit people think in. */
function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** An error about a bound, carrying the bound so the page can name it. */
function limitError(code: 'ERR_TOO_LARGE' | 'ERR_TOO_MANY_FILES', reason: string, limit: number): ArchiveError {
  const e = new ArchiveError(code, reason);
  e.limit = limit;
  return e;
}

/** The multipart parser's errors in catalogue terms: its limits name themselves, a malformed body is the client's (400). */
function uploadError(e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') return limitError('ERR_TOO_MANY_FILES', String(apiDefaults.uploadMaxFiles), apiDefaults.uploadMaxFiles);
  if (typeof (e as { statusCode?: unknown }).statusCode === 'number') return e;
  return new ArchiveError('ERR_BAD_REQUEST', `malformed multipart upload: ${(e as Error).message}`);
}

async function readUpload<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw uploadError(e);
  }
}

/** One uploaded file to its outcome. No extension check here: the format is found from the bytes (a PDF signature
 *  wins over any name) and then the name, as the CLI does, so a file without an extension is read as text. */
async function ingestPart(archive: Archive, part: MultipartFile, opts: Omit<IngestOptions, 'onProgress'>): Promise<IngestOutcome> {
  const name = basename((part.filename ?? '').replace(/\\/g, '/')).trim();
  const bytes = await readUpload(() => part.toBuffer());
  // Over the limit the parser cuts the file short and skips its rest: that file's outcome; the batch goes on.
  if (part.file.truncated) {
    const max = apiDefaults.uploadMaxBytes;
    const e = new ArchiveError('ERR_TOO_LARGE', `larger than the upload limit of ${megabytes(max)} (${max} bytes)`);
    return { file: name, status: 'skipped', code: e.code, reason: e.message, ms: 0 };
  }
  if (!name) return { file: '', status: 'skipped', code: 'ERR_BAD_REQUEST', reason: 'the uploaded file has no name', ms: 0 };
  return archive.ingestBytes(name, new Uint8Array(bytes), opts);
}

export function registerUpload(app: FastifyInstance, archive: Archive, writeAccess: onRequestHookHandler): void {
  app.post(
    '/api/documents',
    {
      onRequest: writeAccess,
      schema: {
        summary: `Documenten toevoegen (${supportedExtensions().join(', ')}, of zonder extensie)`,
        description:
          `multipart/form-data with one or more file fields (at most ${apiDefaults.uploadMaxFiles}, each at most ` +
          `${megabytes(apiDefaults.uploadMaxBytes)}), optionally preceded by a \`password\` field for encrypted PDFs and a \`reread\` field (\`true\`) that reads a ` +
          "file again even when the archive holds the same bytes, so that a newer version's metadata and cleaning reach it (as " +
          '`ingest --reread`). Every file gets an outcome in `outcomes` (and `outcome` when ' +
          'there is one file): 201 when any was added or replaced, 200 when all were unchanged or some skipped, the ' +
          'skipped reason\'s status when none could be ingested. Needs the API key.',
        tags: ['documenten'],
        consumes: ['multipart/form-data'],
        security: keySecurity,
      },
    },
    async (request, reply) => {
      const outcomes: IngestOutcome[] = [];
      const limits = { fileSize: apiDefaults.uploadMaxBytes, files: apiDefaults.uploadMaxFiles };
      const parts = request.parts({ limits });
      const opts: Omit<IngestOptions, 'onProgress'> = {};
      await readUpload(async () => {
        for await (const part of parts) {
          // A `password` field opens the encrypted PDFs that follow it in the form; `reread` rereads unchanged bytes.
          if (part.type === 'field') {
            if (typeof part.value !== 'string') continue;
            if (part.fieldname === 'password') opts.password = part.value.slice(0, maxPassword);
            if (part.fieldname === 'reread') opts.reread = /^(true|1|ja|on)$/i.test(part.value.trim());
          } else outcomes.push(await ingestPart(archive, part, { ...opts }));
        }
      });
      if (outcomes.length === 0) throw new ArchiveError('ERR_BAD_REQUEST', 'no file in the upload (send multipart/form-data with a file field)');
      for (const o of outcomes) request.log.info({ file: o.file, status: o.status, ingestMs: o.ms }, 'upload');
      return reply.status(uploadStatus(outcomes)).send(uploadBody(outcomes));
    },
  );
}

/** A password is a short secret; a longer field is cut rather than held. */
const maxPassword = 1024;

/** 201 when something was added, 200 when nothing new but something was fine (unchanged, or a duplicate of another); a batch of only skipped files is the
 *  client's problem: the catalogue status of the first one's reason. */
function uploadStatus(outcomes: IngestOutcome[]): number {
  if (outcomes.some((o) => o.status === 'ingested' || o.status === 'replaced')) return 201;
  if (outcomes.some((o) => o.status === 'unchanged' || o.status === 'duplicate')) return 200;
  return errorStatus(outcomes[0].code ?? 'ERR_NO_TEXT');
}

function uploadBody(outcomes: IngestOutcome[]): object {
  const one = outcomes.length === 1 ? { outcome: outcomes[0] } : {};
  const allSkipped = outcomes.every((o) => o.status === 'skipped');
  const code = outcomes[0].code ?? 'ERR_NO_TEXT';
  const limit = code === 'ERR_TOO_LARGE' ? { limit: apiDefaults.uploadMaxBytes } : {};
  const error = allSkipped ? { error: { code, message: outcomes[0].reason ?? 'file skipped', ...limit } } : {};
  return { ...error, ...one, outcomes };
}
