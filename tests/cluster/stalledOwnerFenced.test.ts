/**
 * Issue 13, item 3: a stalled owner is fenced. Two compiled server processes, A and B, on one
 * PostgreSQL with a short lease. A owns the document; a stock client types on A, another on B
 * (piped to A), an observer listens on A. A is stopped with SIGSTOP, once right after its client
 * sent an edit and once while it holds its append transaction open, and stays stopped while both
 * clients keep typing into its socket buffers. Once the
 * lease has expired, the client on B reconnects and a new client joins through B: B takes the
 * document over. Then A gets SIGCONT and wakes with its old room and the frames in its buffers:
 * its append must insert nothing, its room must break and close its sockets, it must relay
 * nothing typed while it was stopped, and afterwards every token any client received is stored
 * exactly once and every replica equals the stored document.
 *
 * The failover figure printed is the time from SIGSTOP until the first edit typed through B
 * during the stall reached another client. Clients here reconnect as soon as the lease has
 * expired. A stock client left alone on a piped socket is closed by the forwarding instance within
 * two thirds of the lease (stalledOwnerPipedClientsMove); one on the stalled owner itself notices
 * only after y-websocket's 30 s message timeout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CloseCode, collabPath } from '../../shared/collab/protocol';
import { buildWorkshop } from '../helpers/apiClient';
import { storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';
// @ts-expect-error: plain JavaScript, run before anything is compiled (no declarations).
import { staleReason } from '../../scripts/buildState.mjs';

const LEASE_MS = 1_500;
const TYPING_MS = 40;

const processes: ServerProcess[] = [];
const providers: WebsocketProvider[] = [];
const dataDirs: string[] = [];

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  for (const proc of processes) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
    proc.child.kill('SIGCONT');
    await proc.kill9();
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// The compiled server, as in ownerKilledFiveTimes: a start through tsx is too slow to rely on.
beforeAll(() => {
  if (staleReason()) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    expect(built.status).toBe(0);
  }
}, 300_000);

const tokenPattern = /\[(\w+)-(\d+)\]/g;

interface Token {
  text: string;
  author: string;
  round: number;
}

const tokensOf = (text: string): Token[] => [...text.matchAll(tokenPattern)].map((match) => ({ text: match[0], author: match[1]!, round: Number(match[2]) }));

/** The server's JSON log lines (pino) in a piece of its output. */
const logLines = (output: string): Record<string, unknown>[] =>
  output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

interface Client {
  name: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** performance.now() of every frame this client's sockets sent. */
  sentAt: number[];
  /** Close codes of this client's connections, in order (null: closed locally). */
  closeCodes: (number | null)[];
  text(): string;
}

/** A stock WebsocketProvider whose sockets note when they send (what reached a stopped owner). */
function connect(name: string, origin: string, documentId: string, cookie: string, sendOrigin: string, doc = new Y.Doc()): Client {
  const sentAt: number[] = [];
  class NotingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin: sendOrigin, cookie } });
    }

    override send(data: unknown, ...rest: unknown[]): void {
      sentAt.push(performance.now());
      (super.send as (...args: unknown[]) => void).call(this, data, ...rest);
    }
  }
  const provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + collabPath, documentId, doc, {
    WebSocketPolyfill: NotingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  providers.push(provider);
  const closeCodes: (number | null)[] = [];
  provider.on('connection-close', (event) => closeCodes.push(event ? event.code : null));
  return { name, doc, provider, sentAt, closeCodes, text: () => doc.getText('t').toString() };
}

/** The first key of the advisory lock an append holds for its transaction (PostgresDocumentLog.ts). */
const APPEND_LOCK_CLASS = 7_413_002;

/**
 * When A is stopped: right after its client sent a frame (A is most likely waiting for input), or
 * while A holds its append transaction open (its row lock on the lease and the document's
 * append lock are then held by a backend whose client does not answer).
 */
const stopMoments = ['right after its client sent an edit', 'inside its append transaction'] as const;

