/**
 * The pipe's heartbeat against stand-in owners on loopback: one that answers, one that goes
 * silent after the handshake (no pong, no frame), one that accepts TCP and never answers the
 * upgrade. The client is a plain `ws` socket whose server side is piped.
 */
import net, { type AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from '../../shared/collab/protocol';
import type { Logger } from '../support/log';
import { forwardSocket } from './forwardSocket';

/** Long enough that a test worker starved of its core for a while does not miss a handshake. */
const HEARTBEAT_MS = 500;
/** Timers on a loaded machine. */
const SLACK_MS = 1500;
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const listening = (server: WebSocketServer | net.Server) =>
  new Promise<number>((resolve) => {
    const address = () => ((server as net.Server).address?.() ?? (server as WebSocketServer).address()) as AddressInfo;
    server.once('listening', () => resolve(address().port));
  });

/** An owner; `silent` stops it answering pings (autoPong off) once open. */
async function owner(silent: boolean) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: !silent });
  cleanups.push(() => wss.close());
  const port = await listening(wss);
  return { url: `ws://127.0.0.1:${port}/`, wss };
}

/** A client whose server-side socket is piped to `url`; its close and every pong it gets are noted. */
async function pipedClient(url: string) {
  const front = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: false });
  cleanups.push(() => front.close());
  const port = await listening(front);
  front.on('connection', (socket) => forwardSocket(socket, { url, headers: {} }, { heartbeatMs: HEARTBEAT_MS, logger: quiet }));
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  cleanups.push(() => client.terminate());
  const pongs: string[] = [];
  client.on('pong', (data: Buffer) => pongs.push(data.toString()));
  const closed = new Promise<{ code: number; at: number }>((resolve) => client.on('close', (code) => resolve({ code, at: performance.now() })));
  await new Promise((resolve) => client.once('open', resolve));
  return { client, pongs, closed };
}

test('a live owner keeps the pipe open, even across a tick this process was too busy to run on time; its answers to our pings never reach the client, the client\u2019s own pings are answered', async () => {
  const live = await owner(false);
  // The owner answers the first heartbeat at once, and then this process does nothing else for
  // more than a tick, as a busy or starved instance would: the answer waits unread while the
  // next tick comes due.
  let stalled = false;
  live.wss.on('connection', (socket) =>
    socket.once('ping', () => {
      const busyUntil = performance.now() + HEARTBEAT_MS * 2.5;
      while (performance.now() < busyUntil);
      stalled = true;
    }),
  );
  const { client, pongs, closed } = await pipedClient(live.url);
  let done = false;
  void closed.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 4));
  expect(stalled).toBe(true);
  expect(done).toBe(false);
  expect(pongs).toEqual([]);
  const answered = new Promise((resolve) => client.once('pong', resolve));
  client.ping('mine');
  await answered;
  expect(pongs).toEqual(['mine']);
});

test('an owner silent from one tick to the next: the client is closed with 1001 within two ticks', async () => {
  const silent = await owner(true);
  const { closed } = await pipedClient(silent.url);
  const opened = performance.now();
  const { code, at } = await closed;
  expect(code).toBe(CloseCode.serverShutdown);
  expect(at - opened).toBeLessThan(HEARTBEAT_MS * 2 + SLACK_MS);
});

test('an owner that accepts the connection and never answers the upgrade: closed with 1001 after a tick', async () => {
  const stalled = net.createServer(() => undefined);
  const held: net.Socket[] = [];
  stalled.on('connection', (socket) => held.push(socket));
  stalled.listen(0, '127.0.0.1');
  cleanups.push(() => {
    for (const socket of held) socket.destroy();
    stalled.close();
  });
  const port = await listening(stalled);
  const { closed } = await pipedClient(`ws://127.0.0.1:${port}/`);
  const opened = performance.now();
  const { code, at } = await closed;
  expect(code).toBe(CloseCode.serverShutdown);
  expect(at - opened).toBeLessThan(HEARTBEAT_MS * 2 + SLACK_MS);
});
