/**
 * Issue 17 in Chromium, as a new person meets it: sign up, confirm the address with the link
 * from the mail, invite someone by mail (who joins through the mailed link), forget the
 * password and choose a new one through the mailed link. Mail goes to a real SMTP server the
 * test starts; the links are taken from the messages as they arrived.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { eventually } from '../helpers/providers';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { acceptInviteAsNewPerson, addParty, chooseMemberParty, createWorkspace, fillSignUp, newAccount, t } from './steps';

let inbox: SmtpInbox;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startTestServer({ CLIENT_DIR: builtClientDir(), SMTP_URL: inbox.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await inbox?.close();
});

/** The first link in the latest mail to `to` whose subject matches. */
async function linkFromMail(to: string, subject: RegExp): Promise<string> {
  await eventually(() => expect(inbox.to(to).some((m) => subject.test(m.subject))).toBe(true));
  const mail = inbox.to(to).filter((m) => subject.test(m.subject)).at(-1)!;
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  return link!;
}

test('sign up, confirm the address, invite by mail, and choose a new password through a mailed link', async ({ onTestFailed }) => {
  const owner = await newPerson(browser, 'owner');
  const guest = await newPerson(browser, 'guest');
  onTestFailed(() => console.error([...owner.problems, ...guest.problems].join('\n')));
  const anna = newAccount('Anna Gemeente');

  // Sign up: the account page says the address is not confirmed yet.
  await owner.page.goto(`${server.origin}/aanmelden`);
  await fillSignUp(owner.page, anna);
  await owner.page.getByRole('heading', { name: t('home.title'), level: 1 }).waitFor();
  await owner.page.getByRole('link', { name: anna.name }).click();
  await owner.page.getByRole('heading', { name: t('account.title'), level: 1 }).waitFor();
  await owner.page.getByText(t('account.emailUnverified')).waitFor();
  await screenshot(owner.page, 'account-unverified');

  // The link from the mail confirms it; the account page shows it at once.
  const verifyLink = await linkFromMail(anna.email, /Bevestig je e-mailadres/);
  expect(verifyLink.startsWith(`${server.origin}/e-mail-bevestigen/`)).toBe(true);
  await owner.page.goto(verifyLink);
  await owner.page.getByText(t('verify.done', { email: anna.email })).waitFor();
  await screenshot(owner.page, 'email-verified');
  await owner.page.getByRole('link', { name: t('verify.toAccount') }).click();
  await owner.page.getByText(t('account.emailVerified')).waitFor();
  // A new address asks for the password, and is unconfirmed until its own link is followed.
  const moved = newAccount('Anna Verhuisd').email;
  await owner.page.locator('input[name=email]').fill(moved);
  await owner.page.locator('input[name=currentPassword]').fill(anna.password);
  await owner.page.getByRole('button', { name: t('account.save') }).click();
  await owner.page.getByText(t('account.saved')).waitFor();
  await owner.page.getByText(t('account.emailUnverified')).waitFor();
  await screenshot(owner.page, 'account-address-changed');
  await owner.page.goto(await linkFromMail(moved, /Bevestig je e-mailadres/));
  await owner.page.getByText(t('verify.done', { email: moved })).waitFor();
  anna.email = moved;
  // The same link a second time says plainly that it no longer works.
  await guest.page.goto(verifyLink);
  await guest.page.getByRole('alert').waitFor();

  // Invite a partner by mail; the partner signs up through the mailed link and is in.
  await owner.page.goto(server.origin);
  await createWorkspace(owner.page, 'Buurtkamer 2027');
  await addParty(owner.page, 'Gemeente', 'municipality');
  await chooseMemberParty(owner.page, anna.name, 'Gemeente');
  const bram = newAccount('Bram Bewoner');
  const invites = owner.page.getByRole('region', { name: t('invites.title'), exact: true });
  await invites.getByLabel(t('invites.role'), { exact: true }).selectOption('editor');
  await invites.getByLabel(t('invites.email')).fill(bram.email);
  await invites.getByRole('button', { name: t('invites.createAndSend') }).click();
  await invites.getByText(t('invites.mailedTo', { email: bram.email })).waitFor();
  await invites.getByText(t('invites.sentTo', { email: bram.email })).waitFor();
  await screenshot(owner.page, 'invite-mailed');
  const inviteLink = await linkFromMail(bram.email, /Uitnodiging voor Buurtkamer 2027/);
  await acceptInviteAsNewPerson(guest.page, inviteLink, bram);
  await guest.page.getByRole('heading', { name: 'Buurtkamer 2027', level: 1 }).waitFor();

  // Forgot the password: ask for a link, choose a new password, sign in with it.
  await guest.page.getByRole('button', { name: t('header.signOut') }).click();
  await guest.page.getByRole('heading', { name: t('login.title'), level: 1 }).waitFor();
  await guest.page.getByRole('link', { name: t('login.forgot') }).click();
  await guest.page.getByLabel(t('account.email')).fill(bram.email);
  await guest.page.getByRole('button', { name: t('forgot.submit') }).click();
  await guest.page.getByText(t('forgot.sent', { email: bram.email })).waitFor();
  const resetLink = await linkFromMail(bram.email, /Nieuw wachtwoord/);
  await guest.page.goto(resetLink);
  await guest.page.locator('input[name=password]').fill('een-ander-lang-wachtwoord');
  await guest.page.getByRole('button', { name: t('reset.submit') }).click();
  await guest.page.getByText(t('reset.done')).waitFor();
  await guest.page.goto(`${server.origin}/inloggen`);
  const form = guest.page.locator('form', { has: guest.page.locator('input[name=password]') });
  await form.locator('input[name=email]').fill(bram.email);
  await form.locator('input[name=password]').fill('een-ander-lang-wachtwoord');
  await form.getByRole('button', { name: t('login.submit') }).click();
  await guest.page.getByRole('heading', { name: t('home.title'), level: 1 }).waitFor();
  // The reset link came to Bram's address: that confirmed it too.
  await guest.page.goto(`${server.origin}/account`);
  await guest.page.getByText(t('account.emailVerified')).waitFor();

  expect([...owner.problems, ...guest.problems].filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
});
