/**
 * Abuse limits, each against a server started with a small limit through its environment
 * variable, and each checked from both sides: the offender is stopped with the documented
 * status or close code, nothing it sent was kept, and everybody else carries on.
 *
 * Limits and their defaults (server/config.ts, server/collab/limits.ts, server/auth/signInThrottle.ts)
 * are asserted at the end, so this file also documents them.
 */
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/config';
import { defaultCollabLimits } from '../../server/collab/limits';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, ApiClient, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { attemptUpgrade, openRawSocket, ProviderPool, recordCloseCodes, seesMarker, setMarker, storedRows, storedText, type ConnectedProvider, type RawConnection } from '../helpers/collab';
import { awarenessFrame, queryAwarenessFrame, syncUpdateFrame, textInsertUpdate } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

const PASSWORD = 'een-lang-wachtwoord';

/** Resolves with the close code, or null when the socket is still open after `ms`. */
async function closeCodeWithin(raw: RawConnection, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const open = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const code = await Promise.race([raw.closed.then((c) => c.code), open]);
  clearTimeout(timer);
  return code;
}

function rawPost(url: string, headers: Record<string, string>, chunks: string[], chunked: boolean): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const agent = new http.Agent({ keepAlive: false });
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers, ...(chunked ? {} : { 'content-length': String(total) }) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), headers: res.headers });
      });
    });
    // The server may answer and close before it has read everything: that is the point.
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request body limit (MAX_BODY_BYTES=2048)', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ MAX_BODY_BYTES: '2048' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());
  const userCount = () => sqlGet<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM users')!.n;

  test.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true],
  ])('a body over the limit %s is refused with 413 before it is parsed; nothing is created', async (_name, chunked) => {
    const users = userCount();
    const body = JSON.stringify({ email: `groot-${Date.now()}@example.nl`, name: 'Groot', password: PASSWORD, pad: 'x'.repeat(3000) });
    const res = await rawPost(`${server.origin}/api/auth/signup`, { origin: server.origin }, chunked ? [body.slice(0, 1000), body.slice(1000)] : [body], chunked);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'too_large' } });
    expect(userCount()).toBe(users);
  });

  test('a signed-in request over the limit changes nothing', async () => {
    const before = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}`)).body.name;
    const res = await rawPost(
      `${server.origin}/api/workspaces/${workshop.workspaceId}/documents`,
      { origin: server.origin, cookie: workshop.owner.cookie! },
      [JSON.stringify({ title: 'Te groot', template: 'blank', pad: 'y'.repeat(4000) })],
      false,
    );
    expect(res.status).toBe(413);
    const after = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}`)).body;
    expect(after.name).toBe(before);
    expect(after.documents.map((d: { title: string }) => d.title)).not.toContain('Te groot');
  });

  test('a body of exactly the limit is accepted', async () => {
    const base = JSON.stringify({ name: 'Precies op de grens', pad: '' });
    const body = JSON.stringify({ name: 'Precies op de grens', pad: 'z'.repeat(2048 - Buffer.byteLength(base)) });
    expect(Buffer.byteLength(body)).toBe(2048);
    const res = await rawPost(`${server.origin}/api/workspaces`, { origin: server.origin, cookie: workshop.owner.cookie! }, [body], false);
    expect(res.status).toBe(201);
  });
});

