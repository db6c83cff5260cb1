// POST /api/ask: an extractive answer with citations, or an honest "nothing in the archive".
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive/api.ts';
import type { FairQueue } from '../fair-queue.ts';
import { ask } from '../../answer/ask.ts';
import { askBody, type AskBody } from '../schemas.ts';
import { jsonSchema } from '../zod-validation.ts';

export function registerAsk(app: FastifyInstance, archive: Archive, queue: FairQueue): void {
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
      const result = await queue.run(() => ask(archive, { question, k, filters }), () => request.raw.socket.destroyed);
      request.log.info(
        { hits: result.hits.length, answered: result.answered, confidence: result.evidence.confidence, askMs: result.took },
        'ask',
      );
      return result;
    },
  );
}
