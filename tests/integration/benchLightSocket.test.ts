/**
 * The benchmark's thin clients speak WebSocket through their own small client
 * (tests/bench/generator/lightSocket.ts); here it talks to a real `ws` server.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { LightSocket, OPEN } from '../bench/generator/lightSocket';
import { eventually } from '../helpers/providers';

let server: WebSocketServer | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function startServer(onConnection: (socket: WebSocket) => void): Promise<string> {
  return new Promise((resolve) => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => resolve(`ws://127.0.0.1:${(server!.address() as AddressInfo).port}/room`));
    server.on('connection', onConnection);
  });
}

const bytes = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => (i * seed + 11) & 0xff));

test('messages of every length cross both ways whole; pings are answered; the close code arrives', async () => {
  const atServer: Buffer[] = [];
  let serverSocket: WebSocket | null = null;
  let pongs = 0;
  const url = await startServer((socket) => {
    serverSocket = socket;
    socket.on('message', (data: Buffer) => atServer.push(Buffer.from(data)));
    socket.on('pong', () => pongs++);
  });

  const received: Buffer[] = [];
  let closedWith: number | null = null;
  let extensions: string | undefined;
  const client = new LightSocket(url, { origin: 'http://example.test' }, {
    onUpgrade: (headers) => (extensions = String(headers['sec-websocket-extensions'] ?? '')),
    onOpen: () => undefined,
    onMessage: (data) => received.push(Buffer.from(data)),
    onClose: (code) => (closedWith = code),
  });
  // The server's 'connection' comes when it has answered the upgrade; the client is open once it
  // has read that answer, which can be later: both are awaited.
  await eventually(() => expect([serverSocket !== null, client.readyState]).toEqual([true, OPEN]));
  // The ws server does not accept permessage-deflate unless configured to.
  expect(extensions).toBe('');

  const lengths = [0, 1, 125, 126, 65_535, 65_536, 1_000_000];
  for (const [i, length] of lengths.entries()) client.send(bytes(length, i + 3));
  for (const [i, length] of lengths.entries()) serverSocket!.send(bytes(length, i + 7));
  // Fragmented by the server: one message in three frames.
  serverSocket!.send(bytes(10, 1), { fin: false });
  serverSocket!.send(bytes(10, 2), { fin: false });
  serverSocket!.send(bytes(10, 3), { fin: true });
  serverSocket!.ping();

  await eventually(() => expect([atServer.length, received.length, pongs]).toEqual([lengths.length, lengths.length + 1, 1]));
  for (const [i, length] of lengths.entries()) {
    expect(atServer[i]!.equals(bytes(length, i + 3))).toBe(true);
    expect(received[i]!.equals(bytes(length, i + 7))).toBe(true);
  }
  expect(received[lengths.length]!.equals(Buffer.concat([bytes(10, 1), bytes(10, 2), bytes(10, 3)]))).toBe(true);

  serverSocket!.close(4001, 'role changed');
  await eventually(() => expect(closedWith).toBe(4001));
});

test('the server sees the close code the client sends; a refused upgrade closes with 1006', async () => {
  let serverSaw: number | null = null;
  const url = await startServer((socket) => socket.on('close', (code) => (serverSaw = code)));
  let clientSaw: number | null = null;
  const client = new LightSocket(url, {}, { onOpen: () => client.close(1000), onMessage: () => undefined, onClose: (code) => (clientSaw = code) });
  await eventually(() => expect([serverSaw, clientSaw]).toEqual([1000, 1000]));

  let refused: number | null = null;
  new LightSocket('ws://127.0.0.1:1/room', {}, { onOpen: () => undefined, onMessage: () => undefined, onClose: (code) => (refused = code) });
  await eventually(() => expect(refused).toBe(1006));
});
