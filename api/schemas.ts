// Everything that enters through the API, described once with zod: validation and OpenAPI come from here.
import { z } from 'zod';
import { apiDefaults, rankingDefaults, readingListDefaults } from '../lib/config.ts';

/** Document ids are derived from file names: URL-safe, no path separators. */
export const documentId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/, 'not a document id (letters, digits, "_", "-", "." only)');

const year = z.number().int().min(1800).max(2100);

export const filters = z
  .strictObject({
    documents: z.array(documentId).min(1).max(apiDefaults.maxFilterDocuments).optional(),
    organisation: z.string().trim().min(1).max(200).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
  })
  .refine((f) => f.yearFrom === undefined || f.yearTo === undefined || f.yearFrom <= f.yearTo, {
    message: 'yearFrom must not be after yearTo',
    path: ['yearFrom'],
  });

const text = (what: string) =>
  z.string().trim().min(1, `${what} is empty`).max(apiDefaults.maxQueryChars, `${what} is longer than ${apiDefaults.maxQueryChars} characters`);

const k = z.number().int().min(1).max(rankingDefaults.maxK);

export const searchBody = z.strictObject({
  query: text('query'),
  mode: z.enum(['lexical', 'dense', 'hybrid']).optional(),
  k: k.optional(),
  filters: filters.optional(),
});

export const askBody = z.strictObject({
  question: text('question'),
  k: k.optional(),
  filters: filters.optional(),
});

export const documentParams = z.strictObject({ id: documentId });

export const pageParams = z.strictObject({
  id: documentId,
  n: z.coerce.number().int().min(1).max(100_000),
});

export type SearchBody = z.infer<typeof searchBody>;
export type AskBody = z.infer<typeof askBody>;

// ---- reading lists ----------------------------------------------------------------------------------
const rl = readingListDefaults;

/** Reading-list ids are 128 random bits in base64url (store/reading-lists.ts): the share link's secret. */
export const listParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a reading-list id') });
export const itemParams = z.strictObject({
  id: listParams.shape.id,
  itemId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

const listName = z.string().trim().min(1, 'name is empty').max(rl.maxNameChars, `name is longer than ${rl.maxNameChars} characters`);
export const listBody = z.strictObject({ name: listName });

const note = z.string().max(rl.maxNoteChars, `note is longer than ${rl.maxNoteChars} characters`);
const page = z.number().int().min(1).max(100_000);
const offset = z.number().int().min(0);

/** An item's citation, as the page has it from a search hit or an answer citation. */
const itemSource = z
  .strictObject({
    docId: documentId,
    title: z.string().trim().min(1).max(1000),
    organisation: z.string().max(200).nullable().default(null),
    year: year.nullable().default(null),
    pageFirst: page,
    pageLast: page,
    place: z.string().trim().min(1).max(300).optional(),
    start: offset,
    end: offset,
    quote: z.string().min(1).max(rl.maxTextChars),
    fileName: z.string().max(300).nullable().optional(),
    headingPath: z.array(z.string().max(500)).max(20).optional(),
  })
  .refine((s) => s.pageFirst <= s.pageLast && s.start < s.end, { message: 'pages and offsets must run forward', path: ['pageFirst'] });

export const itemBody = z.strictObject({
  kind: z.enum(['passage', 'answer']),
  text: z.string().trim().min(1, 'text is empty').max(rl.maxTextChars, `text is longer than ${rl.maxTextChars} characters`),
  question: z.string().trim().max(apiDefaults.maxQueryChars).nullable().optional(),
  note: note.optional(),
  source: itemSource,
});

export const noteBody = z.strictObject({ note });
export const orderBody = z.strictObject({ items: z.array(z.number().int().min(1)).max(rl.maxItems) });

export type ItemBody = z.infer<typeof itemBody>;
