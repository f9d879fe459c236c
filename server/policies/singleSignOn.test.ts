import { expect, test } from 'vitest';
import type { UserRow } from '../storage/rows';
import { decideSsoSignIn } from './singleSignOn';

const account = (changes: Partial<UserRow> = {}): UserRow => ({
  id: 'u1',
  email: 'anna@zaanstad.nl',
  name: 'Anna',
  password_hash: '$argon2id$…',
  created_at: 0,
  deleted_at: null,
  email_verified_at: 1,
  workspace_mails: 1,
  language: 'nl',
  guest: 0,
  ...changes,
});
const verified = { email: 'anna@zaanstad.nl', emailVerified: true };

test('a linked identity opens its account, unless that account was deleted', () => {
  const linked = account();
  expect(decideSsoSignIn(linked, undefined, verified)).toEqual({ kind: 'signIn', user: linked });
  // The address no longer matters once linked: the provider's account is the key.
  expect(decideSsoSignIn(linked, undefined, { email: null, emailVerified: false })).toEqual({ kind: 'signIn', user: linked });
  expect(decideSsoSignIn(account({ deleted_at: 5 }), undefined, verified)).toEqual({ kind: 'refuse', reason: 'deleted' });
});

test('an existing account is linked only when both sides verified the address', () => {
  const existing = account();
  expect(decideSsoSignIn(undefined, existing, verified)).toEqual({ kind: 'link', user: existing });
  expect(decideSsoSignIn(undefined, existing, { ...verified, emailVerified: false })).toEqual({ kind: 'refuse', reason: 'unverified' });
  expect(decideSsoSignIn(undefined, account({ email_verified_at: null }), verified)).toEqual({ kind: 'refuse', reason: 'not_linkable' });
  expect(decideSsoSignIn(undefined, account({ email_verified_at: null }), { ...verified, emailVerified: false })).toEqual({ kind: 'refuse', reason: 'unverified' });
});

test('a new address makes a new account; no address at all is refused', () => {
  expect(decideSsoSignIn(undefined, undefined, verified)).toEqual({ kind: 'create' });
  expect(decideSsoSignIn(undefined, undefined, { email: 'nieuw@zaanstad.nl', emailVerified: false })).toEqual({ kind: 'refuse', reason: 'unverified_new' });
  expect(decideSsoSignIn(undefined, undefined, { email: null, emailVerified: true })).toEqual({ kind: 'refuse', reason: 'no_email' });
});

test('an address counts as verified only when the provider says exactly true, or the administrator trusts the provider', async () => {
  const { readProfile } = await import('../auth/oidc/accountForIdentity');
  expect(readProfile({ email: 'anna@zaanstad.nl', email_verified: true }).emailVerified).toBe(true);
  expect(readProfile({ email: 'anna@zaanstad.nl', email_verified: 'true' }).emailVerified).toBe(false);
  expect(readProfile({ email: 'anna@zaanstad.nl' }).emailVerified).toBe(false);
  expect(readProfile({ email: 'anna@zaanstad.nl' }, true).emailVerified).toBe(true);
  // Trust needs an address to trust.
  expect(readProfile({ email: 'geen adres' }, true).emailVerified).toBe(false);
});
