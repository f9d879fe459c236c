/**
 * `GET /collab/:documentId`: authorizes the WebSocket upgrade with the same policy as the HTTP
 * API, and refuses it with a plain 401/403 before any document byte is sent.
 */
import type { UpgradeWebSocket } from 'hono/ws';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ackParam } from '../../shared/collab/protocol';
import type { AppEnv, Services } from '../context';
import { can } from '../policies';
import type { Connection } from './Connection';
import type { RoomRegistry } from './RoomRegistry';

/**
 * Pre-framed bytes go straight to the TCP socket under the \`ws\` WebSocket: \`ws\` would frame
 * and write every message again for every recipient. Safe because permessage-deflate is off
 * (\`ws\` then never holds frames back in a queue of its own, so order is kept) and server
 * frames are unmasked. Where the socket is not reachable, messages go through \`ws\` one by one.
 */
function rawFrameWriter(raw: unknown): ((frames: Buffer) => void) | undefined {
  const ws = raw as { _socket?: { write?: unknown; destroyed?: boolean }; extensions?: string } | undefined;
  const socket = ws?._socket;
  if (!socket || typeof socket.write !== 'function' || ws.extensions !== '') return undefined;
  const tcp = socket as { write(data: Buffer): boolean; destroyed: boolean };
  return (frames) => {
    if (!tcp.destroyed) tcp.write(frames);
  };
}

export function collabRoutes(services: Services, registry: RoomRegistry, upgradeWebSocket: () => UpgradeWebSocket) {
  const { repos, config } = services;

  return new Hono<AppEnv>().get('/:documentId', async (c, next) => {
    // Cross-Site WebSocket Hijacking: browsers send cookies with cross-site upgrades, so the
    // Origin must be ours.
    if (c.req.header('origin') !== config.publicOrigin) return c.json({ error: { code: 'bad_origin', message: 'Origin not allowed' } }, 403);
    const user = c.get('user');
    const session = c.get('session');
    if (!user || !session) return c.json({ error: { code: 'unauthorized', message: 'Not signed in' } }, 401);
    const documentId = c.req.param('documentId');
    const document = repos.documents.findById(documentId);
    const membership = document ? repos.members.find(document.workspace_id, user.id) : undefined;
    // An unknown document and a document of someone else's workspace look the same.
    if (!document || !can(membership, 'document:read')) return c.json({ error: { code: 'forbidden', message: 'No access' } }, 403);

    const ip = getConnInfo(c).remote.address ?? 'unknown';
    const open = registry.connectionCounts(user.id, ip);
    if (open.user >= config.maxConnectionsPerUser || open.ip >= config.maxConnectionsPerIp) {
      return c.json({ error: { code: 'too_many_connections', message: 'Too many open connections' } }, 429);
    }
    const principal = {
      ip,
      userId: user.id,
      partyId: membership!.party_id,
      sessionId: session.id,
      workspaceId: document.workspace_id,
      canWrite: can(membership, 'document:write'),
    };
    const wantsAck = c.req.query(ackParam) === '1';
    let connection: Connection | undefined;
    const upgrade = upgradeWebSocket()(() => ({
      onOpen: (_event, ws) => {
        connection = registry.open(
          {
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => ws.close(code, reason),
            get readyState() {
              return ws.readyState;
            },
            get bufferedAmount() {
              return (ws.raw as { bufferedAmount?: number } | undefined)?.bufferedAmount ?? 0;
            },
            writeFrames: rawFrameWriter(ws.raw),
          },
          principal,
          document.id,
          wantsAck,
        );
      },
      onMessage: (event) => {
        if (!connection) return;
        const data = event.data;
        if (data instanceof ArrayBuffer) registry.receive(connection, new Uint8Array(data));
        else registry.receive(connection, new TextEncoder().encode(String(data)));
      },
      onClose: (event) => {
        if (connection) registry.closed(connection, event.code);
      },
    }));
    return upgrade(c, next);
  });
}
