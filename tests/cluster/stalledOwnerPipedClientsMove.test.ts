/**
 * Issue 13: the clients piped to a stalled owner move on as fast as the lease, not after
 * y-websocket's 30 s message timeout. Two compiled server processes, A and B, on one PostgreSQL
 * with a short lease. A owns the document (a client of its own), two stock clients reach it
 * through B. A is stopped with SIGSTOP and left stopped: B's pings on the pipes go unanswered, B
 * closes both clients with 1001, their providers reconnect by themselves (nothing in this test
 * reconnects them), and once A's lease has run out B takes the document over: what one piped
 * client typed into the stalled pipe reaches the other through B.
 *
 * The bounds come from the lease L: B pings every L/3 and gives up on an owner silent from one
 * tick to the next, so a piped client is closed within 2L/3 of the stall. A's lease runs out at
 * most L after the stall; a reconnect piped to A meanwhile is closed when its handshake has not
 * completed within L/3, and the provider waits at most 2.5 s (its maxBackoffTime) before its next
 * attempt. Slack on top of each: timers on a loaded machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { buildWorkshop } from '../helpers/apiClient';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';
// @ts-expect-error: plain JavaScript, run before anything is compiled (no declarations).
import { staleReason } from '../../scripts/buildState.mjs';

const LEASE_MS = 1_500;
/** y-websocket's longest wait between two attempts (its default maxBackoffTime). */
const PROVIDER_MAX_BACKOFF_MS = 2_500;
const SLACK_MS = 1_500;
const CLOSE_BOUND_MS = (2 * LEASE_MS) / 3 + SLACK_MS;
const RESYNC_BOUND_MS = LEASE_MS + LEASE_MS / 3 + PROVIDER_MAX_BACKOFF_MS + SLACK_MS;

const processes: ServerProcess[] = [];
const clients: ReturnType<typeof connectProvider>[] = [];
const dataDirs: string[] = [];

afterAll(async () => {
  for (const client of clients) client.provider.destroy();
  for (const proc of processes) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
    proc.child.kill('SIGCONT');
    await proc.kill9();
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  if (staleReason()) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    expect(built.status).toBe(0);
  }
}, 300_000);

test('clients piped to a stalled owner are closed within two thirds of the lease and sync through the new owner once it has run out', { timeout: 120_000 }, async () => {
  const start = async (instanceId: string, env: Record<string, string>) => {
    const dir = makeDataDir();
    dataDirs.push(dir);
    const proc = await spawnServerProcess(dir, { DOCUMENT_LEASE_MS: String(LEASE_MS), ...env, INSTANCE_ID: instanceId }, { compiled: true });
    processes.push(proc);
    return proc;
  };
  const a = await start('piped-a', {});
  const b = await start('piped-b', { DATABASE_URL: a.databaseUrl!, PUBLIC_URL: a.origin });
  const { owner, documentId } = await buildWorkshop(a.origin);
  const database = { databaseUrl: a.databaseUrl, storage: { get sqlite(): never { throw new Error('PostgreSQL only'); } } };
  const holder = () => sqlGet<{ instance_id: string }>(database, 'SELECT instance_id FROM document_leases WHERE document_id = ?', documentId)?.instance_id;
  const on = (server: ServerProcess) => {
    const client = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin, sendOrigin: a.origin });
    clients.push(client);
    const closes: { code: number | null; at: number }[] = [];
    client.provider.on('connection-close', (event) => closes.push({ code: event ? event.code : null, at: performance.now() }));
    return { ...client, closes };
  };

  const direct = on(a);
  await waitForSync(direct.provider, 20_000);
  expect(holder()).toBe('piped-a');
  const piped = [on(b), on(b)] as const;
  await Promise.all(piped.map((client) => waitForSync(client.provider, 20_000)));
  piped[0].doc.getText('t').insert(0, '[voor]');
  await eventually(() => expect(piped[1].text()).toContain('[voor]'), 10_000);

  a.child.kill('SIGSTOP');
  const stoppedAt = performance.now();
  // Typed into the pipe to the stalled owner: it arrives once the provider has a live room again.
  piped[0].doc.getText('t').insert(0, '[tijdens]');

  await eventually(() => {
    for (const client of piped) expect(client.closes.length).toBeGreaterThan(0);
  }, 20_000);
  const closedMs = piped.map((client) => Math.round(client.closes[0]!.at - stoppedAt));
  expect(piped.map((client) => client.closes[0]!.code)).toEqual([CloseCode.serverShutdown, CloseCode.serverShutdown]);

  const resyncedMs = await eventually(() => {
    for (const client of piped) expect(client.provider.synced).toBe(true);
    expect(piped[1].text()).toContain('[tijdens]');
    // Last: psql is a process of its own, and the providers must not wait on it for nothing.
    expect(holder()).toBe('piped-b');
    return Math.round(performance.now() - stoppedAt);
  }, 30_000);
  // B's room relays both ways.
  piped[1].doc.getText('t').insert(0, '[erna]');
  await eventually(() => expect(piped[0].text()).toContain('[erna]'), 10_000);
  // The stalled owner's own client has no pipe to be told by: it waits for its own timeout.
  const directClosed = direct.closes.length;

  console.info(
    `stalled owner, piped clients: closed with ${CloseCode.serverShutdown} ${closedMs.join(' and ')} ms after SIGSTOP (bound ${CLOSE_BOUND_MS} ms), ` +
      `both synced through the new owner and one's stall edit at the other ${resyncedMs} ms after SIGSTOP (bound ${RESYNC_BOUND_MS} ms); ` +
      `lease ${LEASE_MS} ms, pipe heartbeat ${LEASE_MS / 3} ms; connections closed meanwhile ${piped.map((client) => client.closes.length).join(' and ')}; ` +
      `the owner's direct client closed ${directClosed} times (it waits for y-websocket's 30 s timeout)`,
  );
  for (const ms of closedMs) expect(ms).toBeLessThanOrEqual(CLOSE_BOUND_MS);
  expect(resyncedMs).toBeLessThanOrEqual(RESYNC_BOUND_MS);
});
