/**
 * Pipes a client's socket to the instance that owns its document: every frame as it came, in
 * order, both ways; the owner's close code reaches the client as it was sent. The owner decides
 * everything (session, policy, limits) as for a socket of its own; this instance only carries
 * bytes. When the owner cannot be reached or goes away without a code, the client is told to
 * reconnect, and its next attempt finds the document's new owner (perhaps this instance).
 *
 * An owner that stops answering (stalled, SIGSTOP, its host frozen) closes nothing: its sockets
 * stay open and a stock client would wait for y-websocket's own 30 s message timeout. So this
 * instance pings the owner on the pipe every `heartbeatMs` (a third of the lease: the owner's
 * renewal cadence) and closes the client with 1001 when nothing at all came from the owner since
 * the previous tick. The client reconnects; until the stalled owner's lease runs out its attempts
 * are piped there and closed when the handshake has not completed within one tick (a live owner
 * answers in milliseconds), after that this instance or another takes the document over. One
 * tick rather than two for the handshake: an attempt in flight when the lease runs out delays the
 * client's resync by as much.
 */
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/protocol';
import type { Logger } from '../support/log';

/** Codes a peer may not send in a close frame (RFC 6455, 7.4.1): said otherwise to the client. */
const unsendable = new Set([1005, 1006, 1015]);

export interface ForwardTarget {
  /** ws://owner/collab/<document>?<the client's query> */
  url: string;
  /** The client's cookie, origin and language, and the forwarding headers. */
  headers: Record<string, string>;
}

export interface PipeOptions {
  /** How often the owner is pinged; silent from one tick to the next, it is given up on. */
  heartbeatMs: number;
  logger: Logger;
}

/** Our own pings to the owner carry this; their pongs are not the client's to see. */
const heartbeatPayload = Buffer.from('werktafel-pipe');

export function forwardSocket(client: WebSocket, target: ForwardTarget, { heartbeatMs, logger }: PipeOptions): void {
  const owner = new WebSocket(target.url, { headers: target.headers, perMessageDeflate: false, handshakeTimeout: heartbeatMs });
  const early: { data: Buffer; binary: boolean }[] = [];
  let done = false;
  const closeClient = (code: number, reason: string) => {
    if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) {
      client.close(unsendable.has(code) || code < 1000 ? CloseCode.serverShutdown : code, reason);
    }
  };
  // A silent owner would not answer a close frame either: its socket is dropped at once.
  const finish = (code: number, reason: string, ownerSilent = false) => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    closeClient(code, reason);
    if (owner.readyState === WebSocket.OPEN && !ownerSilent) owner.close(1000);
    else owner.terminate();
  };

  // Anything from the owner (open, frame, ping, pong) since the last tick.
  let heard = true;
  const heartbeat = setInterval(() => {
    // Judged after the input already waiting is read: when this process was busy, the tick
    // fires late, and the owner's answer may be sitting unread in the socket; it is not silent.
    setImmediate(() => {
      if (done) return;
      if (!heard) {
        logger.info('owner silent on a piped socket', { owner: target.url, silentMs: heartbeatMs });
        finish(CloseCode.serverShutdown, 'owner silent', true);
        return;
      }
      heard = false;
      if (owner.readyState === WebSocket.OPEN) owner.ping(heartbeatPayload);
    });
  }, heartbeatMs);
  heartbeat.unref();
  const alive = () => {
    heard = true;
  };

  client.on('message', (data: Buffer, binary: boolean) => {
    if (owner.readyState === WebSocket.OPEN) owner.send(data, { binary });
    else early.push({ data, binary });
  });
  client.on('ping', (data: Buffer) => {
    if (owner.readyState === WebSocket.OPEN) owner.ping(data);
  });
  owner.on('pong', (data: Buffer) => {
    alive();
    if (data.equals(heartbeatPayload)) return;
    if (client.readyState === WebSocket.OPEN) client.pong(data);
  });
  owner.on('ping', alive);
  client.on('close', () => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    if (owner.readyState === WebSocket.OPEN) owner.close(1000);
    else owner.terminate();
  });

  owner.on('open', () => {
    alive();
    for (const frame of early.splice(0)) owner.send(frame.data, { binary: frame.binary });
  });
  owner.on('message', (data: Buffer, binary: boolean) => {
    alive();
    if (client.readyState === WebSocket.OPEN) client.send(data, { binary });
  });
  owner.on('close', (code: number, reason: Buffer) => finish(code, reason.toString()));
  owner.on('unexpected-response', (_request, response) => {
    // The owner refused the upgrade (its own checks): the client hears it as a refusal.
    const status = response.statusCode ?? 502;
    response.resume();
    finish(status === 401 || status === 403 ? CloseCode.accessRevoked : CloseCode.serverShutdown, `owner refused (${status})`);
  });
  owner.on('error', (error: Error) => {
    logger.debug('forwarded socket failed', { message: error.message });
    finish(CloseCode.serverShutdown, 'owner unreachable');
  });
}
