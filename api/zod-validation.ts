// Fastify validates with zod: routes declare a JSON Schema (generated from the zod schema, for OpenAPI)
// and the validator compiler finds the zod schema behind it, so there is one source of truth.
import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { ArchiveError } from '../lib/errors.ts';

const zodOf = new WeakMap<object, z.ZodType>();

/** The OpenAPI form of a zod schema, remembered so the validator can use the zod original. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
  zodOf.set(json, schema);
  return json;
}

/** A 400 that names the first offending field and what is wrong with it. */
export class ValidationError extends ArchiveError {
  readonly field: string;
  constructor(part: string, issue: z.core.$ZodIssue) {
    const field = issue.path.length > 0 ? issue.path.join('.') : part;
    super('ERR_BAD_REQUEST', `${field}: ${issue.message}`, field);
    this.field = field;
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const zod = zodOf.get(schema as object);
  if (!zod) throw new Error(`route schema for ${httpPart} was not made with jsonSchema()`);
  const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
  return (data: unknown) => {
    const result = zod.safeParse(data);
    return result.success ? { value: result.data } : { error: new ValidationError(part, result.error.issues[0]) };
  };
};
