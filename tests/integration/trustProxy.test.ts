/**
 * Which client address the per-address limits see (TRUST_PROXY, issue 12 item 7). Without a
 * trusted proxy a forged `X-Forwarded-For` changes nothing: it neither dodges a limit nor puts
 * the blame on the address it names. Behind one trusted proxy the proxy's entry counts, and the
 * entries a client wrote in front of it do not.
 */
import type WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { signInFrom, upgradeFrom } from '../helpers/fromAddress';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const PASSWORD = 'een-lang-wachtwoord';

const open: WebSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.terminate();
});

async function upgrade(...args: Parameters<typeof upgradeFrom>): Promise<number> {
  const { status, socket } = await upgradeFrom(...args);
  if (socket) open.push(socket);
  return status;
}

/** 21 failures on 21 unknown accounts, each claiming another origin: enough to slow one address. */
async function flood(server: TestServer, from: string, forwardedFor: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    statuses.push((await signInFrom(from, server.origin, `gok-${i}@example.nl`, 'fout-wachtwoord', { 'x-forwarded-for': forwardedFor(i) })).status);
  }
  return statuses;
}

describe('TRUST_PROXY=0 (the default): X-Forwarded-For is ignored', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_IP: '2' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a sign-in flood with a new forged address each time is still slowed, and the named address is not', async () => {
    const bystander = await signUp(server.origin, 'Omstander');
    const statuses = await flood(server, '127.0.0.2', (i) => `127.0.0.3, 198.51.100.${i}`);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const next = await signInFrom('127.0.0.2', server.origin, bystander.email, PASSWORD, { 'x-forwarded-for': '192.0.2.200' });
    expect(next.status).toBe(429);
    // 127.0.0.3 was named in every forged header: it signs in at once.
    expect((await signInFrom('127.0.0.3', server.origin, bystander.email, PASSWORD)).status).toBe(200);
  });

  test('sockets: a forged header does not buy a third socket from one address, nor take a slot of the address it names', async () => {
    const [a, b, c] = [workshop.owner, await addMember(workshop, server.origin, 'viewer', 'A'), await addMember(workshop, server.origin, 'viewer', 'B')];
    expect(await upgrade('127.0.0.2', server.origin, workshop.documentId, a.cookie, { 'x-forwarded-for': '127.0.0.3' })).toBe(101);
    expect(await upgrade('127.0.0.2', server.origin, workshop.documentId, b.cookie, { 'x-forwarded-for': '127.0.0.3' })).toBe(101);
    expect(await upgrade('127.0.0.2', server.origin, workshop.documentId, c.cookie, { 'x-forwarded-for': '198.51.100.1' })).toBe(429);
    expect(await upgrade('127.0.0.3', server.origin, workshop.documentId, c.cookie)).toBe(101);
  });
});

describe('TRUST_PROXY=1: the address the proxy appended counts', () => {
  let server: TestServer;
  let workshop: Workshop;
  const PROXY = '127.0.0.2';
  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_IP: '2', TRUST_PROXY: '1' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('two clients behind one proxy have their own sign-in limits; forged entries in front of the proxy\'s do not help', async () => {
    const bystander = await signUp(server.origin, 'Omstander');
    // The attacker forges a fresh first entry every time; the proxy appends its real address.
    const statuses = await flood(server, PROXY, (i) => `198.51.100.${i}, 203.0.113.66`);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect((await signInFrom(PROXY, server.origin, bystander.email, PASSWORD, { 'x-forwarded-for': '192.0.2.7, 203.0.113.66' })).status).toBe(429);
    // Another client of the same proxy is somebody else.
    expect((await signInFrom(PROXY, server.origin, bystander.email, PASSWORD, { 'x-forwarded-for': '203.0.113.67' })).status).toBe(200);
  });

  test('sockets are counted per forwarded client, not per proxy', async () => {
    const [a, b, c] = [workshop.owner, await addMember(workshop, server.origin, 'viewer', 'A'), await addMember(workshop, server.origin, 'viewer', 'B')];
    const via = (client: string) => ({ 'x-forwarded-for': client });
    expect(await upgrade(PROXY, server.origin, workshop.documentId, a.cookie, via('203.0.113.66'))).toBe(101);
    expect(await upgrade(PROXY, server.origin, workshop.documentId, b.cookie, via('203.0.113.66'))).toBe(101);
    expect(await upgrade(PROXY, server.origin, workshop.documentId, c.cookie, via('192.0.2.1, 203.0.113.66'))).toBe(429);
    expect(await upgrade(PROXY, server.origin, workshop.documentId, c.cookie, via('203.0.113.67'))).toBe(101);
  });
});
