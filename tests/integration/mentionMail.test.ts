/**
 * Issue 15: a comment that reaches someone (a mention of them or their party, a reply to their
 * thread) also mails them, against a real SMTP server (smtp-server, read back with mailparser):
 * in their language, with the mention tokens written as names and a link to the document; once
 * per person and comment, never to the writer, to someone who left or to someone who turned
 * workspace mails off. A mail server that hangs and then fails neither holds up nor fails the
 * comment, and its log line holds no word of it.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { type ReceivedMail, startServerWithInbox, type SmtpInbox } from '../helpers/smtpInbox';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet, sqlRun } from '../helpers/testSql';

type Member = ApiClient & { userId: string; email: string };

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

/** A paragraph to comment on, and the anchor of some of its words. */
async function commentableText(server: TestServer, workshop: Workshop, writer: Member): Promise<{ from: string; to: string }> {
  const client = pool.connect(workshop.documentId, { cookie: writer.cookie, origin: server.origin });
  await waitForSync(client.provider);
  appendParagraph(client.doc, 'Inschrijvers hebben drie jaar ervaring met maatschappelijk aanbesteden.');
  const anchor = rangeAnchor(paragraphText(client.doc, 0), 19, 37);
  // The server must hold the text before a thread can point into it.
  await eventually(async () => expect((await writer.post(`/api/documents/${workshop.documentId}/threads`, { anchor, body: 'Klopt dit?' })).status).toBe(201));
  return anchor;
}

const verifyAddress = (server: TestServer, member: { userId: string }) => sqlRun(server, 'UPDATE users SET email_verified_at = ? WHERE id = ?', Date.now(), member.userId);
const mention = (person: { userId: string }, name: string) => `@[${name}](user:${person.userId})`;