test.each(stopMoments)('a stalled owner is fenced (stopped %s): after the takeover it stores and relays nothing, its room breaks, nothing received is lost or doubled', { timeout: 180_000 }, async (moment) => {
  const settings = {
    DOCUMENT_LEASE_MS: String(LEASE_MS),
    // A's pings must not end its sockets the moment it wakes, before it has read the frames in
    // their buffers: what it does with those frames is what this test is about.
    COLLAB_PING_INTERVAL_MS: '600000',
  };
  const start = async (instanceId: string, env: Record<string, string>) => {
    const dir = makeDataDir();
    dataDirs.push(dir);
    const proc = await spawnServerProcess(dir, { ...settings, ...env, INSTANCE_ID: instanceId }, { compiled: true });
    processes.push(proc);
    return proc;
  };
  const a = await start('stall-a', {});
  const b = await start('stall-b', { DATABASE_URL: a.databaseUrl!, PUBLIC_URL: a.origin });
  const { owner, documentId } = await buildWorkshop(a.origin);
  const database = { databaseUrl: a.databaseUrl, storage: { get sqlite(): never { throw new Error('PostgreSQL only'); } } };
  const lease = () => sqlGet<{ instance_id: string; epoch: number; expires_at: number }>(database, 'SELECT instance_id, epoch, expires_at FROM document_leases WHERE document_id = ?', documentId);
  const cookie = owner.cookie!;
  const on = (server: ServerProcess, name: string, doc?: Y.Doc) => connect(name, server.origin, documentId, cookie, a.origin, doc);

  const typistA = on(a, 'ta');
  const observerA = on(a, 'oa');
  await Promise.all([typistA, observerA].map((client) => waitForSync(client.provider, 20_000)));
  const before = lease();
  expect(before?.instance_id).toBe('stall-a');
  const typistB = on(b, 'tb');
  await waitForSync(typistB.provider, 20_000);

  // What each client received from the others, sampled all along.
  const clients: Client[] = [typistA, observerA, typistB];
  const received = new Set<string>();
  const sample = () => {
    for (const client of clients) for (const token of tokensOf(client.text())) if (token.author !== client.name) received.add(token.text);
  };
  const typing = new Set<Client>([typistA, typistB]);
  let round = 0;
  let stopAfterThisRound: (() => void) | null = null;
  const typer = setInterval(() => {
    round += 1;
    for (const client of typing) client.doc.getText('t').insert(client.doc.getText('t').length, `[${client.name}-${round}]`);
    // Stopped right after its client's frame went out: it reaches A's socket, not A.
    stopAfterThisRound?.();
    stopAfterThisRound = null;
    sample();
  }, TYPING_MS);

  const stopAfterASend = () =>
    new Promise<{ at: number; round: number }>((resolve) => {
      stopAfterThisRound = () => {
        a.child.kill('SIGSTOP');
        resolve({ at: performance.now(), round });
      };
    });
  // Stops A, and lets it go on unless a backend then holds the append lock: only A appends now.
  const stopInsideAppend = async () => {
    for (let attempt = 0; attempt < 500; attempt++) {
      a.child.kill('SIGSTOP');
      const stop = { at: performance.now(), round };
      const held = sqlGet<{ n: number }>(database, "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND granted", APPEND_LOCK_CLASS);
      if (held!.n > 0) return stop;
      a.child.kill('SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * TYPING_MS));
    }
    throw new Error('A was never caught inside an append');
  };

  try {
    // Relays through A work, to its own observer, from its own client and from B's pipe.
    await eventually(() => {
      const seen = tokensOf(observerA.text());
      expect(seen.filter((token) => token.author === 'ta').length).toBeGreaterThan(10);
      expect(seen.filter((token) => token.author === 'tb').length).toBeGreaterThan(10);
    }, 20_000);

    const stop = moment === 'inside its append transaction' ? await stopInsideAppend() : await stopAfterASend();
    const observerAtStop = observerA.text();
    const typedWhileStopped = (token: Token) => token.round > stop.round;

    // Nobody renews A's lease while it is stopped: wait until it has run out.
    const stalled = lease()!;
    expect(stalled).toMatchObject({ instance_id: 'stall-a', epoch: before!.epoch });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stalled.expires_at - Date.now()) + 50));

    // The failover: the client on B reconnects, another joins through B, and the first edit
    // typed on B while A was stopped reaches the newcomer.
    const lateB = on(b, 'lb');
    clients.push(lateB);
    let relayedAt: number | null = null;
    lateB.doc.on('update', () => {
      if (relayedAt === null && tokensOf(lateB.text()).some((token) => token.author === 'tb' && typedWhileStopped(token))) relayedAt = performance.now();
    });
    typistB.provider.disconnect();
    typistB.provider.connect();
    await Promise.all([waitForSync(lateB.provider, 20_000), waitForSync(typistB.provider, 20_000)]);
    typing.add(lateB);
    const takenOver = await eventually(() => {
      const now = lease();
      expect(now?.instance_id).toBe('stall-b');
      expect(now!.epoch).toBeGreaterThan(before!.epoch);
      return now!;
    }, 20_000);
    await eventually(() => expect(relayedAt).not.toBeNull(), 20_000);
    // B's room relays both ways.
    await eventually(() => {
      expect(tokensOf(lateB.text()).filter((token) => token.author === 'tb' && token.round > round - 5).length).toBeGreaterThan(0);
      expect(tokensOf(typistB.text()).filter((token) => token.author === 'lb').length).toBeGreaterThan(10);
    }, 20_000);

    // The client on A sent frames to it while it was stopped: they wait in its socket.
    const sentToStoppedA = typistA.sentAt.filter((at) => at > stop.at).length;
    expect(sentToStoppedA).toBeGreaterThan(5);

    // A wakes. Its own client is kept from reconnecting for now, so that whatever of its stall
    // edits is stored can only have come from A.
    typing.delete(typistA);
    typistA.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') typistA.provider.disconnect();
    });
    let observerAtClose: string | null = null;
    observerA.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected' && observerAtClose === null) observerAtClose = observerA.text();
    });
    const logBefore = a.output().length;
    const stoppedMs = performance.now() - stop.at;
    a.child.kill('SIGCONT');

    await eventually(() => {
      expect(typistA.closeCodes).toContain(CloseCode.storageFailed);
      expect(observerA.closeCodes[0]).toBe(CloseCode.storageFailed);
    }, 20_000);
    // A tried to store after waking and was refused: fenced by its old epoch, or (stopped inside
    // its append) its transaction had been ended by PostgreSQL to let B take over.
    const refusal = await eventually(() => {
      const failed = logLines(a.output().slice(logBefore)).filter((line) => line.msg === 'storing update failed');
      expect(failed.length).toBeGreaterThan(0);
      const error = String(failed[0]!.error);
      expect(error).toMatch(/taken over by another instance|connection error|terminat/);
      return /taken over/.test(error) ? 'fenced by epoch' : 'its transaction ended by PostgreSQL';
    }, 10_000);

    // A relayed nothing typed while it was stopped, to anyone.
    expect(observerAtClose).not.toBeNull();
    expect(tokensOf(observerAtClose!).filter(typedWhileStopped)).toEqual([]);
    expect(tokensOf(observerAtStop).length).toBeGreaterThan(20);

    // The observer reconnects to A, which now pipes it to B; once it has B's latest, the log holds
    // nothing of A's client typed while A was stopped, and B still holds the lease it took.
    await waitForSync(observerA.provider, 20_000);
    await eventually(() => expect(tokensOf(observerA.text()).some((token) => token.author === 'lb' && token.round > round - 5)).toBe(true), 20_000);
    const storedMidway = tokensOf(storedText(database, documentId));
    expect(storedMidway.filter((token) => token.author === 'ta' && typedWhileStopped(token))).toEqual([]);
    expect(storedMidway.filter((token) => token.author === 'tb' && typedWhileStopped(token)).length).toBeGreaterThan(0);
    expect(lease()).toMatchObject({ instance_id: 'stall-b', epoch: takenOver.epoch });

    // A's client comes back through A (piped to B): its stall edits are stored now, by B.
    typistA.provider.destroy();
    const typistAAgain = on(a, 'ta', typistA.doc);
    clients.splice(clients.indexOf(typistA), 1, typistAAgain);
    await waitForSync(typistAAgain.provider, 20_000);
    typing.add(typistAAgain);
    await eventually(() => expect(tokensOf(lateB.text()).filter((token) => token.author === 'ta' && token.round > round - 5).length).toBeGreaterThan(0), 20_000);

    clearInterval(typer);
    await eventually(() => expect(new Set(clients.map((client) => client.text())).size).toBe(1), 30_000);
    sample();
    const stored = await eventually(() => {
      const text = storedText(database, documentId);
      expect(text).toBe(lateB.text());
      return text;
    }, 30_000);
    const storedTokens = tokensOf(stored).map((token) => token.text);
    const missing = [...received].filter((token) => !storedTokens.includes(token));
    const doubled = storedTokens.filter((token, i) => storedTokens.indexOf(token) !== i);
    const failoverMs = Math.round(relayedAt! - stop.at);
    console.info(
      `stalled owner fenced (stopped ${moment}): failover ${failoverMs} ms (SIGSTOP of the owner until the first edit typed through B reached another client; lease ${LEASE_MS} ms, clients reconnected once it expired); ` +
        `A stopped ${Math.round(stoppedMs)} ms, ${sentToStoppedA} frames sent to it meanwhile by its client, its append refused (${refusal}); epoch ${before!.epoch} -> ${takenOver.epoch}; ` +
        `${received.size} tokens received by another client, ${storedTokens.length} stored, ${missing.length} missing, ${doubled.length} doubled`,
    );
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
    expect(tokensOf(stored).filter((token) => token.author === 'ta' && typedWhileStopped(token)).length).toBeGreaterThan(5);
  } finally {
    clearInterval(typer);
  }
});
