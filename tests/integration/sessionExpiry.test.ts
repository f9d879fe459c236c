/**
 * Sign-out and expiry end a session everywhere: HTTP, every open collaboration socket of
 * that session (across documents), and the live register stream. Other sessions of the same
 * person carry on.
 *
 * Expiry reaches open sockets through the registry's keepalive sweep, a 10 s `setInterval`.
 * Waiting for it would cost up to 10 s, so this file fakes `setInterval` (and only that)
 * before the server starts: the sweep is the server's own, and `advanceTimersByTime(10_000)`
 * runs it exactly once, deterministically.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, ApiClient, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { attemptUpgrade, ProviderPool, storedText, type ConnectedProvider } from '../helpers/collab';
import { appendParagraph } from '../helpers/documents';
import { sessionIdOf } from '../helpers/principals';
import { eventually, waitForSync } from '../helpers/providers';
import { openEventStream, type EventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

/** The registry's keepalive and session sweep interval (server/collab/RoomRegistry.ts). */
const KEEPALIVE_INTERVAL_MS = 10_000;
const PROMPT_MS = 1_000;
const PASSWORD = 'een-lang-wachtwoord';

let server: TestServer;
let workshop: Workshop;
let secondDocId: string;
const pool = new ProviderPool();
const streams: EventStream[] = [];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  secondDocId = (await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Tweede', template: 'blank' })).body.id;
});
afterEach(() => {
  pool.destroyAll();
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(async () => {
  await server.stop();
  vi.useRealTimers();
});

interface Device {
  cookie: string;
  sockets: { connected: ConnectedProvider; closes: { code: number | null; at: number }[] }[];
  events: EventStream;
}

/** One signed-in device of a person: a socket on each document and the register stream. */
async function device(cookie: string): Promise<Device> {
  const sockets = [workshop.documentId, secondDocId].map((documentId) => {
    const connected = pool.connect(documentId, { cookie, origin: server.origin });
    const closes: { code: number | null; at: number }[] = [];
    connected.provider.on('connection-close', (event) => closes.push({ code: event ? event.code : null, at: performance.now() }));
    return { connected, closes };
  });
  await Promise.all(sockets.map((s) => waitForSync(s.connected.provider)));
  const events = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, cookie);
  streams.push(events);
  expect(events.status).toBe(200);
  await eventually(() => expect(events.events).toContain('ready'));
  return { cookie, sockets, events };
}

/** A member signed in on two devices (two sessions). */
async function memberOnTwoDevices(name: string) {
  const member = await addMember(workshop, server.origin, 'editor', name);
  const { email } = (await member.get<{ email: string }>('/api/me')).body;
  const laptop = new ApiClient(server.origin);
  expect((await laptop.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  return { phone: await device(member.cookie!), laptop: await device(laptop.cookie!), phoneClient: member };
}

/** An edit by the owner that the register indexer announces on every stream of the workspace. */
async function announceChange(watcher: EventStream) {
  const seen = watcher.events.filter((e) => e === 'registers').length;
  await server.registry.withRoom(workshop.documentId, (room) => room.applyServerChange((doc) => appendParagraph(doc, 'Wijziging na afloop')));
  await eventually(() => expect(watcher.events.filter((e) => e === 'registers').length).toBeGreaterThan(seen));
}

function expectStillWorking(d: Device) {
  for (const s of d.sockets) {
    expect(s.closes).toEqual([]);
    expect(s.connected.provider.wsconnected).toBe(true);
  }
  expect(d.events.ended()).toBe(false);
}

async function expectSessionRefused(cookie: string) {
  const client = Object.assign(new ApiClient(server.origin), { cookie });
  expect((await client.get('/api/me')).status).toBe(401);
  expect((await client.post('/api/workspaces', { name: 'Na de sessie' })).status).toBe(401);
  expect((await attemptUpgrade(server.origin, workshop.documentId, cookie)).status).toBe(401);
  expect((await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, cookie)).status).toBe(401);
}

describe('sign-out', () => {
  test('closes every socket of that session within a second, on every document; other sessions carry on', async () => {
    const { phone, laptop, phoneClient } = await memberOnTwoDevices('Uitlogger');
    const sentAt = performance.now();
    expect((await phoneClient.post('/api/auth/logout')).status).toBe(204);

    await eventually(() => expect(phone.sockets.every((s) => s.closes.length > 0)).toBe(true), PROMPT_MS * 3);
    for (const s of phone.sockets) {
      expect(s.closes[0]!.code).toBe(CloseCode.sessionEnded);
      expect(s.closes[0]!.at - sentAt).toBeLessThan(PROMPT_MS);
      expect(s.connected.provider.shouldConnect).toBe(false);
    }
    expect(await server.repos.sessions.findById(sessionIdOf(phone.cookie))).toBeUndefined();
    await expectSessionRefused(phone.cookie);

    expectStillWorking(laptop);
    laptop.sockets[0]!.connected.doc.getText('t').insert(0, 'laptop schrijft door');
    await eventually(() => expect(storedText(server, workshop.documentId)).toContain('laptop schrijft door'));
  });

  test('ends the live register stream of that session', async () => {
    const { phone, laptop, phoneClient } = await memberOnTwoDevices('Uitlogger met lijst');
    expect((await phoneClient.post('/api/auth/logout')).status).toBe(204);
    // The laptop's stream hearing the change proves it was announced to every open stream.
    await announceChange(laptop.events);
    expect(phone.events.events.filter((e) => e === 'registers'), 'a signed-out stream still receives register events').toEqual([]);
    expect(phone.events.ended(), 'the signed-out register stream is still open').toBe(true);
  });
});

describe('expiry', () => {
  test('an expired session is refused over HTTP at once, and its sockets close at the next keepalive sweep', async () => {
    const { phone, laptop } = await memberOnTwoDevices('Verloopt');
    const sessionId = sessionIdOf(phone.cookie);
    await server.repos.sessions.setExpiry(sessionId, Date.now() - 1_000);

    // Until the sweep the sockets are open: expiry reaches them within one interval.
    expect(phone.sockets.every((s) => s.closes.length === 0)).toBe(true);
    const sweepAt = performance.now();
    vi.advanceTimersByTime(KEEPALIVE_INTERVAL_MS);

    await eventually(() => expect(phone.sockets.every((s) => s.closes.length > 0)).toBe(true), PROMPT_MS * 3);
    for (const s of phone.sockets) {
      expect(s.closes[0]!.code).toBe(CloseCode.sessionEnded);
      expect(s.closes[0]!.at - sweepAt).toBeLessThan(PROMPT_MS);
      expect(s.connected.provider.shouldConnect).toBe(false);
    }
    expectStillWorking(laptop);

    await expectSessionRefused(phone.cookie);
    // The first refused request removed the expired row.
    expect(await server.repos.sessions.findById(sessionId)).toBeUndefined();
    laptop.sockets[1]!.connected.doc.getText('t').insert(0, 'nog geldig');
    await eventually(() => expect(storedText(server, secondDocId)).toContain('nog geldig'));
  });

  test('an expired session is refused by HTTP before any sweep ran', async () => {
    const member = await addMember(workshop, server.origin, 'viewer', 'Direct verlopen');
    await server.repos.sessions.setExpiry(sessionIdOf(member.cookie!), Date.now() - 1);
    await expectSessionRefused(member.cookie!);
  });

  test('ends the live register stream of that session', async () => {
    const { phone, laptop } = await memberOnTwoDevices('Verloopt met lijst');
    await server.repos.sessions.setExpiry(sessionIdOf(phone.cookie), Date.now() - 1_000);
    vi.advanceTimersByTime(KEEPALIVE_INTERVAL_MS);
    await eventually(() => expect(phone.sockets.every((s) => s.closes.length > 0)).toBe(true), PROMPT_MS * 3);
    await announceChange(laptop.events);
    expect(phone.events.events.filter((e) => e === 'registers'), 'an expired stream still receives register events').toEqual([]);
    expect(phone.events.ended(), 'the expired register stream is still open').toBe(true);
  });
});

describe('removal', () => {
  test('ends the removed member\'s live register stream', async () => {
    const member = await addMember(workshop, server.origin, 'viewer', 'Vertrekt met lijst');
    const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, member.cookie);
    streams.push(stream);
    const watcher = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, workshop.owner.cookie);
    streams.push(watcher);
    await eventually(() => expect(stream.events).toContain('ready'));
    expect((await workshop.owner.delete(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`)).status).toBe(204);
    await announceChange(watcher);
    expect(stream.events.filter((e) => e === 'registers'), 'a removed member still receives register events').toEqual([]);
    expect(stream.ended(), 'the removed member\'s register stream is still open').toBe(true);
  });
});
