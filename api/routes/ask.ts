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
          'A short answer made of sentences copied from the archive, each marked [n] and backed by a citation that says ' +
          'whose words they are (title, organisation, year), the pages of the quoted sentence itself and its `place` as a ' +
          'citation names it ("p. 4"; pageKind "section": "sectie 2 (Inleiding), alinea 3"; pageKind "paragraph", a text ' +
          'without pages: "alinea 212"), whether the document is another source than the ' +
          'one the question names (otherSource), and start/end offsets into the clean document text. `evidence` gives ' +
          'the expected answer type, the weighted focus terms, the abstention signals and the confidence. When the ' +
          'evidence is too thin: answered=false with "Hierover staat niets in het archief." and the closest passages; when the ' +
          'question names a source in a year the archive does not hold it ("DS\'70 in 1986"), `note` says which years it ' +
          'does hold and evidence.missingSource gives them; when no quote about what a "hoeveel" question asks holds a ' +
          'number, `note` says so ("… noemen daarover geen aantal.").',
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
