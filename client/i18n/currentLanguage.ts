/**
 * The interface language outside React: the API client sends it as `Accept-Language` (so the
 * server answers errors in it) and form checks word their messages in it. `I18nProvider` keeps
 * it in step with the language switch.
 */
import { defaultLanguage, type Language } from './translate';

let current: Language = defaultLanguage;

export function currentLanguage(): Language {
  return current;
}

export function setCurrentLanguage(lang: Language): void {
  current = lang;
}
