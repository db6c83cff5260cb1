// Everything that enters through the API, described once with zod: validation and OpenAPI come from here.
import { z } from 'zod';
import { rankingDefaults } from '../lib/config.ts';
import { apiDefaults } from '../lib/config.ts';

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
