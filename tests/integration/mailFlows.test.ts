/**
 * Issue 17, e-mail, against a real SMTP server the test starts (smtp-server) with every message
 * read back (mailparser): address verification at sign-up and after a change, invites sent to an
 * address, requests to adopt a version, and reminders the day before a reflection moment or an
 * action's due date. Each is attacked from outside (another person's cookie, reused and made-up
 * links, unverified addresses) and the database is read afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { ApiClient, addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { blockElement } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { linkToken, type ReceivedMail, startServerWithInbox, type SmtpInbox } from '../helpers/smtpInbox';
import type { TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let inbox: SmtpInbox;
let server: TestServer;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ server, inbox, stop } = await startServerWithInbox());
});
afterAll(async () => stop?.());

const verificationMails = (to: string) => inbox.to(to).filter((m) => /Bevestig|Confirm/.test(m.subject));

/** Waits for the `n`-th mail to `to` whose subject matches, and returns it. */
async function nthMail(to: string, subject: RegExp, n = 1): Promise<ReceivedMail> {
  await eventually(() => expect(inbox.to(to).filter((m) => subject.test(m.subject)).length).toBeGreaterThanOrEqual(n));
  return inbox.to(to).filter((m) => subject.test(m.subject))[n - 1]!;
}

/** Follows the verification link of the person's latest verification mail. */
async function verify(person: { email: string }): Promise<void> {
  await eventually(() => expect(verificationMails(person.email).length).toBeGreaterThan(0));
  const token = linkToken(verificationMails(person.email).at(-1)!.text, 'e-mail-bevestigen')!;
  const res = await new ApiClient(server.origin).post(`/api/auth/verify-email/${token}`);
  expect(res.status).toBe(200);
}

const verifiedAt = (userId: string) =>
  (sqlGet(server, 'SELECT email_verified_at FROM users WHERE id = ?', userId) as { email_verified_at: number | null }).email_verified_at;

