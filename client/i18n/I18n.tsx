import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  defaultLanguage,
  isLanguage,
  localeOf,
  translate,
  type Language,
  type MessageKey,
  type MessageParams,
} from './translate';
import { setCurrentLanguage } from './currentLanguage';

const storageKey = 'werktafel.lang';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: TFunction;
  /** Date (and optionally time) in the user's language. */
  formatDate: (iso: string, withTime?: boolean) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) {
      setCurrentLanguage(stored);
      return stored;
    }
  } catch {
    // Storage can be blocked; Dutch is the default anyway.
  }
  return defaultLanguage;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setCurrentLanguage(next);
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across visits; the switch still works for this page.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dateFormat = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' });
    const dateTimeFormat = new Intl.DateTimeFormat(localeOf(lang), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatDate: (iso, withTime = false) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return (withTime ? dateTimeFormat : dateFormat).format(date);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): TFunction {
  return useI18n().t;
}
