import { afterEach, expect, test } from 'vitest';
import { createVersionReq, createWorkspaceReq, createInviteReq } from '../shared/api/schemas';
import { validate } from './forms';
import { setCurrentLanguage } from './i18n/currentLanguage';

afterEach(() => setCurrentLanguage('nl'));

const fieldsOf = (result: ReturnType<typeof validate>) => (result.ok ? {} : result.fields);

test('form checks speak the interface language, limits and plurals included', () => {
  setCurrentLanguage('en');
  expect(fieldsOf(validate(createWorkspaceReq, { name: ' ' }))).toEqual({ name: 'Enter a name.' });
  expect(fieldsOf(validate(createVersionReq, { label: 'x'.repeat(201) }))).toEqual({ label: 'At most 200 characters.' });
  setCurrentLanguage('nl');
  expect(fieldsOf(validate(createWorkspaceReq, { name: ' ' }))).toEqual({ name: 'Vul een naam in.' });
  expect(fieldsOf(validate(createVersionReq, { label: 'x'.repeat(201) }))).toEqual({ label: 'Maximaal 200 tekens.' });
});

test("a check without a message of its own gets ours instead of zod's English", () => {
  setCurrentLanguage('nl');
  const fields = fieldsOf(validate(createInviteReq, { role: 'editor', partyId: 'p1', expiresInDays: 91 }));
  expect(fields).toEqual({ expiresInDays: 'Hoogstens 90.' });
});
