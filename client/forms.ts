/** Form helpers: client-side checks with the shared zod schemas, and reading API errors. */
import type { z } from 'zod';
import { issueMessage } from '../shared/i18n/issues';
import { currentLanguage } from './i18n/currentLanguage';
import { translate } from './i18n/translate';
import { isApiError } from './api';
import type { TFunction } from './i18n/I18n';

/** Field name -> message. The key `_form` holds a message that belongs to no single field. */
export type FieldErrors = Record<string, string>;

export type Validation<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; fields: FieldErrors };

/**
 * Checks `values` with the same schema the server uses, so the person sees the message next
 * to the field before a round trip, in the interface language (the schemas word their checks
 * as catalogue keys). `overrides` replaces the message of a field with a sentence of the form's own.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  overrides: Record<string, string> = {},
): Validation<S> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '_form';
    if (field in fields) continue;
    const { key, params } = issueMessage(issue);
    fields[field] = overrides[field] ?? translate(currentLanguage(), key, params);
  }
  return { ok: false, fields };
}

/** Field messages from a 400 answer of the API. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return isApiError(error) && error.fields ? { ...error.fields } : {};
}

/** One sentence for the person, for any error thrown by the API client. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('error.generic');
  if (error.status === 0) return t('error.network');
  if (error.status === 429) return t('error.tooMany', { count: error.retryAfter ?? 60 });
  if (error.fields && Object.keys(error.fields).length > 0) return error.message || t('error.fixFields');
  if (error.message) return error.message;
  if (error.status === 404) return t('error.notFound');
  if (error.status === 403) return t('error.forbidden');
  return t('error.generic');
}
