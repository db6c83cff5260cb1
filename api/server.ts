// The HTTP server: JSON API under /api, OpenAPI + Swagger UI, and the staff page at /.
// CORS stays off: the page is served from the same origin, and nothing else should call the API from a browser.
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Archive } from '../archive/api.ts';
import { ArchiveError } from '../lib/errors.ts';
import { apiDefaults } from '../lib/config.ts';
import { FairQueue, type FairQueueOptions } from './fair-queue.ts';
import { zodValidatorCompiler } from './zod-validation.ts';
import { handleError, handleNotFound } from './error-response.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSearch } from './routes/search.ts';
import { registerAsk } from './routes/ask.ts';
import { registerDocuments } from './routes/documents.ts';
import { registerHealth } from './routes/health.ts';
import { registerReadingLists } from './routes/reading-lists.ts';
import { registerStaticPage } from './static-page.ts';

export interface ServerOptions {
  /** Enables the write endpoints (upload, delete); without it they answer 403. */
  apiKey?: string;
  /** Pino logger options (true for defaults); off when omitted. */
  logger?: boolean | object;
  /** Per-IP request budget (defaults in lib/config.ts apiDefaults). */
  rateLimit?: { max: number; timeWindow: number | string };
  /** The search queue's bounds (defaults in lib/config.ts apiDefaults). */
  queue?: FairQueueOptions;
  /** Which proxies' X-Forwarded-For to believe (lib/config.ts trustProxy()); none by default. */
  trustProxy?: boolean | number | string[];
}

export async function buildServer(archive: Archive, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: apiDefaults.bodyLimit,
    // Query strings and ids are short; anything longer is an attack or a mistake.
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route runs (over-long ids, bad URLs) get the same JSON shape.
    frameworkErrors: handleError,
    // request.ip (the rate limit's key) is the client behind a trusted proxy, else the peer address.
    trustProxy: proxyTrust(opts.trustProxy ?? apiDefaults.trustProxy),
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  const limit = opts.rateLimit ?? apiDefaults.rateLimit;
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindow,
    errorResponseBuilder: (_request, context) => new ArchiveError('ERR_RATE_LIMITED', context.after),
  });
  // throwFileSizeLimit off: a file over the limit is cut short and api/routes/upload.ts gives it its own outcome,
  // instead of the whole batch failing.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: apiDefaults.uploadMaxBytes, files: apiDefaults.uploadMaxFiles, fields: 10 },
  });
  await registerOpenApi(app);

  const queue = new FairQueue(opts.queue ?? apiDefaults.queue);
  registerSearch(app, archive, queue);
  registerAsk(app, archive, queue);
  registerDocuments(app, archive, opts.apiKey);
  registerHealth(app, archive);
  registerReadingLists(app, archive, opts.apiKey);
  registerStaticPage(app);

  if (!opts.apiKey) app.log.warn('API_KEY is not set: upload and delete are disabled (403)');
  return app;
}

/** Fastify takes a hop count as a function (its types have no number form): trust the nearest `n` hops. */
function proxyTrust(t: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === 'number' ? (_address, hop) => hop < t : t;
}
