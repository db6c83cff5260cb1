// Every failure a user can meet, in one place: a code, a message template and an HTTP status. The catalogue is
// closed: everything the product reports (CLI, API, ingest outcomes) carries one of these codes.
// The CLI prints `message`; the API maps `status` and returns `{ error: { code, message } }`.

const catalogue = {
  ERR_FILE_UNREADABLE: { status: 400, template: 'cannot read file: {reason}' },
  ERR_FILE_EMPTY: { status: 422, template: 'empty file (0 bytes)' },
  ERR_UNSUPPORTED_TYPE: { status: 415, template: 'unsupported file type ({reason})' },
  ERR_FILE_CORRUPT: { status: 422, template: 'damaged file: {reason}' },
  ERR_FILE_ENCRYPTED: { status: 422, template: 'password-protected file ({reason}); save it without a password and ingest it again' },
  ERR_PDF_ENCRYPTED: { status: 422, template: 'encrypted PDF, a password is required (ingest --password, or the upload\'s password field)' },
  ERR_PDF_PASSWORD: { status: 422, template: 'encrypted PDF, the password given does not open it' },
  ERR_PDF_MALFORMED: { status: 422, template: 'malformed PDF: {reason}' },
  ERR_PDF_NO_PAGES: { status: 422, template: 'PDF has no pages' },
  ERR_PDF_NO_TEXT: { status: 422, template: 'scanned PDF, no text layer ({reason})' },
  ERR_PARSE_TIMEOUT: { status: 422, template: 'parsing took longer than {reason}; file skipped' },
  ERR_TOO_LARGE: { status: 413, template: 'file too large ({reason})' },
  ERR_TOO_MANY_FILES: { status: 413, template: 'too many files in one upload; the limit is {reason}' },
  ERR_NO_TEXT: { status: 422, template: 'no text after cleaning' },
  ERR_TEXT_ENCODING: { status: 422, template: 'text is not readable in any supported encoding ({reason})' },
  ERR_DOC_NOT_FOUND: { status: 404, template: 'no document with id "{reason}"' },
  ERR_PAGE_NOT_FOUND: { status: 404, template: 'document has no page {reason}' },
  ERR_LIST_NOT_FOUND: { status: 404, template: 'no reading list with id "{reason}"' },
  ERR_LIST_ITEM_NOT_FOUND: { status: 404, template: 'the reading list has no item {reason}' },
  ERR_LIST_FULL: { status: 409, template: 'limit reached: {reason}' },
  ERR_EMBEDDER_MISMATCH: { status: 409, template: 'embedder mismatch: {reason}; run `raadsarchief reindex`' },
  ERR_MODEL_UNAVAILABLE: { status: 503, template: 'embedding model unavailable: {reason}' },
  ERR_MODEL_DOWNLOAD: { status: 502, template: 'model download failed: {reason}' },
  ERR_STORE_VERSION: { status: 500, template: 'the store was written by a newer program (schema version {reason})' },
  ERR_INDEX_CORRUPT: { status: 500, template: 'vector index unusable: {reason}' },
  ERR_BAD_REQUEST: { status: 400, template: '{reason}' },
  ERR_UNAUTHORIZED: { status: 401, template: 'a valid API key is required (header x-api-key or Authorization: Bearer)' },
  ERR_USAGE: { status: 400, template: '{reason}' },
  ERR_NO_ARCHIVE: { status: 404, template: 'no archive in {reason} (ingest documents first, or check --data / RAADSARCHIEF_DATA)' },
  ERR_WRITES_DISABLED: { status: 403, template: 'write endpoints are disabled: the server was started without API_KEY' },
  ERR_NOT_FOUND: { status: 404, template: 'no such endpoint: {reason}' },
  ERR_RATE_LIMITED: { status: 429, template: 'too many requests; retry in {reason}' },
  ERR_BUSY: { status: 503, template: 'the server is busy; retry in {reason}' },
  ERR_INTERNAL: { status: 500, template: 'internal error; the server log has details{reason}' },
} as const;

export type ErrorCode = keyof typeof catalogue;

/** Every code, for clients that translate them (the staff page) and the test that checks they do. */
export const ERROR_CODES = Object.keys(catalogue) as ErrorCode[];

export class ArchiveError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The input the error is about (a file path, a document id, a field name), when there is one. */
  readonly subject?: string;
  /** For ERR_BUSY: when to try again (sent as Retry-After). */
  retryAfterSeconds?: number;
  /** For errors about a bound (ERR_TOO_LARGE, ERR_TOO_MANY_FILES, ERR_LIST_FULL): the bound, so a client can name it. */
  limit?: number;

  constructor(code: ErrorCode, reason = '', subject?: string) {
    super(catalogue[code].template.replace('{reason}', reason));
    this.name = 'ArchiveError';
    this.code = code;
    this.status = catalogue[code].status;
    this.subject = subject;
  }
}

/** The HTTP status of a catalogue code. */
export function errorStatus(code: ErrorCode): number {
  return catalogue[code].status;
}

export function isArchiveError(e: unknown): e is ArchiveError {
  return e instanceof ArchiveError;
}

/** A one-line, user-facing description of any thrown value. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
