/**
 * The one way werktafel turns a message key into words, on the client and the server alike: an
 * i18next instance over the Dutch and English catalogues. i18next brings the plural rules
 * (`key_one` / `key_other`, chosen by `count` through `Intl.PluralRules`) and the fallback to
 * Dutch; interpolation is set to the catalogues' `{name}` placeholders.
 */
import i18next from 'i18next';
import { defaultLanguage, languages, type Language, type MessageParams } from './messages';
import { en } from './en';
import { nl, type CatalogueKey } from './nl';

export type { CatalogueKey, Language, MessageParams };
export { defaultLanguage, languages };

/** The plural categories of `Intl.PluralRules`; a catalogue key may end in one of them. */
export const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralSuffix = (typeof pluralSuffixes)[number];
type WithoutPlural<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A key as code passes it: a plural message by its base key ('reflection.upcoming'), with `count`. */
export type MessageKey = WithoutPlural<CatalogueKey>;

const instance = i18next.createInstance();
void instance.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  // Keys are flat strings with dots in them, never paths into nested objects.
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  interpolation: {
    prefix: '{',
    suffix: '}',
    // React escapes what it renders; exports and mails escape for their own formats.
    escapeValue: false,
  },
  // A placeholder without a value stays visible instead of vanishing from the sentence.
  missingInterpolationHandler: (_text: string, match: RegExpExecArray) => match[0],
});

/** Looks up `key` in the catalogue of `lang` (Dutch where English lacks it) and fills `{name}` placeholders. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  return instance.t(key, { ...params, lng: lang });
}

const baseKeys: ReadonlySet<string> = new Set(Object.keys(nl).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));

/** Whether `value` is a key of the catalogue: the zod schemas word their checks as keys. */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && baseKeys.has(value);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** BCP 47 locale used for dates and numbers. */
export function localeOf(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}
