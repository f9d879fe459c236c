import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey };
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

/** Looks up `key` in the dictionary of `lang` and fills `{name}` placeholders from `params`. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[lang][key] ?? nl[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** BCP 47 locale used for dates and numbers. */
export function localeOf(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}
