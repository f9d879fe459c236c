/**
 * Single sign-on in Chromium: the sign-in page offers "Inloggen met <name>", the button goes to
 * the OpenID provider (oidc-provider, started here), its form signs the person in and the
 * browser lands signed in on the page it came for. A refused sign-in is explained on the
 * sign-in page. And with SIGNUP=invite, a person signs up from an invite link in the browser:
 * the invite page passes its token along with the sign-up.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords';
import { ApiClient } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { providerSettings, startOidcProvider, type TestProvider } from '../helpers/oidcProvider';
import { getFreePort } from '../helpers/ports';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { acceptInviteAsNewPerson, newAccount, t } from './steps';

let server: TestServer;
let provider: TestProvider;
let browser: Browser;

beforeAll(async () => {
  const settings = providerSettings(await getFreePort());
  server = await startTestServer({ ...settings.env, OIDC_NAME: 'Gemeente Zaanstad', SIGNUP: 'invite', CLIENT_DIR: builtClientDir() });
  provider = await startOidcProvider(settings, [`${server.origin}/api/auth/oidc/callback`]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

test('the sign-in button leads through the provider and back, signed in, to the page asked for', async ({ onTestFailed }) => {
  provider.accounts.set('j.jansen', { sub: 'j.jansen', email: `j.jansen.${process.pid}@zaanstad.nl`, email_verified: true, name: 'Joke Jansen' });
  const person = await newPerson(browser, 'sso');
  onTestFailed(() => console.error(person.problems.join('\n')));
  const { page } = person;

  await page.goto(`${server.origin}/account`);
  await page.waitForURL(/\/inloggen\?next=%2Faccount$/);
  const button = page.getByRole('link', { name: t('sso.button', { name: 'Gemeente Zaanstad' }) });
  await button.waitFor();
  await screenshot(page, 'sso-sign-in-page');
  await button.click();

  await page.getByRole('heading', { name: 'Inloggen bij de testprovider' }).waitFor();
  await page.getByLabel('Account').fill('j.jansen');
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  await page.waitForURL(`${server.origin}/account`);
  await page.getByRole('heading', { name: t('account.title'), level: 1 }).waitFor();
  await page.getByText(t('header.signedInAs', { name: 'Joke Jansen' })).waitFor();
  // No password to change or to type for deletion: the page says how it works instead.
  await page.getByText(t('account.noPassword')).waitFor();
  // Failed loads are expected on the way (401 from /api/me before signing in, the provider's favicon).
  expect(person.problems.filter((p) => p.includes('pageerror'))).toEqual([]);
  await person.context.close();
});

test('a refused sign-in is explained on the sign-in page', async () => {
  const person = await newPerson(browser, 'refused');
  await person.page.goto(`${server.origin}/inloggen?sso_error=not_linkable`);
  await person.page.getByText(t('sso.error.not_linkable')).waitFor();
  await person.page.goto(`${server.origin}/inloggen?sso_error=onzin`);
  await person.page.getByRole('heading', { name: t('login.title'), level: 1 }).waitFor();
  expect(await person.page.locator('.notice--error').count()).toBe(0);
  await person.context.close();
});

test('with SIGNUP=invite the sign-up page says so, and an invite link lets a new person sign up and join', async () => {
  const owner = await server.repos.users.create({ email: `eigenaar.${process.pid}@zaanstad.nl`, name: 'Eigenaar', passwordHash: await hashPassword('een-lang-wachtwoord') });
  const workspace = await server.repos.workspaces.create('Dagbesteding 2027', owner!.id);
  const party = await server.repos.parties.create({ workspace_id: workspace.id, name: 'Bewoners', kind: 'residents', color: '#2b6cb0' });
  const api = new ApiClient(server.origin);
  await api.post('/api/auth/login', { email: owner!.email, password: 'een-lang-wachtwoord' });
  const invite = await api.post(`/api/workspaces/${workspace.id}/invites`, { role: 'editor', partyId: party.id });

  const person = await newPerson(browser, 'invited');
  await person.page.goto(`${server.origin}/aanmelden`);
  await person.page.getByText(t('signup.inviteOnly')).waitFor();
  expect(await person.page.locator('input[name=password]').count()).toBe(0);

  await acceptInviteAsNewPerson(person.page, invite.body.url as string, newAccount('Nieuwe Bewoner'));
  expect(person.page.url()).toBe(`${server.origin}/w/${workspace.id}`);
  await person.context.close();
});
