/**
 * Helpers for collaboration tests on top of `providers.ts`: a pool that destroys every provider
 * it created, close-code recorders, awareness markers as positive signals, and read-only views
 * of what the server stored.
 */
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { SqliteStorage } from '../../server/storage/sqlite/createSqliteStorage';
import { allLogRowsFromPostgres, docFromStoredRows, readStoredRows, readStoredRowsFromPostgres, type StoredRows } from './storedLog';
import { psqlRows } from './postgres';
import { connectProvider, rawSocket, type ProviderOptions } from './providers';

export type ConnectedProvider = ReturnType<typeof connectProvider>;

/** Creates providers and destroys them all in one call (for `afterEach`). */
export class ProviderPool {
  private readonly providers: WebsocketProvider[] = [];

  connect(documentId: string, options: ProviderOptions, doc?: Y.Doc): ConnectedProvider {
    const connected = connectProvider(documentId, options, doc);
    this.providers.push(connected.provider);
    return connected;
  }

  destroyAll(): void {
    for (const provider of this.providers.splice(0)) provider.destroy();
  }
}

/** Records the close code of every connection of this provider that ended (null: closed locally). */
export function recordCloseCodes(provider: WebsocketProvider): (number | null)[] {
  const codes: (number | null)[] = [];
  provider.on('connection-close', (event) => codes.push(event ? event.code : null));
  return codes;
}

/**
 * Publishes an awareness field. Sent on the provider's socket after everything it sent before,
 * so another client seeing it proves the server has handled those earlier frames.
 */
export function setMarker(provider: WebsocketProvider, value: string): void {
  provider.awareness.setLocalStateField('marker', value);
}

/** True when this provider's awareness holds a remote state with the marker. */
export function seesMarker(provider: WebsocketProvider, value: string): boolean {
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId !== provider.doc.clientID && (state as { marker?: string }).marker === value) return true;
  }
  return false;
}

/**
 * A running server whose stored rows the tests may read: its SQLite file, or in the cluster suite
 * its PostgreSQL database (`databaseUrl`).
 */
export interface WithSqlite {
  storage: Pick<SqliteStorage, 'sqlite'>;
  databaseUrl?: string | null;
}

/** The document exactly as the stored rows make it now. */
export function storedDoc(server: WithSqlite, documentId: string): Y.Doc {
  return docFromStoredRows(readServerRows(server, documentId));
}

function readServerRows(server: WithSqlite, documentId: string): StoredRows {
  return server.databaseUrl ? readStoredRowsFromPostgres(server.databaseUrl, documentId) : readStoredRows(server.storage.sqlite, documentId);
}

export function storedText(server: WithSqlite, documentId: string): string {
  const doc = storedDoc(server, documentId);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
}

/** Every stored byte of a document (snapshot and log), for "unchanged" assertions. */
export function storedRows(server: WithSqlite, documentId: string) {
  const { snapshot } = readServerRows(server, documentId);
  const updates = server.databaseUrl
    ? allLogRowsFromPostgres(server.databaseUrl, documentId)
    : server.storage.sqlite
        .prepare<[string], { id: number; update_bytes: Buffer }>('SELECT id, update_bytes FROM document_updates WHERE document_id = ? ORDER BY id')
        .all(documentId);
  return {
    snapshot: snapshot ? { upto: snapshot.upto_id, state: Buffer.from(snapshot.state).toString('hex') } : null,
    updates: updates.map((row) => ({ id: row.id, hex: Buffer.from(row.update_bytes).toString('hex') })),
  };
}

/** Number of log rows written on behalf of this user (the log keeps the author). */
export function updateRowsBy(server: WithSqlite, documentId: string, userId: string): number {
  if (server.databaseUrl) {
    const sql = "SELECT count(*) FROM document_updates WHERE document_id = :'doc' AND user_id = :'user'";
    return Number(psqlRows(server.databaseUrl, sql, { doc: documentId, user: userId })[0]![0]);
  }
  const row = server.storage.sqlite
    .prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ? AND user_id = ?')
    .get(documentId, userId);
  return row!.n;
}

export interface RawConnection {
  socket: WebSocket;
  /** Binary frames the server sent. */
  frames: Uint8Array[];
  /** Resolves with the close code the client saw. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw socket and resolves once the upgrade succeeded. */
export function openRawSocket(origin: string, documentId: string, cookie: string | null): Promise<RawConnection> {
  const socket = rawSocket(origin, documentId, cookie);
  const frames: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  // A write racing the server's close can fail with EPIPE/ECONNRESET; the close code is what counts.
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames, closed }));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
  });
}

export interface RefusedUpgrade {
  status: number;
  /** The whole HTTP response body of the refusal. */
  body: Buffer;
  /** Frames received over a socket that should never have opened. */
  frames: number;
  opened: boolean;
}

/**
 * Attempts an upgrade and reports everything that came back: the status, the full response
 * body, and whether any WebSocket frame arrived.
 */
export function attemptUpgrade(origin: string, documentId: string, cookie: string | null, sendOrigin = origin): Promise<RefusedUpgrade> {
  return new Promise((resolve) => {
    const socket = rawSocket(origin, documentId, cookie, sendOrigin);
    const result: RefusedUpgrade = { status: 0, body: Buffer.alloc(0), frames: 0, opened: false };
    socket.on('message', () => (result.frames += 1));
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_req, res) => {
      result.status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        result.body = Buffer.concat(chunks);
        socket.terminate();
        resolve(result);
      });
    });
    socket.on('open', () => {
      result.opened = true;
      result.status = 101;
      socket.close();
      resolve(result);
    });
  });
}
