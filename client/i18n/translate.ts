import { defaultLanguage, fillPlaceholders, languages, type Language, type MessageParams } from '../../shared/i18n/messages';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { Language, MessageKey, MessageParams };
export { defaultLanguage, languages };

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };

/** Looks up `key` in the dictionary of `lang` and fills `{name}` placeholders from `params`. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(dictionaries[lang][key] ?? nl[key] ?? key, params);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** BCP 47 locale used for dates and numbers. */
export function localeOf(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}
