// Every failure leaves the API as `{ error: { code, message, field? } }` with a fitting status:
// catalogue errors keep theirs, framework 4xx keep theirs, anything else is a 500 without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ArchiveError, isArchiveError, type ErrorCode } from '../lib/errors.ts';
import { apiDefaults } from '../lib/config.ts';
import { ValidationError } from './zod-validation.ts';

export interface ErrorBody {
  /** `limit`: the bound a 413 or 409 is about (bytes, files, items), so a client can name it. */
  error: { code: ErrorCode; message: string; field?: string; limit?: number };
}

/** Framework errors a client can cause, mapped to catalogue codes. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'ERR_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'ERR_TOO_LARGE',
  FST_FILES_LIMIT: 'ERR_TOO_MANY_FILES',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ERR_BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'ERR_BAD_REQUEST',
};

export function errorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ValidationError) {
    return { status: 400, body: { error: { code: err.code, message: err.message, field: err.field } } };
  }
  if (isArchiveError(err)) {
    const limit = err.limit === undefined ? {} : { limit: err.limit };
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...limit } } };
  }
  const fe = err as Partial<FastifyError>;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode = (fe.code ? FRAMEWORK_CODES[fe.code] : undefined) ?? 'ERR_BAD_REQUEST';
    const limit = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? { limit: apiDefaults.bodyLimit } : {};
    return { status, body: { error: { code, message: clientMessage(fe), ...limit } } };
  }
  const internal = new ArchiveError('ERR_INTERNAL');
  return { status: internal.status, body: { error: { code: internal.code, message: internal.message } } };
}

function clientMessage(fe: Partial<FastifyError>): string {
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.name === 'SyntaxError') return 'body is not valid JSON';
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return `request body larger than the limit of ${apiDefaults.bodyLimit} bytes`;
  return fe.message ?? 'bad request';
}

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = errorResponse(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: body.error.code, status }, body.error.message);
  if (isArchiveError(err) && err.retryAfterSeconds) void reply.header('retry-after', String(err.retryAfterSeconds));
  void reply.status(status).send(body);
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  const err = new ArchiveError('ERR_NOT_FOUND', `${request.method} ${request.url.split('?')[0]}`);
  void reply.status(404).send(errorResponse(err).body);
}
