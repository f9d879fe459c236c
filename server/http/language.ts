/**
 * The language a request is answered in: what the client says it shows (our client sends its
 * interface language as `Accept-Language`), else the signed-in person's own language, else Dutch.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import type { ServerMessage } from '../errors';
import { defaultLanguage, isLanguage, translate, type Language, type MessageParams } from '../../shared/i18n/translate';

/** The first of our languages in an `Accept-Language` header, by its q-values; undefined for none. */
export function languageOfHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...options] = part.trim().split(';');
      const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find(Boolean);
      return { primary: range.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((range) => range.primary).find(isLanguage);
}

export function requestLanguage(c: Context<AppEnv>): Language {
  return languageOfHeader(c.req.header('accept-language')) ?? c.get('user')?.language ?? defaultLanguage;
}

/** A server message in words of `lang`; placeholders that are messages themselves are worded first. */
export function wordMessage(lang: Language, message: ServerMessage): string {
  if (typeof message === 'string') return translate(lang, message);
  if ('text' in message) return message.text;
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === 'object' ? wordMessage(lang, value) : value;
  }
  return translate(lang, message.key, params);
}
