import { expect, test } from 'vitest';
import { loadConfig } from '../config';

test('SIGNUP: open by default, invite, or a list of domains in lower case', () => {
  expect(loadConfig({}).signup).toEqual({ mode: 'open' });
  expect(loadConfig({ SIGNUP: 'open' }).signup).toEqual({ mode: 'open' });
  expect(loadConfig({ SIGNUP: 'invite' }).signup).toEqual({ mode: 'invite' });
  expect(loadConfig({ SIGNUP: 'domains:Zaanstad.nl, amsterdam.nl' }).signup).toEqual({ mode: 'domains', domains: ['zaanstad.nl', 'amsterdam.nl'] });
});

test('an invalid SIGNUP stops the start, naming what is wrong', () => {
  for (const bad of ['closed', 'Invite', 'domains:', 'domains:,', 'domains:zaanstad', 'domains:*.zaanstad.nl', 'domains:@zaanstad.nl', 'domains:zaanstad.nl.', 'domains:-zaanstad.nl']) {
    expect(() => loadConfig({ SIGNUP: bad }), bad).toThrow(/SIGNUP/);
  }
});

test('OIDC_*: off without them, all three or none, https unless on this machine', () => {
  expect(loadConfig({}).oidc).toBeNull();
  const three = { OIDC_ISSUER: 'https://login.zaanstad.nl/realms/medewerkers', OIDC_CLIENT_ID: 'werktafel', OIDC_CLIENT_SECRET: 'geheim' };
  expect(loadConfig(three).oidc).toEqual({ issuer: three.OIDC_ISSUER, clientId: 'werktafel', clientSecret: 'geheim', name: null, trustEmail: false });
  expect(loadConfig({ ...three, OIDC_TRUST_EMAIL: 'true' }).oidc?.trustEmail).toBe(true);
  expect(() => loadConfig({ ...three, OIDC_TRUST_EMAIL: 'ja' })).toThrow(/OIDC_TRUST_EMAIL/);
  expect(loadConfig({ ...three, OIDC_NAME: 'Gemeente Zaanstad' }).oidc?.name).toBe('Gemeente Zaanstad');
  expect(() => loadConfig({ ...three, OIDC_CLIENT_SECRET: '' })).toThrow(/all three/);
  expect(() => loadConfig({ OIDC_ISSUER: three.OIDC_ISSUER })).toThrow(/all three/);
  expect(() => loadConfig({ ...three, OIDC_ISSUER: 'http://login.zaanstad.nl' })).toThrow(/https/);
  expect(() => loadConfig({ ...three, OIDC_ISSUER: 'geen url' })).toThrow(/URL/);
  expect(loadConfig({ ...three, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer).toBe('http://127.0.0.1:8080');
});
