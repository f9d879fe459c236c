import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { isMessageKey, languages, pluralSuffixes, translate } from './translate';

const catalogues = { nl, en } as const;
const pluralPattern = new RegExp(`_(${pluralSuffixes.join('|')})$`);

/** Base key -> the plural forms the catalogue gives it. */
function pluralForms(catalogue: Record<string, string>): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const key of Object.keys(catalogue)) {
    const match = pluralPattern.exec(key);
    if (!match) continue;
    const base = key.slice(0, match.index);
    forms.set(base, (forms.get(base) ?? new Set()).add(match[1]!));
  }
  return forms;
}

describe('catalogues', () => {
  it('English has every key Dutch has, and no other', () => {
    const missing = Object.keys(nl).filter((key) => !Object.hasOwn(en, key));
    const extra = Object.keys(en).filter((key) => !Object.hasOwn(nl, key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('give every plural message each form the language needs', () => {
    for (const lang of languages) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [base, forms] of pluralForms(catalogues[lang])) {
        expect([...forms].sort(), `${lang} ${base}`).toEqual([...needed].sort());
        expect(Object.hasOwn(catalogues[lang], base), `${lang} ${base} also without a plural form`).toBe(false);
        for (const form of forms) expect(catalogues[lang][`${base}_${form}` as keyof typeof nl], `${lang} ${base}_${form}`).toContain('{count}');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('leave no empty or untranslated-looking English messages', () => {
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });
});

describe('translate', () => {
  it('speaks Dutch and English and fills placeholders', () => {
    expect(translate('nl', 'header.signedInAs', { name: 'Fatima' })).toBe('Ingelogd als Fatima');
    expect(translate('en', 'header.signedInAs', { name: 'Fatima' })).toBe('Signed in as Fatima');
  });

  it('leaves unknown placeholders visible', () => {
    expect(translate('nl', 'header.signedInAs')).toBe('Ingelogd als {name}');
  });

  it('puts values in as they are: no HTML escaping, no second round of placeholders', () => {
    expect(translate('en', 'header.signedInAs', { name: '<b>{count}</b> & Co' })).toBe('Signed in as <b>{count}</b> & Co');
  });

  it('chooses plural forms by count', () => {
    expect(translate('nl', 'reflection.upcoming', { count: 1 })).toBe('Over 1 dag');
    expect(translate('nl', 'reflection.upcoming', { count: 2 })).toBe('Over 2 dagen');
    expect(translate('en', 'reflection.upcoming', { count: 1 })).toBe('In 1 day');
    expect(translate('en', 'reflection.upcoming', { count: 14 })).toBe('In 14 days');
    expect(translate('nl', 'criteria.unweighted', { count: 1 })).toBe('1 gunningscriterium heeft nog geen weging.');
    expect(translate('nl', 'criteria.unweighted', { count: 3 })).toBe('3 gunningscriteria hebben nog geen weging.');
    expect(translate('en', 'parties.members', { count: 1 })).toBe('1 member');
    expect(translate('nl', 'parties.members', { count: 0 })).toBe('0 deelnemers');
    expect(translate('nl', 'error.tooMany', { count: 1 })).toBe('Te veel pogingen. Probeer het over 1 seconde opnieuw.');
  });

  it('knows its keys, plural ones by their base', () => {
    expect(isMessageKey('reflection.upcoming')).toBe(true);
    expect(isMessageKey('header.signOut')).toBe(true);
    expect(isMessageKey('Vul een naam in.')).toBe(false);
  });
});
