/** Parses a JSON body with a zod schema into a typed value, or a 400 with field messages. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ValidationError } from '../errors';

export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses the query string with a zod schema, or a 400 with field messages. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ValidationError(fieldMessages(result.error));
  return result.data;
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError({ _: 'De inhoud is geen geldige JSON.' }, 'De inhoud is geen geldige JSON.');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new ValidationError(fieldMessages(result.error));
  return result.data;
}
