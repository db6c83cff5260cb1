// Reading lists: named collections of passages and answer sentences with their citations, notes and an order.
// Changing them needs the API key; reading one (and exporting it) needs only its id, so a link to a list can be
// handed to a colleague or a course group, who can read but not change it.
import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../archive/api.ts';
import { ArchiveError } from '../../lib/errors.ts';
import { keySecurity, requireApiKey } from '../auth.ts';
import { jsonSchema } from '../zod-validation.ts';
import { itemBody, itemParams, listBody, listParams, noteBody, orderBody, type ItemBody } from '../schemas.ts';
import { readingListMarkdown } from '../export/markdown.ts';
import { exportFileName } from '../export/citation.ts';

type ListParams = { Params: { id: string } };
type ItemParams = { Params: { id: string; itemId: number } };

const TAGS = ['leeslijsten'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerReadingLists(app: FastifyInstance, archive: Archive, apiKey: string | undefined): void {
  const lists = archive.readingLists;
  const write = { onRequest: requireApiKey(apiKey) };
  const security = keySecurity;
  const params = jsonSchema(listParams);
  const mustGet = (id: string) => {
    const list = lists.get(id);
    if (!list) throw new ArchiveError('ERR_LIST_NOT_FOUND', id);
    return list;
  };

  app.get('/api/reading-lists', { ...write, schema: { summary: 'Alle leeslijsten (namen en aantallen)', tags: TAGS, security } },
    async () => ({ lists: lists.list() }));

  app.post<{ Body: { name: string } }>('/api/reading-lists',
    { ...write, schema: { summary: 'Nieuwe leeslijst', tags: TAGS, security, body: jsonSchema(listBody) } },
    async (request, reply) => reply.status(201).send({ list: lists.create(request.body.name) }));

  app.get<ListParams>('/api/reading-lists/:id',
    { schema: { summary: 'Eén leeslijst met haar onderdelen (alleen lezen; de id is de deellink)', tags: TAGS, params } },
    async (request) => ({ list: mustGet(request.params.id) }));

  app.patch<ListParams & { Body: { name: string } }>('/api/reading-lists/:id',
    { ...write, schema: { summary: 'Leeslijst hernoemen', tags: TAGS, security, params, body: jsonSchema(listBody) } },
    async (request) => ({ list: lists.rename(request.params.id, request.body.name) }));

  app.delete<ListParams>('/api/reading-lists/:id',
    { ...write, schema: { summary: 'Leeslijst verwijderen', tags: TAGS, security, params } },
    async (request) => {
      if (!lists.remove(request.params.id)) throw new ArchiveError('ERR_LIST_NOT_FOUND', request.params.id);
      return { deleted: request.params.id };
    });

  app.post<ListParams & { Body: ItemBody }>('/api/reading-lists/:id/items',
    { ...write, schema: { summary: 'Passage of antwoordzin toevoegen, met bronvermelding', tags: TAGS, security, params, body: jsonSchema(itemBody) } },
    async (request, reply) => reply.status(201).send({ item: lists.addItem(request.params.id, request.body) }));

  const itemSchema = jsonSchema(itemParams);
  app.patch<ItemParams & { Body: { note: string } }>('/api/reading-lists/:id/items/:itemId',
    { ...write, schema: { summary: 'Notitie bij een onderdeel', tags: TAGS, security, params: itemSchema, body: jsonSchema(noteBody) } },
    async (request) => ({ item: lists.setNote(request.params.id, request.params.itemId, request.body.note) }));

  app.delete<ItemParams>('/api/reading-lists/:id/items/:itemId',
    { ...write, schema: { summary: 'Onderdeel verwijderen', tags: TAGS, security, params: itemSchema } },
    async (request) => {
      lists.removeItem(request.params.id, request.params.itemId);
      return { deleted: request.params.itemId };
    });

  app.put<ListParams & { Body: { items: number[] } }>('/api/reading-lists/:id/order',
    { ...write, schema: { summary: 'Volgorde van de onderdelen', description: 'items: every item id of the list once, in the new order.', tags: TAGS, security, params, body: jsonSchema(orderBody) } },
    async (request) => ({ list: lists.reorder(request.params.id, request.body.items) }));

  app.get<ListParams>('/api/reading-lists/:id/export.md',
    { schema: { summary: 'Leeslijst als Markdown (bronnen als voetnoten)', tags: TAGS, params } },
    async (request, reply) => {
      const list = mustGet(request.params.id);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(list, 'md')}"`)
        .send(readingListMarkdown(list));
    });

  // The Word writer loads on first use: ~200 ms of module loading that a server which never exports need not pay.
  app.get<ListParams>('/api/reading-lists/:id/export.docx',
    { schema: { summary: 'Leeslijst als Word-document (bronnen als voetnoten)', tags: TAGS, params } },
    async (request, reply) => {
      const list = mustGet(request.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', `attachment; filename="${exportFileName(list, 'docx')}"`)
        .send(await (await import('../export/docx.ts')).readingListDocx(list));
    });
}
