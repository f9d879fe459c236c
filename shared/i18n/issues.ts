/**
 * A zod issue as a catalogue message. The schemas (shared/api/schemas.ts, shared/blocks/attrs.ts)
 * word their checks as catalogue keys; the limit of a `min`/`max` check comes from the issue as
 * `count` (so "Maximaal 1 teken" / "Maximaal 120 tekens" picks its plural form). An issue that
 * still carries zod's own English text gets a message of ours by its kind.
 */
import type { z } from 'zod';
import { isMessageKey, translate, type Language, type MessageKey, type MessageParams } from './translate';

export interface KeyedMessage {
  key: MessageKey;
  params?: MessageParams;
}

type Issue = z.core.$ZodIssue;

function limitParams(issue: Issue): MessageParams {
  if (issue.code === 'too_big') return { count: Number(issue.maximum), max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { count: Number(issue.minimum), min: Number(issue.minimum) };
  return {};
}

export function issueMessage(issue: Issue): KeyedMessage {
  const params = limitParams(issue);
  if (isMessageKey(issue.message)) return { key: issue.message, params };
  if (issue.code === 'too_big') return { key: 'validation.tooBig', params };
  if (issue.code === 'too_small') return { key: 'validation.tooSmall', params };
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { key: 'validation.required' };
  return { key: 'validation.invalid' };
}

/** Field path -> its first issue's message ('_' for the object itself). */
export function issueMessages(error: z.ZodError): Record<string, KeyedMessage> {
  const fields: Record<string, KeyedMessage> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issueMessage(issue);
  }
  return fields;
}

/** A stored issue text in words of `lang`: a key is translated, anything else (older text) shown as it is. */
export function wordIssue(lang: Language, message: string): string {
  return isMessageKey(message) ? translate(lang, message) : message;
}
