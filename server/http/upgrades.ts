/**
 * The HTTP server's `upgrade` requests: the one place where a raw TCP socket is ours before it
 * is a WebSocket. Node removes its own error handling from a socket when it hands it over for
 * an upgrade, so a client that resets while the app decides, or while the refusal is written,
 * would raise an `'error'` with no listener and end the process (issue 10: that is what
 * `@hono/node-ws` 1.3.1 did). Here every socket gets its listener the moment it arrives, the
 * app decides through its ordinary routes, and either `ws` completes the handshake or the
 * refusal is written with the route's status and JSON body. Accepted sockets are pinged, and
 * one that stops answering is terminated, so a vanished laptop holds nothing for long.
 */
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { UpgradeSlot } from '../context';
import { describeFailure, type Logger } from '../support/log';
import { translate, type MessageKey } from '../../shared/i18n/translate';
import { languageOfHeader } from './language';

export interface UpgradeOptions {
  /** Only paths under this prefix can become WebSockets; any other upgrade gets a 404. */
  pathPrefix: string;
  /** ws closes a connection whose frame is larger than this with 1009, before buffering it all. */
  maxPayload: number;
  /** An accepted socket that has not answered the previous ping when the next is due is terminated. */
  pingIntervalMs: number;
  /** Resets and timeouts of clients are routine network noise: logged at debug level. */
  log: Logger;
}

/** What the app needs to decide: its `request` method with the Node bindings as env. */
export interface UpgradeApp {
  request(url: string, init: RequestInit, env: { incoming: IncomingMessage; outgoing: undefined; upgrade: UpgradeSlot }): Response | Promise<Response>;
}

export interface UpgradeHandler {
  /** Stops pinging; open sockets are left to their rooms to close. */
  stop(): void;
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** Writes an HTTP refusal and closes; a socket the client already reset is only destroyed. */
function refuse(socket: Duplex, status: number, body: Uint8Array, contentType: string): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const head =
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    `Connection: close\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.byteLength}\r\n\r\n`;
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  // A client that never reads must not keep the socket open after the answer.
  socket.once('finish', () => socket.destroy());
}

const jsonError = (code: string, message: string) => new TextEncoder().encode(JSON.stringify({ error: { code, message } }));

export function handleUpgrades(server: Server, app: UpgradeApp, options: UpgradeOptions): UpgradeHandler {
  const { log } = options;
  // No client tracking: every accepted socket is tracked below for the ping, and by its room.
  // No automatic pong: a route answers a client's ping itself, after the frames sent before it
  // were handled (collab: some wait for their turn).
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false, clientTracking: false, autoPong: false });
  const open = new Set<WebSocket>();
  const awaitingPong = new Set<WebSocket>();

  const ping = setInterval(() => {
    for (const ws of open) {
      if (awaitingPong.has(ws)) {
        log.debug('socket did not answer a ping', {});
        ws.terminate();
        continue;
      }
      awaitingPong.add(ws);
      ws.ping();
    }
  }, options.pingIntervalMs);
  ping.unref();

  function adopt(ws: WebSocket, accept: (ws: WebSocket) => void): void {
    // ws reports protocol errors (bad UTF-8, oversized frames) and socket errors here before
    // it closes the connection; without a listener each would end the process.
    ws.on('error', (error: NodeJS.ErrnoException) => log.debug('websocket error', { code: error.code, message: error.message }));
    ws.on('pong', () => awaitingPong.delete(ws));
    ws.on('close', () => {
      open.delete(ws);
      awaitingPong.delete(ws);
    });
    open.add(ws);
    accept(ws);
  }

  /** A refusal the app never saw, worded as the app words its own (the request's language, else Dutch). */
  const wordedFor = (request: IncomingMessage, key: MessageKey): string => translate(languageOfHeader(request.headers['accept-language']) ?? 'nl', key);

  async function decide(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== options.pathPrefix && !url.pathname.startsWith(`${options.pathPrefix}/`)) {
      refuse(socket, 404, jsonError('not_found', wordedFor(request, 'error.noWebSocketHere')), 'application/json');
      return;
    }
    const slot: UpgradeSlot = { accept: null };
    const response = await app.request(url.href, { headers: headersOf(request) }, { incoming: request, outgoing: undefined, upgrade: slot });
    if (socket.destroyed) return; // the client left while the app decided: nothing was opened
    if (!slot.accept) {
      const status = response.status >= 400 ? response.status : 400;
      refuse(socket, status, new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') ?? 'application/json');
      return;
    }
    const accept = slot.accept;
    // When the handshake cannot complete (the socket closed meanwhile, a bad key), ws answers
    // or destroys the socket itself and `accept` is never called: nothing is left waiting.
    wss.handleUpgrade(request, socket, head, (ws) => adopt(ws, accept));
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      log.debug('upgrade socket error', { code: error.code, path: request.url });
      socket.destroy();
    });
    decide(request, socket, head).catch((error: unknown) => {
      // Bad header values (Headers rejects some bytes Node's parser lets through) land here too.
      log.error('upgrade failed', describeFailure(error));
      refuse(socket, 400, jsonError('bad_request', wordedFor(request, 'error.notAWebSocket')), 'application/json');
    });
  });

  return {
    stop() {
      clearInterval(ping);
      wss.close();
    },
  };
}