describe('frame size limit (MAX_FRAME_BYTES=4096)', () => {
  let server: TestServer;
  let workshop: Workshop;
  const pool = new ProviderPool();
  beforeAll(async () => {
    server = await startTestServer({ MAX_FRAME_BYTES: '4096' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => {
    pool.destroyAll();
    await server.stop();
  });

  test('a valid update in a frame under the limit is kept; one over it closes that socket with 1009 and keeps nothing', async () => {
    const { documentId } = workshop;
    const observer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(observer.provider);
    const observerCodes = recordCloseCodes(observer.provider);

    const fits = syncUpdateFrame(textInsertUpdate('k'.repeat(3900)));
    expect(fits.length).toBeLessThanOrEqual(4096);
    const small = await openRawSocket(server.origin, documentId, workshop.owner.cookie);
    small.socket.send(fits);
    await eventually(() => expect(storedText(server, documentId)).toHaveLength(3900));
    expect(await closeCodeWithin(small, 200)).toBeNull();
    small.socket.close();

    const before = storedRows(server, documentId);
    const tooBig = syncUpdateFrame(textInsertUpdate('G'.repeat(5000)));
    expect(tooBig.length).toBeGreaterThan(4096);
    const big = await openRawSocket(server.origin, documentId, workshop.owner.cookie);
    big.socket.send(tooBig);
    expect(await closeCodeWithin(big, 5_000)).toBe(CloseCode.frameTooLarge);
    expect(storedRows(server, documentId)).toEqual(before);
    expect(observer.text()).not.toContain('G');

    observer.doc.getText('t').insert(0, 'verder ');
    await eventually(() => expect(storedText(server, documentId).startsWith('verder ')).toBe(true));
    expect(observerCodes).toEqual([]);
  });
});

describe('awareness limits per connection (64 KiB, 4 client ids)', () => {
  let server: TestServer;
  let workshop: Workshop;
  let editorCookie: string | null;
  const pool = new ProviderPool();
  beforeAll(async () => {
    server = await startTestServer();
    workshop = await buildWorkshop(server.origin);
    editorCookie = (await addMember(workshop, server.origin, 'editor', 'Aanwezig')).cookie;
  });
  afterAll(async () => {
    pool.destroyAll();
    await server.stop();
  });

  async function observer() {
    const o = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(o.provider);
    return o;
  }
  const states = (o: Awaited<ReturnType<typeof observer>>) => o.provider.awareness.getStates();
  let markerId = 990_000;
  /** A one-state awareness marker on a raw socket of its own, sent after everything before it. */
  const sendMarker = async (marker: string) => {
    const raw = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    raw.socket.send(awarenessFrame([{ clientId: ++markerId, clock: 1, state: { marker } }]));
    markers.push(raw);
  };
  const markers: RawConnection[] = [];
  afterEach(async () => {
    pool.destroyAll();
    for (const raw of markers.splice(0)) raw.socket.terminate();
    await eventually(() => expect(server.registry.roomCount()).toBe(0));
  });

  test('an awareness state just under 64 KiB is relayed; one over it closes the socket with 4413 and reaches nobody', async () => {
    const o = await observer();
    const ok = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    ok.socket.send(awarenessFrame([{ clientId: 910_001, clock: 1, state: { name: 'klein', pad: 'a'.repeat(60_000) } }]));
    await eventually(() => expect(states(o).has(910_001)).toBe(true));
    expect(await closeCodeWithin(ok, 100)).toBeNull();

    const big = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    big.socket.send(awarenessFrame([{ clientId: 910_002, clock: 1, state: { name: 'groot', pad: 'b'.repeat(70_000) } }]));
    expect(await closeCodeWithin(big, 5_000)).toBe(CloseCode.awarenessTooLarge);
    // A marker sent afterwards proves the big state was handled (and dropped) before it.
    await sendMarker('na-groot');
    await eventually(() => expect(seesMarker(o.provider, 'na-groot')).toBe(true));
    expect(states(o).has(910_002)).toBe(false);
    ok.socket.close();
    pool.destroyAll();
  });

  test('four awareness client ids on one connection are fine; a fifth closes it with 4413 and all five are gone for the others', async () => {
    const o = await observer();
    const four = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    four.socket.send(awarenessFrame([1, 2, 3, 4].map((i) => ({ clientId: 920_000 + i, clock: 1, state: { name: `tab ${i}` } }))));
    await eventually(() => expect([1, 2, 3, 4].every((i) => states(o).has(920_000 + i))).toBe(true));
    expect(await closeCodeWithin(four, 100)).toBeNull();

    const five = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    five.socket.send(awarenessFrame([1, 2, 3, 4, 5].map((i) => ({ clientId: 930_000 + i, clock: 1, state: { name: `kloon ${i}` } }))));
    expect(await closeCodeWithin(five, 5_000)).toBe(CloseCode.awarenessTooLarge);
    // One at a time is the same: the fifth id announced on a connection closes it.
    const oneByOne = await openRawSocket(server.origin, workshop.documentId, editorCookie);
    for (let i = 1; i <= 5; i++) oneByOne.socket.send(awarenessFrame([{ clientId: 940_000 + i, clock: 1, state: { name: `los ${i}` } }]));
    expect(await closeCodeWithin(oneByOne, 5_000)).toBe(CloseCode.awarenessTooLarge);

    await sendMarker('na-vijf');
    await eventually(() => expect(seesMarker(o.provider, 'na-vijf')).toBe(true));
    const within = (low: number) => [...states(o).keys()].filter((id) => id > low && id <= low + 5);
    expect([...within(930_000), ...within(940_000)]).toEqual([]);
    four.socket.close();
    await eventually(() => expect(within(920_000)).toEqual([]));
    pool.destroyAll();
  });

  test('eight people in one document: every stock client stays connected and sees the others', async () => {
    // The stock WebsocketProvider echoes every awareness change it hears, the initial states of
    // everybody already present included, at their own clocks. That is not an announcement of
    // its own and must not count against its limit of four.
    const people = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => addMember(workshop, server.origin, 'editor', `Deelnemer ${i}`)));
    const clients: { client: ConnectedProvider; codes: (number | null)[] }[] = [];
    for (const [i, person] of [workshop.owner, ...people].entries()) {
      const client = pool.connect(workshop.documentId, { cookie: person.cookie, origin: server.origin });
      const codes = recordCloseCodes(client.provider);
      await waitForSync(client.provider);
      setMarker(client.provider, `deelnemer-${i}`);
      clients.push({ client, codes });
    }
    await eventually(() => {
      // Close codes first: a client closed for echoing would never see the others.
      expect(clients.map(({ codes }) => codes), 'close codes of the eight clients').toEqual(clients.map(() => []));
      for (const { client } of clients) for (let i = 0; i < clients.length; i++) if (clients[i]!.client !== client) expect(seesMarker(client.provider, `deelnemer-${i}`), `client sees deelnemer-${i}`).toBe(true);
    });
    pool.destroyAll();
  });
});

describe('awareness client ids over a connection\'s lifetime', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer();
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  /** The room's awareness bookkeeping (y-protocols keeps a meta entry per client id ever seen). */
  const rememberedIds = () => {
    const rooms = (server.registry as unknown as { rooms: Map<string, { presence: { awareness: { meta: Map<number, unknown> } } }> }).rooms;
    return rooms.get(workshop.documentId)?.presence.awareness.meta.size ?? 0;
  };

  test('a connection that keeps announcing and withdrawing fresh client ids is stopped, so the room cannot be made to remember without bound', async () => {
    // Any member may send awareness, a viewer too.
    const viewer = await addMember(workshop, server.origin, 'viewer', 'Wisselaar');
    const raw = await openRawSocket(server.origin, workshop.documentId, viewer.cookie);
    // The server's first frame says the room has loaded: before that, frames wait in a small
    // buffer of their own (a store that answers over the network takes a moment to load).
    await eventually(() => expect(raw.frames.length).toBeGreaterThan(0));
    // 2 x 400 frames: under the message burst, and never more than one id at a time.
    for (let i = 1; i <= 400; i++) {
      raw.socket.send(awarenessFrame([{ clientId: 950_000 + i, clock: 1, state: { name: `id ${i}` } }]));
      raw.socket.send(awarenessFrame([{ clientId: 950_000 + i, clock: 2, state: null }]));
    }
    const code = await closeCodeWithin(raw, 1_000);
    const remembered = rememberedIds();
    raw.socket.terminate();
    expect(code, `still open after announcing 400 client ids one by one; the room remembers ${remembered} of them`).toBe(CloseCode.awarenessTooLarge);
  });
});