describe('address verification', () => {
  test('signing up sends a link that verifies the address once; a made-up or reused link does nothing', async () => {
    const person = await signUp(server.origin, 'Nieuweling');
    expect((await person.get('/api/me')).body).toMatchObject({ emailVerified: false, language: 'nl' });
    const mail = await nthMail(person.email, /Bevestig je e-mailadres/);
    expect(mail.text).toContain('Hallo Nieuweling');
    const token = linkToken(mail.text, 'e-mail-bevestigen')!;
    expect(mail.text).toContain(`${server.origin}/e-mail-bevestigen/${token}`);

    expect((await new ApiClient(server.origin).post('/api/auth/verify-email/verzonnen0123456789abcdef')).status).toBe(410);
    expect(verifiedAt(person.userId)).toBeNull();

    // Another device, not signed in: the link is enough.
    const followed = await new ApiClient(server.origin).post(`/api/auth/verify-email/${token}`);
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual({ email: person.email, emailVerified: true });
    expect((await person.get('/api/me')).body.emailVerified).toBe(true);
    expect(verifiedAt(person.userId)).toBeGreaterThan(0);

    const again = await new ApiClient(server.origin).post(`/api/auth/verify-email/${token}`);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('verify_link_invalid');
    // Nothing more to verify: asking for a new link is a conflict, not a mail.
    expect((await person.post('/api/me/email-verification')).status).toBe(409);
  });

  test('signing up in English gets the mail in English; the stored language follows the account', async () => {
    const client = new ApiClient(server.origin);
    const email = `english-${Date.now()}@example.nl`;
    const created = await client.post('/api/auth/signup', { email, name: 'Visitor', password: 'een-lang-wachtwoord', language: 'en' });
    expect(created.status).toBe(201);
    expect(created.body.language).toBe('en');
    const mail = await nthMail(email, /Confirm your e-mail address/);
    expect(mail.text).toContain('Hello Visitor');
    expect((await client.post('/api/auth/signup', { email: `x-${email}`, name: 'X', password: 'een-lang-wachtwoord', language: 'de' })).body.error.fields.language).toBeTruthy();
  });

  test('a changed address is unverified until its own link is followed; the old address is told; old links stop working', async () => {
    const person = await signUp(server.origin, 'Verhuizer');
    const oldLink = linkToken((await nthMail(person.email, /Bevestig/)).text, 'e-mail-bevestigen')!;
    await verify(person);
    // A reset link sent to the old address…
    expect((await new ApiClient(server.origin).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    const resetToken = linkToken((await nthMail(person.email, /Nieuw wachtwoord/)).text, 'wachtwoord-herstellen')!;

    const newEmail = `nieuw-${person.email}`;
    const changed = await person.patch('/api/me', { email: newEmail, currentPassword: 'een-lang-wachtwoord' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: newEmail, emailVerified: false });
    expect(verifiedAt(person.userId)).toBeNull();

    const notice = await nthMail(person.email, /gewijzigd/);
    expect(notice.text).toContain(newEmail);
    const newLink = linkToken((await nthMail(newEmail, /Bevestig/)).text, 'e-mail-bevestigen')!;

    // …is no key to the account once the address changed, and neither is the old verification link.
    expect((await new ApiClient(server.origin).post(`/api/auth/password-reset/${resetToken}`, { password: 'overgenomen-wachtwoord' })).status).toBe(410);
    expect((await new ApiClient(server.origin).post(`/api/auth/verify-email/${oldLink}`)).status).toBe(410);
    expect(verifiedAt(person.userId)).toBeNull();

    expect((await new ApiClient(server.origin).post(`/api/auth/verify-email/${newLink}`)).status).toBe(200);
    expect((await person.get('/api/me')).body).toMatchObject({ email: newEmail, emailVerified: true });
    // The same address again keeps its verification.
    expect((await person.patch('/api/me', { email: newEmail, name: 'Verhuisd' })).body.emailVerified).toBe(true);
  });

  test('a new link can be asked for, only the newest works, a few per minute, and only by the person themselves', async () => {
    const person = await signUp(server.origin, 'Kwijtraker');
    const first = linkToken((await nthMail(person.email, /Bevestig/)).text, 'e-mail-bevestigen')!;
    expect((await new ApiClient(server.origin).post('/api/me/email-verification')).status).toBe(401);
    const asked = await person.post('/api/me/email-verification');
    expect(asked.status).toBe(202);
    const second = linkToken((await nthMail(person.email, /Bevestig/, 2)).text, 'e-mail-bevestigen')!;
    expect(second).not.toBe(first);
    expect((await new ApiClient(server.origin).post(`/api/auth/verify-email/${first}`)).status).toBe(410);

    expect((await person.post('/api/me/email-verification')).status).toBe(202);
    expect((await person.post('/api/me/email-verification')).status).toBe(202);
    const limited = await person.post('/api/me/email-verification');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await eventually(() => expect(verificationMails(person.email)).toHaveLength(4));
  });

  test('a deleted account cannot be verified with a link it was sent', async () => {
    const person = await signUp(server.origin, 'Vertrekker');
    const token = linkToken((await nthMail(person.email, /Bevestig/)).text, 'e-mail-bevestigen')!;
    expect((await person.request('DELETE', '/api/me', { password: 'een-lang-wachtwoord' })).status).toBe(204);
    expect((await new ApiClient(server.origin).post(`/api/auth/verify-email/${token}`)).status).toBe(410);
    expect(verifiedAt(person.userId)).toBeNull();
    expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM single_use_links WHERE user_id = ?', person.userId)).toEqual({ n: 0 });
  });
});

describe('invites by mail', () => {
  let workshop: Workshop;
  beforeAll(async () => {
    workshop = await buildWorkshop(server.origin);
  });

  test('an owner sends an invite to an address: the mail carries the link, which works, and the list shows where it went', async () => {
    const { owner, workspaceId, partyId } = workshop;
    const to = `genodigde-${Date.now()}@example.nl`;
    // Not before the inviter's own address is confirmed: werktafel mails in their name.
    const early = await owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'editor', partyId, email: to });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('verify_email_first');
    expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM invites WHERE email = ?', to)).toEqual({ n: 0 });
    await verify({ email: (await owner.get('/api/me')).body.email });
    const created = await owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'editor', partyId, email: to });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe(to);
    const mail = await nthMail(to, /Uitnodiging voor Dagactivering 2027/);
    expect(mail.text).toContain('Eigenaar nodigt je uit');
    expect(mail.text).toContain('namens Gemeente');
    expect(mail.text).toContain(created.body.url);
    const token = linkToken(mail.text, 'uitnodiging')!;
    expect(token).toBe(created.body.token);
    expect((await new ApiClient(server.origin).get(`/api/invites/${token}`)).status).toBe(200);

    const listed = await owner.get(`/api/workspaces/${workspaceId}`);
    expect(listed.body.invites.find((i: { id: string }) => i.id === created.body.id).email).toBe(to);
    // The audit log says it was mailed, not to whom.
    const audit = sqlGet(server, "SELECT detail FROM audit_log WHERE action = 'invite.create' AND detail LIKE ?", `%${created.body.id}%`) as { detail: string };
    expect(JSON.parse(audit.detail).mailed).toBe(true);
    expect(audit.detail).not.toContain(to);

    const english = await owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer', partyId, email: `en-${to}`, language: 'en' });
    expect(english.status).toBe(201);
    expect((await nthMail(`en-${to}`, /Invitation to Dagactivering 2027/)).text).toContain('on behalf of Gemeente');
  });

  test('an editor cannot send invites, a bad address is a field error, and neither sends a mail', async () => {
    const { workspaceId, partyId } = workshop;
    const editor = await addMember(workshop, server.origin, 'editor', 'Redacteur');
    const to = `niet-door-redacteur-${Date.now()}@example.nl`;
    expect((await editor.post(`/api/workspaces/${workspaceId}/invites`, { role: 'editor', partyId, email: to })).status).toBe(403);
    const bad = await workshop.owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'editor', partyId, email: 'geen-adres' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.email).toBeTruthy();
    const before = inbox.messages.length;
    // A mail that was going to be sent would have arrived by the time a later one did.
    const marker = `markering-${Date.now()}@example.nl`;
    await workshop.owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer', partyId, email: marker });
    await nthMail(marker, /Uitnodiging/);
    // (Verification mails of earlier sign-ups may still be arriving.)
    expect(inbox.messages.slice(before).filter((m) => /Uitnodiging/.test(m.subject)).map((m) => m.to)).toEqual([marker]);
    expect(inbox.to(to)).toEqual([]);
  });
});

