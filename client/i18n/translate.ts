/** The client's door to the shared catalogue (shared/i18n/translate.ts). */
export {
  defaultLanguage,
  isLanguage,
  isMessageKey,
  languages,
  localeOf,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from '../../shared/i18n/translate';
