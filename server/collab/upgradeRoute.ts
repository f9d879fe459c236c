/**
 * `GET /collab/:documentId`: authorizes the WebSocket upgrade with the same policy as the HTTP
 * API, and refuses it with a plain 401/403 before any document byte is sent. With several
 * instances, a socket whose document another instance owns is piped there once authorized here
 * (the owner authorizes it again); a piped socket is never piped on.
 */
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import { clientAddress } from '../http/clientAddress';
import { requestLanguage } from '../http/language';
import { translate } from '../../shared/i18n/translate';
import { ackParam, collabPath, modeParam, suggestModeValue } from '../../shared/collab/protocol';
import { forwardSocket } from '../cluster/forwardSocket';
import { forwardedHeaders } from '../cluster/peerHeaders';
import type { AppEnv, Services } from '../context';
import { can, collabAbilitiesFor } from '../policies';
import { noPartyColor } from '../../shared/collab/presence';
import type { CollabSocket, Principal } from './Connection';
import type { RoomRegistry } from './RoomRegistry';
import { guestsWriteNow } from '../sessions/guestWriting';

/**
 * Pre-framed bytes go straight to the TCP socket under the \`ws\` WebSocket: \`ws\` would frame
 * and write every message again for every recipient. Safe because permessage-deflate is off
 * (\`ws\` then never holds frames back in a queue of its own, so order is kept) and server
 * frames are unmasked. Where the socket is not reachable, messages go through \`ws\` one by one.
 */
function rawFrameWriter(raw: WebSocket): ((frames: Buffer) => void) | undefined {
  const ws = raw as unknown as { _socket?: { write?: unknown; destroyed?: boolean }; extensions?: string } | undefined;
  const socket = ws?._socket;
  if (!socket || typeof socket.write !== 'function' || ws.extensions !== '') return undefined;
  const tcp = socket as { write(data: Buffer): boolean; destroyed: boolean };
  return (frames) => {
    if (!tcp.destroyed) tcp.write(frames);
  };
}

/** The room's view of an accepted `ws` socket. */
function collabSocket(ws: WebSocket): CollabSocket {
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
    get readyState() {
      return ws.readyState;
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    writeFrames: rawFrameWriter(ws),
  };
}

export function collabRoutes(services: Services, registry: RoomRegistry) {
  const { repos, config } = services;
  const { ownership } = services.storage;
  // A third of the lease, as its renewal: a piped client of a stalled owner is closed within
  // two thirds of it, before the lease has run out (server/cluster/forwardSocket.ts).
  const pipe = { heartbeatMs: Math.max(100, Math.round(config.documentLeaseMs / 3)), logger: services.logger.child({ component: 'forward' }) };

  return new Hono<AppEnv>().get('/:documentId', async (c) => {
    const slot = c.env.upgrade;
    if (!slot) return c.json({ error: { code: 'upgrade_required', message: translate(requestLanguage(c), 'error.websocketOnly') } }, 426);
    // Cross-Site WebSocket Hijacking: browsers send cookies with cross-site upgrades, so the
    // Origin must be ours.
    if (c.req.header('origin') !== config.publicOrigin) return c.json({ error: { code: 'bad_origin', message: 'Origin not allowed' } }, 403);
    const user = c.get('user');
    const session = c.get('session');
    if (!user || !session) return c.json({ error: { code: 'unauthorized', message: 'Not signed in' } }, 401);
    const documentId = c.req.param('documentId');
    const document = await repos.documents.findById(documentId);
    const membership = document ? await repos.members.find(document.workspace_id, user.id) : undefined;
    // An unknown document and a document of someone else's workspace look the same.
    if (!document || !can(membership, 'document:read')) return c.json({ error: { code: 'forbidden', message: 'No access' } }, 403);

    const piped = c.get('fromPeer');
    if (!piped && !registry.hasRoom(document.id)) {
      const location = await ownership.locate(document.id).catch(() => null);
      if (!location) return c.json({ error: { code: 'document_unavailable', message: translate(requestLanguage(c), 'error.documentUnavailable') } }, 503);
      if (!location.here) {
        const target = new URL(`${collabPath}/${encodeURIComponent(document.id)}${new URL(c.req.url).search}`, location.internalUrl.replace(/^http/, 'ws'));
        const headers: Record<string, string> = {
          origin: c.req.header('origin') ?? '',
          cookie: c.req.header('cookie') ?? '',
          [forwardedHeaders.secret]: ownership.forwardingSecret ?? '',
          [forwardedHeaders.clientAddress]: clientAddress(c, config.trustProxy),
        };
        const language = c.req.header('accept-language');
        if (language) headers['accept-language'] = language;
        slot.accept = (ws) => forwardSocket(ws, { url: target.href, headers }, pipe);
        return c.body(null, 200);
      }
    }

    const guestsWrite = await guestsWriteNow(repos, membership);
    const party = membership!.party_id ? await repos.parties.findById(membership!.party_id) : undefined;
    // Counted after the last await: between the count and the accept below nothing waits on
    // storage, so simultaneous upgrades cannot all pass the cap before any of them is open
    // (they did on PostgreSQL, where a lookup is real I/O and other upgrades run meanwhile).
    // A piped socket's client is the one the forwarding instance saw, not that instance.
    const ip = clientAddress(c, config.trustProxy);
    // Across the cluster: this instance's sockets and what the others last said of theirs.
    const open = services.census.counts(user.id, ip);
    if (open.user >= config.maxConnectionsPerUser || open.ip >= config.maxConnectionsPerIp) {
      return c.json({ error: { code: 'too_many_connections', message: 'Too many open connections' } }, 429);
    }
    const principal: Principal = {
      ip,
      presence: { id: user.id, name: user.name, partyId: party?.id ?? null, partyName: party?.name ?? '', color: party?.color ?? noPartyColor },
      userId: user.id,
      partyId: membership!.party_id,
      sessionId: session.id,
      workspaceId: document.workspace_id,
      abilities: collabAbilitiesFor(membership, c.req.query(modeParam) === suggestModeValue, guestsWrite),
    };
    const wantsAck = c.req.query(ackParam) === '1';
    slot.accept = (ws) => {
      const connection = registry.open(collabSocket(ws), principal, document.id, wantsAck);
      // Binary frames arrive as Buffers (Uint8Arrays); a text frame is handed over as its bytes
      // and fails to decode like any other malformed frame.
      ws.on('message', (data: Buffer) => registry.receive(connection, data));
      ws.on('ping', (data: Buffer) => registry.ping(connection, () => ws.pong(data)));
      ws.on('close', (code) => registry.closed(connection, code));
    };
    // The upgrade handler completes the handshake; this response is never sent.
    return c.body(null, 200);
  });
}