test('mailed invites and address changes are limited per person: a burst, then 429', async () => {
  const workshop = await buildWorkshop(server.origin);
  const { owner, workspaceId, partyId } = workshop;
  await verify({ email: (await owner.get('/api/me')).body.email });
  const to = `veel-${Date.now()}@example.nl`;
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer', partyId, email: to })).status);
  expect(statuses.slice(0, 30).every((status) => status === 201)).toBe(true);
  expect(statuses[30]).toBe(429);
  // The link without a mail still works; so does changing one's name.
  expect((await owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer', partyId })).status).toBe(201);
  expect((await owner.patch('/api/me', { email: `ander-${to}`, currentPassword: 'een-lang-wachtwoord' })).status).toBe(429);
  expect((await owner.patch('/api/me', { name: 'Nog steeds' })).status).toBe(200);
  await eventually(() => expect(inbox.to(to)).toHaveLength(30));
});

describe('mails to members', () => {
  let workshop: Workshop;
  let residents: string;
  let resident: Awaited<ReturnType<typeof addMember>> & { email: string };
  let unverified: Awaited<ReturnType<typeof addMember>> & { email: string };
  let viewer: Awaited<ReturnType<typeof addMember>> & { email: string };
  let ownerEmail: string;

  beforeAll(async () => {
    workshop = await buildWorkshop(server.origin);
    const { owner, workspaceId } = workshop;
    ownerEmail = (await owner.get('/api/me')).body.email;
    await verify({ email: ownerEmail });
    residents = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
    resident = (await addMember(workshop, server.origin, 'editor', 'Bewoner')) as typeof resident;
    unverified = (await addMember(workshop, server.origin, 'editor', 'Onbevestigd')) as typeof unverified;
    viewer = (await addMember(workshop, server.origin, 'viewer', 'Meelezer')) as typeof viewer;
    for (const member of [resident, unverified, viewer]) await owner.patch(`/api/workspaces/${workspaceId}/members/${member.userId}`, { partyId: residents });
    await verify(resident);
    await verify(viewer);
  });

  test('asking parties to adopt a version mails each member with a verified address who may sign for an asked party', async () => {
    const { owner, documentId, partyId: municipality } = workshop;
    const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Plan ter vaststelling' })).body;
    const before = inbox.messages.length;
    const requested = await owner.post(`/api/documents/${documentId}/versions/${version.id}/adoption`, { partyIds: [residents, municipality] });
    expect(requested.status).toBe(201);
    const mail = await nthMail(resident.email, /Vaststellen gevraagd: Uitvraag/);
    expect(mail.text).toContain('Eigenaar vraagt Bewoners');
    expect(mail.text).toContain(`${server.origin}/d/${documentId}/versies/${version.id}`);
    // A mail sent after the request arrives after the request's mails would have.
    const marker = `markering-${Date.now()}@example.nl`;
    await owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'viewer', partyId: municipality, email: marker });
    await nthMail(marker, /Uitnodiging/);
    // Not the requester, not a viewer (cannot sign), not an unverified address.
    expect(inbox.messages.slice(before).filter((m) => /Vaststellen/.test(m.subject)).map((m) => m.to)).toEqual([resident.email]);
  });

  test('reminders go out the day before, once per person, from the configured hour, to whom the block concerns', async () => {
    const { owner, workspaceId } = workshop;
    const doc = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Plan van aanpak', template: 'blank' })).body;
    const client = connectProvider(doc.id, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(client.provider);
    const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
    fragment.insert(0, [
      blockElement('reflection', { id: 'terugblik', date: '2027-03-11', status: 'planned' }, 'Terugblik na het eerste kwartaal'),
      blockElement('reflection', { id: 'gehouden', date: '2027-03-11', status: 'held' }, 'Al gehouden'),
      blockElement('action', { id: 'ruimte', due: '2027-03-11', status: 'open', funding: 'unknown', ownerPartyId: residents }, 'Ruimte huren'),
      blockElement('action', { id: 'klaar', due: '2027-03-11', status: 'done', funding: 'unknown', ownerPartyId: residents }, 'Al klaar'),
      blockElement('action', { id: 'later', due: '2027-03-12', status: 'open', funding: 'unknown', ownerPartyId: residents }, 'Later'),
    ]);
    await eventually(async () => {
      const actions = await owner.get(`/api/workspaces/${workspaceId}/actions`);
      expect(actions.body.map((a: { blockId: string }) => a.blockId)).toEqual(expect.arrayContaining(['ruimte', 'klaar', 'later']));
    });

    // 10 March 2027, 07:30 in Amsterdam: before the hour (8 by default), nothing goes out.
    const early = Date.UTC(2027, 2, 10, 6, 30);
    expect(await server.reminders.runPass(early)).toBe(0);
    // 09:00 there: the reflection moment reminds every verified member, the party's action its party.
    const before = inbox.messages.length;
    const nine = Date.UTC(2027, 2, 10, 8, 0);
    expect(await server.reminders.runPass(nine)).toBe(5);
    // Reminders only: a verification mail of a sign-up above may still be arriving.
    const remindersSince = (from: number) => inbox.messages.slice(from).filter((m) => m.subject.startsWith('Morgen'));
    await eventually(() => expect(remindersSince(before)).toHaveLength(5));
    const sent = remindersSince(before);
    expect(sent.filter((m) => m.subject === 'Morgen reflectiemoment: Terugblik na het eerste kwartaal').map((m) => m.to).sort()).toEqual([ownerEmail, resident.email, viewer.email].sort());
    expect(sent.filter((m) => m.subject === 'Morgen klaar: Ruimte huren').map((m) => m.to).sort()).toEqual([resident.email, viewer.email].sort());
    expect(sent.find((m) => m.to === resident.email && /Ruimte/.test(m.subject))!.text).toContain('11 maart 2027');
    expect(sent.some((m) => m.to === unverified.email)).toBe(false);

    // Later the same day: nothing twice (the database holds what went out, so a restart is no different).
    expect(await server.reminders.runPass(nine + 3 * 3600_000)).toBe(0);

    // The owner moves the action to the 12th: reminded of again, the day before that.
    const ruimte = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.getAttribute('id') === 'ruimte')!;
    ruimte.setAttribute('due', '2027-03-12');
    await eventually(async () => {
      const actions = await owner.get(`/api/workspaces/${workspaceId}/actions`);
      expect(actions.body.find((a: { blockId: string }) => a.blockId === 'ruimte').due).toBe('2027-03-12');
    });
    const next = inbox.messages.length;
    expect(await server.reminders.runPass(Date.UTC(2027, 2, 11, 8, 0))).toBe(4);
    await eventually(() => expect(remindersSince(next)).toHaveLength(4));
    expect(remindersSince(next).map((m) => m.subject).sort()).toEqual(['Morgen klaar: Later', 'Morgen klaar: Later', 'Morgen klaar: Ruimte huren', 'Morgen klaar: Ruimte huren']);
    client.provider.destroy();
    const rows = sqlGet(server, 'SELECT COUNT(*) AS n FROM reminders_sent WHERE document_id = ?', doc.id) as { n: number };
    expect(rows.n).toBe(9);
  });

  test('a person who turned workspace mails off gets no reminders or adoption requests; the mails that do go say how to', async () => {
    const { owner, workspaceId } = workshop;
    const off = await viewer.patch('/api/me', { workspaceMails: false });
    expect(off.status).toBe(200);
    expect(off.body.workspaceMails).toBe(false);
    expect((await viewer.patch('/api/me', { workspaceMails: 'nee' })).body.error.fields.workspaceMails).toBeTruthy();
    expect(sqlGet(server, 'SELECT workspace_mails FROM users WHERE id = ?', viewer.userId)).toEqual({ workspace_mails: 0 });

    const doc = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Tweede plan', template: 'blank' })).body;
    const client = connectProvider(doc.id, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(client.provider);
    client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [blockElement('reflection', { id: 'halfjaar', date: '2027-09-02', status: 'planned' }, 'Halfjaarlijkse terugblik')]);
    await eventually(async () => {
      const reflections = await owner.get(`/api/workspaces/${workspaceId}/reflections`);
      expect(reflections.body.map((r: { blockId: string }) => r.blockId)).toContain('halfjaar');
    });
    client.provider.destroy();
    const before = inbox.messages.length;
    expect(await server.reminders.runPass(Date.UTC(2027, 8, 1, 9, 0))).toBe(2);
    await eventually(() => expect(inbox.messages.slice(before).filter((m) => m.subject.startsWith('Morgen'))).toHaveLength(2));
    const sent = inbox.messages.slice(before).filter((m) => m.subject.startsWith('Morgen'));
    expect(sent.map((m) => m.to).sort()).toEqual([ownerEmail, resident.email].sort());
    expect(sent[0]!.text).toContain(`Zet ze uit op ${server.origin}/account`);
  });

  test('an action whose owner cannot get mail reminds nobody else in their place', async () => {
    const { owner, workspaceId } = workshop;
    const doc = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Derde plan', template: 'blank' })).body;
    const client = connectProvider(doc.id, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(client.provider);
    client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [
      blockElement('action', { id: 'eigen', due: '2027-10-06', status: 'open', funding: 'unknown', ownerPartyId: residents, ownerUserId: unverified.userId }, 'Sleutel ophalen'),
    ]);
    await eventually(async () => {
      const actions = await owner.get(`/api/workspaces/${workspaceId}/actions`);
      expect(actions.body.find((a: { blockId: string }) => a.blockId === 'eigen')?.ownerUserName).toBe('Onbevestigd');
    });
    client.provider.destroy();
    // The owner's address is not verified: the party (resident, viewer) is not reminded instead.
    expect(await server.reminders.runPass(Date.UTC(2027, 9, 5, 9, 0))).toBe(0);
  });
});