describe('connections per user (MAX_CONNECTIONS_PER_USER=3)', () => {
  let server: TestServer;
  let workshop: Workshop;
  const opened: RawConnection[] = [];
  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_USER: '3' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => {
    for (const raw of opened) raw.socket.terminate();
    await server.stop();
  });

  test('the fourth socket of one user is refused with 429 before any byte; closing one makes room; others are not affected', async () => {
    const member = await addMember(workshop, server.origin, 'viewer', 'Veel tabbladen');
    for (let i = 0; i < 3; i++) opened.push(await openRawSocket(server.origin, workshop.documentId, member.cookie));
    const refused = await attemptUpgrade(server.origin, workshop.documentId, member.cookie);
    expect(refused.status).toBe(429);
    expect(refused.frames).toBe(0);
    // Another document counts too: the limit is per user, not per document.
    const other = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Ander', template: 'blank' });
    expect((await attemptUpgrade(server.origin, other.body.id, member.cookie)).status).toBe(429);
    // Someone else still gets in.
    expect((await attemptUpgrade(server.origin, workshop.documentId, workshop.owner.cookie)).status).toBe(101);

    opened[0]!.socket.close();
    await opened[0]!.closed;
    await eventually(async () => expect((await attemptUpgrade(server.origin, workshop.documentId, member.cookie)).status).toBe(101));
  });

  test('ten upgrades of one user at the same moment open at most three sockets', async () => {
    const member = await addMember(workshop, server.origin, 'viewer', 'Tegelijk');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => openRawSocket(server.origin, workshop.documentId, member.cookie)));
    const ok = results.filter((r): r is PromiseFulfilledResult<RawConnection> => r.status === 'fulfilled').map((r) => r.value);
    opened.push(...ok);
    // Give the server a moment to settle, then count what stayed open.
    await new Promise((r) => setTimeout(r, 100));
    const stillOpen = ok.filter((raw) => raw.socket.readyState === raw.socket.OPEN).length;
    expect(stillOpen, `${stillOpen} of 10 simultaneous upgrades stayed open`).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual(
      expect.arrayContaining([expect.stringContaining('429')]),
    );
  });
});

