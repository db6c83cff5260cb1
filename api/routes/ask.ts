// POST /api/ask: an extractive answer with citations, or an honest "nothing in the archive".
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../lib/archive-api.ts';
import { rankingDefaults } from '../../lib/config.ts';
import { composeAnswer } from '../../search/answer.ts';
import { askBody, type AskBody } from '../schemas.ts';
import { jsonSchema } from '../zod-validation.ts';

export function registerAsk(app: FastifyInstance, archive: Archive): void {
  app.post<{ Body: AskBody }>(
    '/api/ask',
    {
      schema: {
        summary: 'Stel een vraag',
        description:
          'A short answer made of sentences copied from the archive, each marked [n] and backed by a citation whose ' +
          'start/end are offsets into the clean document text. When the archive does not cover the question: ' +
          'answered=false with the closest passages.',
        tags: ['zoeken'],
        body: jsonSchema(askBody),
      },
    },
    async (request) => {
      const { question, k, filters } = request.body;
      const t0 = performance.now();
      const hits = await archive.search(question, { mode: rankingDefaults.mode, k: k ?? rankingDefaults.k, filters });
      const texts = new Map<string, string | null>();
      const documentText = (id: string) => {
        if (!texts.has(id)) texts.set(id, archive.getDocumentText(id));
        return texts.get(id) ?? null;
      };
      const answer = composeAnswer(question, hits, { documentText });
      const ms = Math.round(performance.now() - t0);
      request.log.info(
        { hits: hits.length, answered: answer.answered, coverage: answer.evidence.coverage, askMs: ms },
        'ask',
      );
      return { question, took: ms, ...answer, hits };
    },
  );
}