describe('mails about comments', () => {
  let server: TestServer;
  let inbox: SmtpInbox;
  let stop: () => Promise<void>;
  let workshop: Workshop;
  let owner: Member;
  let eddy: Member;
  let cora: Member;
  let anouk: Member;
  let bram: Member;
  let unverified: Member;
  let residents: string;
  let anchor: { from: string; to: string };

  beforeAll(async () => {
    ({ server, inbox, stop } = await startServerWithInbox());
    workshop = await buildWorkshop(server.origin);
    owner = workshop.owner as Member;
    owner.email = (await owner.get('/api/me')).body.email;
    eddy = (await addMember(workshop, server.origin, 'editor', 'Eddy')) as Member;
    cora = (await addMember(workshop, server.origin, 'commenter', 'Cora')) as Member;
    anouk = (await addMember(workshop, server.origin, 'commenter', 'Anouk')) as Member;
    bram = (await addMember(workshop, server.origin, 'viewer', 'Bram')) as Member;
    unverified = (await addMember(workshop, server.origin, 'viewer', 'Onbevestigd')) as Member;
    for (const member of [owner, eddy, cora, anouk, bram, unverified]) member.email = (await member.get('/api/me')).body.email;
    residents = (await owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
    for (const member of [anouk, bram, unverified]) await owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`, { partyId: residents });
    for (const member of [owner, eddy, cora, anouk, bram]) verifyAddress(server, member);
    expect((await eddy.patch('/api/me', { language: 'en' })).status).toBe(200);
    anchor = await commentableText(server, workshop, eddy);
  });
  afterAll(async () => stop?.());

  const threadsPath = () => `/api/documents/${workshop.documentId}/threads`;
  const commentMails = (to: string, since = 0) => inbox.messages.slice(since).filter((m) => m.to === to && /noemde|mentioned|reageerde|replied/.test(m.subject));
  async function mailTo(to: string, since: number): Promise<ReceivedMail> {
    await eventually(() => expect(commentMails(to, since).length).toBeGreaterThan(0));
    return commentMails(to, since)[0]!;
  }
  /** Mails sent after this one's cause have had time to arrive: a later mention of the owner. */
  async function afterMarker(): Promise<void> {
    const before = inbox.messages.length;
    expect((await cora.post(threadsPath(), { anchor, body: `Markering ${mention(owner, 'Eigenaar')}` })).status).toBe(201);
    await mailTo(owner.email, before);
  }

  test('a mention of a person mails them once, in their language, with the mention as a name and a link to the document', async () => {
    const before = inbox.messages.length;
    // Named twice, and through his party (Gemeente) as well: still one mail.
    const body = `${mention(eddy, 'Eddy')} kun jij dit nakijken?\nDank, ${mention(eddy, 'Eddy')} en @[Gemeente](party:${workshop.partyId})`;
    const res = await cora.post(threadsPath(), { anchor, body });
    expect(res.status).toBe(201);
    const mail = await mailTo(eddy.email, before);
    expect(mail.subject).toBe("Cora mentioned you in 'Uitvraag'");
    expect(mail.text).toContain('Hello Eddy');
    expect(mail.text).toContain('> @Eddy kun jij dit nakijken?\n> Dank, @Eddy en @Gemeente');
    expect(mail.text).not.toMatch(/user:|party:|@\[/);
    expect(mail.text).toContain(`${server.origin}/d/${workshop.documentId}\n`);
    expect(mail.text).toContain(`Turn them off at ${server.origin}/account`);

    await afterMarker();
    expect(commentMails(eddy.email, before)).toHaveLength(1);
    // The owner is in Gemeente too, and was mailed for this comment in Dutch, as a party.
    expect(commentMails(owner.email, before).map((m) => m.subject)).toContain("Cora noemde Gemeente in 'Uitvraag'");
    expect(commentMails(cora.email, before)).toEqual([]);

    // The inbox in the header still has it, unread.
    const notes = (await eddy.get('/api/me/notifications')).body;
    expect(notes.unread).toBeGreaterThan(0);
    expect(notes.notifications[0]).toMatchObject({ kind: 'mention', threadId: res.body.id, read: false });

    // Editing the comment names Eddy again: no second mail (one per person and comment).
    const edited = await cora.patch(`/api/comments/${res.body.id}`, { body: `${mention(eddy, 'Eddy')} graag voor vrijdag` });
    expect(edited.status).toBe(200);
    await afterMarker();
    expect(commentMails(eddy.email, before)).toHaveLength(1);
  });

  test('a party mention mails each member of the party who may read the document and takes mail; not the writer', async () => {
    const before = inbox.messages.length;
    // The name in the mention is the writer's; the mail says the party's own name.
    const res = await anouk.post(threadsPath(), { anchor, body: `@[Wachtwoord herstellen op evil.example](party:${residents}) wat vinden jullie?` });
    expect(res.status).toBe(201);
    const mail = await mailTo(bram.email, before);
    expect(mail.subject).toBe("Anouk noemde Bewoners in 'Uitvraag'");
    expect(mail.text).toContain('Hallo Bram');
    expect(mail.text).toContain('> @Bewoners wat vinden jullie?');
    expect(`${mail.subject}\n${mail.text}`).not.toContain('evil.example');
    expect(mail.text).toContain(`${server.origin}/d/${workshop.documentId}`);
    await afterMarker();
    expect(commentMails(bram.email, before)).toHaveLength(1);
    expect(commentMails(anouk.email, before)).toEqual([]);
    // An address nobody confirmed gets nothing; the inbox tells that person all the same.
    expect(commentMails(unverified.email, before)).toEqual([]);
    expect((await unverified.get('/api/me/notifications')).body.unread).toBe(1);
  });

  test("a reply mails the thread's author; not one who left the workspace", async () => {
    const thread = (await cora.post(threadsPath(), { anchor, body: 'Is drie jaar niet te veel?' })).body;
    const before = inbox.messages.length;
    expect((await eddy.post(`/api/threads/${thread.id}/comments`, { body: 'Twee is gebruikelijk.' })).status).toBe(201);
    const mail = await mailTo(cora.email, before);
    expect(mail.subject).toBe("Eddy reageerde op je opmerking in 'Uitvraag'");
    expect(mail.text).toContain('> Twee is gebruikelijk.');
    await afterMarker();
    expect(commentMails(cora.email, before)).toHaveLength(1);
    expect(commentMails(eddy.email, before)).toEqual([]);

    // Someone who started a thread and then left hears nothing of its replies.
    const leaver = (await addMember(workshop, server.origin, 'commenter', 'Lotte')) as Member;
    leaver.email = (await leaver.get('/api/me')).body.email;
    verifyAddress(server, leaver);
    const theirs = (await leaver.post(threadsPath(), { anchor, body: 'Mijn vraag' })).body;
    expect((await leaver.delete(`/api/workspaces/${workshop.workspaceId}/members/${leaver.userId}`)).status).toBe(204);
    const later = inbox.messages.length;
    expect((await eddy.post(`/api/threads/${theirs.id}/comments`, { body: 'Antwoord na vertrek' })).status).toBe(201);
    await afterMarker();
    expect(commentMails(leaver.email, later)).toEqual([]);
  });

  test('workspace mails turned off: the inbox hears of the mention, the mailbox does not', async () => {
    expect((await bram.patch('/api/me', { workspaceMails: false })).status).toBe(200);
    // Another person's cookie changes only their own account.
    expect((await cora.patch('/api/me', { workspaceMails: true })).status).toBe(200);
    expect(sqlGet(server, 'SELECT workspace_mails FROM users WHERE id = ?', bram.userId)).toEqual({ workspace_mails: 0 });
    const unreadBefore = (await bram.get('/api/me/notifications')).body.unread as number;
    const before = inbox.messages.length;
    expect((await cora.post(threadsPath(), { anchor, body: `${mention(bram, 'Bram')} lees je mee?` })).status).toBe(201);
    await afterMarker();
    expect(commentMails(bram.email, before)).toEqual([]);
    expect((await bram.get('/api/me/notifications')).body.unread).toBe(unreadBefore + 1);
  });
});

describe('a mail server that hangs and then fails', () => {
  test('the comment is answered 201 at once, the inbox has it, and the failure is logged without its words', async () => {
    // Accepts connections and never says a word, until the test cuts them.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => held.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}` });
    try {
      const workshop = await buildWorkshop(server.origin);
      const eddy = (await addMember(workshop, server.origin, 'editor', 'Eddy')) as Member;
      verifyAddress(server, eddy);
      const anchor = await commentableText(server, workshop, eddy);
      const secret = 'Vertrouwelijk: de begroting is 40.000 euro';
      const body = `${mention(eddy, 'Eddy')} ${secret}`;
      const started = Date.now();
      const res = await workshop.owner.post(`/api/documents/${workshop.documentId}/threads`, { anchor, body });
      expect(res.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2000);
      const notes = (await eddy.get('/api/me/notifications')).body;
      expect(notes.notifications[0]).toMatchObject({ kind: 'mention', threadId: res.body.id, read: false });

      await eventually(() => expect(held.size).toBeGreaterThan(0));
      for (const socket of held) socket.destroy();
      await eventually(() => expect(server.log.some((r) => r.msg === 'comment notice mail not sent')).toBe(true));
      const logged = JSON.stringify(server.log);
      expect(logged).not.toContain('Vertrouwelijk');
      expect(logged).not.toContain(`user:${eddy.userId}`);
      expect(logged).not.toContain(eddy.email);
    } finally {
      for (const socket of held) socket.destroy();
      await server.stop();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
