import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { translate } from './translate';

describe('dictionaries', () => {
  it('have the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });
});

describe('translate', () => {
  it('speaks Dutch and fills placeholders', () => {
    expect(translate('nl', 'header.signedInAs', { name: 'Fatima' })).toBe('Ingelogd als Fatima');
    expect(translate('en', 'header.signedInAs', { name: 'Fatima' })).toBe('Signed in as Fatima');
  });

  it('leaves unknown placeholders visible', () => {
    expect(translate('nl', 'header.signedInAs')).toBe('Ingelogd als {name}');
  });
});
