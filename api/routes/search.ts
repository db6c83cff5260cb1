// POST /api/search: ranked passages with their document, pages, headings, highlights and per-retriever scores.
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive/api.ts';
import type { FairQueue } from '../fair-queue.ts';
import { rankingDefaults } from '../../lib/config.ts';
import { searchBody, type SearchBody } from '../schemas.ts';
import { jsonSchema } from '../zod-validation.ts';

export function registerSearch(app: FastifyInstance, archive: Archive, queue: FairQueue): void {
  app.post<{ Body: SearchBody }>(
    '/api/search',
    {
      schema: {
        summary: 'Zoek passages',
        description: 'Ranked passages for a query; each hit names its document, pages, heading path and the scores per retriever.',
        tags: ['zoeken'],
        body: jsonSchema(searchBody),
      },
    },
    async (request) => {
      const { query, mode, k, filters } = request.body;
      const t0 = performance.now();
      const hits = await queue.run(
        () => archive.search(query, { mode: mode ?? rankingDefaults.mode, k: k ?? rankingDefaults.k, filters }),
        () => request.raw.socket.destroyed,
      );
      const ms = Math.round(performance.now() - t0);
      request.log.info({ mode: mode ?? rankingDefaults.mode, k, hits: hits.length, searchMs: ms }, 'search');
      return { query, mode: mode ?? rankingDefaults.mode, took: ms, hits };
    },
  );
}
