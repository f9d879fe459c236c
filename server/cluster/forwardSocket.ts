/**
 * Pipes a client's socket to the instance that owns its document: every frame as it came, in
 * order, both ways; the owner's close code reaches the client as it was sent. The owner decides
 * everything (session, policy, limits) as for a socket of its own; this instance only carries
 * bytes. When the owner cannot be reached or goes away without a code, the client is told to
 * reconnect, and its next attempt finds the document's new owner (perhaps this instance).
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

export function forwardSocket(client: WebSocket, target: ForwardTarget, logger: Logger): void {
  const owner = new WebSocket(target.url, { headers: target.headers, perMessageDeflate: false });
  const early: { data: Buffer; binary: boolean }[] = [];
  let done = false;

  const closeClient = (code: number, reason: string) => {
    if (client.readyState === WebSocket.OPEN || client.readyState === WebSocket.CONNECTING) {
      client.close(unsendable.has(code) || code < 1000 ? CloseCode.serverShutdown : code, reason);
    }
  };
  const finish = (code: number, reason: string) => {
    if (done) return;
    done = true;
    closeClient(code, reason);
    if (owner.readyState === WebSocket.OPEN) owner.close(1000);
    else owner.terminate();
  };

  client.on('message', (data: Buffer, binary: boolean) => {
    if (owner.readyState === WebSocket.OPEN) owner.send(data, { binary });
    else early.push({ data, binary });
  });
  client.on('ping', (data: Buffer) => {
    if (owner.readyState === WebSocket.OPEN) owner.ping(data);
  });
  owner.on('pong', (data: Buffer) => {
    if (client.readyState === WebSocket.OPEN) client.pong(data);
  });
  client.on('close', () => {
    if (done) return;
    done = true;
    if (owner.readyState === WebSocket.OPEN) owner.close(1000);
    else owner.terminate();
  });

  owner.on('open', () => {
    for (const frame of early.splice(0)) owner.send(frame.data, { binary: frame.binary });
  });
  owner.on('message', (data: Buffer, binary: boolean) => {
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
