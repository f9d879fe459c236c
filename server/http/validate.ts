/**
 * Parses a JSON body with a zod schema into a typed value, or a 400 with field messages (catalogue
 * keys, worded in the request's language by the error handler).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { issueMessages } from '../../shared/i18n/issues';
import { ValidationError } from '../errors';

/** Parses the query string with a zod schema, or a 400 with field messages. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ValidationError(issueMessages(result.error));
  return result.data;
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError({ _: 'error.badJson' }, 'error.badJson');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new ValidationError(issueMessages(result.error));
  return result.data;
}