describe('connections per IP (MAX_CONNECTIONS_PER_IP=4)', () => {
  let server: TestServer;
  let workshop: Workshop;
  const opened: RawConnection[] = [];
  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_IP: '4' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => {
    for (const raw of opened) raw.socket.terminate();
    await server.stop();
  });

  test('four people behind one address get in; the fifth socket from it is refused with 429 until one leaves', async () => {
    const people = [workshop.owner, ...(await Promise.all([1, 2, 3, 4].map((i) => addMember(workshop, server.origin, 'viewer', `Buurthuis ${i}`))))];
    for (const person of people.slice(0, 4)) opened.push(await openRawSocket(server.origin, workshop.documentId, person.cookie));
    const refused = await attemptUpgrade(server.origin, workshop.documentId, people[4]!.cookie);
    expect(refused.status).toBe(429);
    expect(refused.frames).toBe(0);
    opened[0]!.socket.close();
    await opened[0]!.closed;
    await eventually(async () => expect((await attemptUpgrade(server.origin, workshop.documentId, people[4]!.cookie)).status).toBe(101));
  });
});

describe('message rate per connection (MESSAGE_RATE_LIMIT=50)', () => {
  let server: TestServer;
  let workshop: Workshop;
  const pool = new ProviderPool();
  beforeAll(async () => {
    server = await startTestServer({ MESSAGE_RATE_LIMIT: '50' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => {
    pool.destroyAll();
    await server.stop();
  });

  test('a flooding client is closed with 4429 while another keeps editing, unaffected', async () => {
    const { documentId } = workshop;
    const flooderCookie = (await addMember(workshop, server.origin, 'editor', 'Overstromer')).cookie;
    const typistCookie = (await addMember(workshop, server.origin, 'editor', 'Typist')).cookie;
    const observer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    const typist = pool.connect(documentId, { cookie: typistCookie, origin: server.origin });
    await Promise.all([waitForSync(observer.provider), waitForSync(typist.provider)]);
    const codes = [...recordCloseCodes(observer.provider), ...recordCloseCodes(typist.provider)];
    const typistCodes = recordCloseCodes(typist.provider);

    const flooder = await openRawSocket(server.origin, documentId, flooderCookie);
    const started = performance.now();
    let sent = 0;
    const typed: string[] = [];
    // Flood in slices, and let the typist type between them.
    for (let slice = 0; slice < 20 && flooder.socket.readyState === flooder.socket.OPEN; slice++) {
      for (let i = 0; i < 400; i++) {
        flooder.socket.send(queryAwarenessFrame());
        sent += 1;
      }
      const word = `w${slice} `;
      typist.doc.getText('t').insert(typist.text().length, word);
      typed.push(word);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await closeCodeWithin(flooder, 5_000)).toBe(CloseCode.rateLimited);
    const closedAfterMs = performance.now() - started;

    await eventually(() => {
      expect(observer.text()).toBe(typed.join(''));
      expect(storedText(server, documentId)).toBe(typed.join(''));
    });
    typist.doc.getText('t').insert(0, 'daarna ');
    await eventually(() => expect(observer.text()).toBe(`daarna ${typed.join('')}`));
    expect(typistCodes).toEqual([]);
    expect(codes).toEqual([]);
    expect(typist.provider.wsconnected && observer.provider.wsconnected).toBe(true);
    console.info(`[abuse limits] flooder closed with 4429 after ${sent} frames sent, ${closedAfterMs.toFixed(0)} ms`);
  });

  test('a stock client in a room with busy cursors is not closed for echoing them', async () => {
    // The stock provider answers every awareness message with one of its own. Four people
    // moving their cursors at 40 Hz each (under the limit of 50) make it send 160 a second.
    const observer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(observer.provider);
    const codes = recordCloseCodes(observer.provider);
    const movers: RawConnection[] = [];
    for (let i = 0; i < 4; i++) movers.push(await openRawSocket(server.origin, workshop.documentId, (await addMember(workshop, server.origin, 'editor', `Cursor ${i}`)).cookie));
    const moverCodes = movers.map(() => null as number | null);
    movers.forEach((mover, i) => mover.closed.then((c) => (moverCodes[i] = c.code)));
    let echoes = 0;
    observer.provider.awareness.on('update', () => echoes++);
    for (let tick = 1; tick <= 120; tick++) {
      movers.forEach((mover, i) => mover.socket.send(awarenessFrame([{ clientId: 9_000 + i, clock: tick, state: { cursor: tick } }])));
      await new Promise((r) => setTimeout(r, 25));
    }
    await eventually(() => expect(movers.map((_, i) => (observer.provider.awareness.getStates().get(9_000 + i) as { cursor?: number } | undefined)?.cursor)).toEqual([120, 120, 120, 120]));
    expect(codes).toEqual([]);
    expect(moverCodes).toEqual([null, null, null, null]);
    expect(observer.provider.wsconnected).toBe(true);
    expect(echoes).toBeGreaterThan(400);
    for (const mover of movers) mover.socket.close();
  });

  test('a person typing is never near the limit', async () => {
    const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    const codes = recordCloseCodes(writer.provider);
    // Thirty keystrokes a second, each with a caret move, for a second.
    for (let i = 0; i < 30; i++) {
      writer.doc.getText('t').insert(0, 'x');
      writer.provider.awareness.setLocalStateField('cursor', i);
      await new Promise((r) => setTimeout(r, 33));
    }
    await eventually(() => expect(storedText(server, workshop.documentId).startsWith('x'.repeat(30))).toBe(true));
    expect(codes).toEqual([]);
  });
});

describe('sign-in throttling', () => {
  test('per account at one address: every spelling of the email counts; Retry-After is honest; success resets', async () => {
    const server = await startTestServer();
    try {
      const user = await signUp(server.origin, 'Doelwit');
      const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
      const attempt = (email: string, password: string) => new ApiClient(server.origin).post('/api/auth/login', { email, password });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(spellings[i % 3]!, 'fout-wachtwoord')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
      const blocked = await attempt(spellings[1]!, PASSWORD);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
      expect((await attempt(user.email, PASSWORD)).status).toBe(200);
      // The account's count started again: one more mistake is an ordinary 401.
      expect((await attempt(user.email, 'fout-wachtwoord')).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  test('per IP: after 20 failures from one address even a correct sign-in of another account waits; X-Forwarded-For does not help', async () => {
    const server = await startTestServer();
    try {
      const bystander = await signUp(server.origin, 'Omstander');
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await new ApiClient(server.origin).post('/api/auth/login', { email: `gok-${i}@example.nl`, password: 'fout-wachtwoord' })).status);
      }
      expect(statuses.every((s) => s === 401)).toBe(true);
      const blocked = await new ApiClient(server.origin).post('/api/auth/login', { email: bystander.email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const spoofed = await fetch(`${server.origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' },
        body: JSON.stringify({ email: bystander.email, password: PASSWORD }),
      });
      expect(spoofed.status).toBe(429);
      expect(spoofed.headers.getSetCookie()).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

test('the limits and their defaults', () => {
  const config = loadConfig({});
  const limits = {
    ...defaultCollabLimits,
    maxBodyBytes: config.maxBodyBytes,
    maxFrameBytes: config.maxFrameBytes,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    // MESSAGE_RATE_LIMIT; the server passes it over the collab default.
    messagesPerSecond: config.messagesPerSecond,
    maxEventStreamsPerUser: config.maxEventStreamsPerUser,
    signUpsPerMinute: config.signUpsPerMinute,
    signUpBurst: config.signUpBurst,
    trustProxy: config.trustProxy,
  };
  expect(defaultCollabLimits.messagesPerSecond).toBe(config.messagesPerSecond);
  expect(defaultCollabLimits.bytesPerSecond).toBe(config.bytesPerSecond);
  expect(defaultCollabLimits.maxDocumentBytes).toBe(config.maxDocumentBytes);
  expect(limits).toEqual({
    maxBodyBytes: 1024 * 1024,
    maxFrameBytes: 8 * 1024 * 1024,
    maxConnectionsPerUser: 30,
    maxConnectionsPerIp: 500,
    messagesPerSecond: 500,
    maxAwarenessBytes: 64 * 1024,
    maxAwarenessClientsPerConnection: 4,
    maxAwarenessIdsPerConnectionLifetime: 32,
    messageBurst: 1_000,
    maxBufferedBytes: 64 * 1024 * 1024,
    bytesPerSecond: 1024 * 1024,
    byteBurst: 16 * 1024 * 1024,
    maxDocumentBytes: 64 * 1024 * 1024,
    maxEventStreamsPerUser: 20,
    signUpsPerMinute: 10,
    signUpBurst: 30,
    trustProxy: 0,
  });
  console.info(`[abuse limits] defaults ${JSON.stringify(limits)}`);
});
