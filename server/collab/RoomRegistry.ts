/**
 * The open rooms and every live connection. A room is loaded synchronously from SQLite the
 * first time a connection asks for it, so twenty clients arriving together share one load
 * and none of them can see the document before it is complete. It is unloaded (after a final
 * compaction) when its last connection leaves.
 */
import { CloseCode, terminalCloseCodes } from '../../shared/collab/protocol';
import type { ConnectionControl } from '../context';
import { decodeClientFrame, encodeAuthDenied, encodeAwareness, MalformedFrameError } from './codec';
import { Connection, type CollabSocket, type Principal } from './Connection';
import { DocumentLoadError, type DocumentStore } from './DocumentStore';
import type { CollabLog } from './log';
import { Room, type RoomHooks, type RoomOptions } from './Room';
import { defaultCollabLimits, type CollabLimits } from './limits';

export interface RegistryHooks extends RoomHooks {
  /** Whether a session still exists and has not expired; checked on every keepalive sweep. */
  isSessionLive(sessionId: string): boolean;
  /** The room is about to unload: last chance to read its doc. */
  unloading(room: Room): void;
}

const KEEPALIVE_INTERVAL_MS = 10_000;
const emptyAwarenessFrame = encodeAwareness(new Uint8Array([0]));

export class RoomRegistry implements ConnectionControl {
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();

  private readonly keepaliveTimer: NodeJS.Timeout;

  private readonly store: DocumentStore;
  private readonly options: RoomOptions;
  private readonly log: CollabLog;
  private readonly hooks: RegistryHooks;
  private readonly limits: CollabLimits;

  constructor(deps: { store: DocumentStore; options: RoomOptions; log: CollabLog; hooks: RegistryHooks; limits?: CollabLimits }) {
    this.limits = deps.limits ?? defaultCollabLimits;
    this.store = deps.store;
    this.options = deps.options;
    this.log = deps.log;
    this.hooks = deps.hooks;
    this.keepaliveTimer = setInterval(() => this.sendKeepalives(), KEEPALIVE_INTERVAL_MS);
    this.keepaliveTimer.unref();
  }

  /** Attaches an upgraded socket to its document's room; closes it if the document cannot load. */
  open(socket: CollabSocket, principal: Principal, documentId: string, wantsAck: boolean): Connection {
    const connection = new Connection(socket, principal, documentId, wantsAck, this.limits);
    let room: Room;
    try {
      room = this.load(documentId);
    } catch (error) {
      // Refuse rather than serve an empty document that a client would then fill and overwrite.
      this.log.error('document refused: stored state does not load', connection, error);
      connection.close(CloseCode.documentUnavailable, error instanceof DocumentLoadError ? 'document unavailable' : 'error');
      return connection;
    }
    if (room.broken) {
      // The room holds something that is not on disk and unloads once its connections have
      // closed; until then nobody may join it and receive that state. The client retries.
      connection.close(CloseCode.serverShutdown, 'document reloading');
      return connection;
    }
    this.connections.add(connection);
    room.join(connection);
    return connection;
  }

  /**
   * Runs `use` with the document's room, loading it for the moment if nobody has it open.
   * Throws {@link DocumentLoadError} when the stored state does not load.
   */
  withRoom<T>(documentId: string, use: (room: Room) => T): T {
    const room = this.load(documentId);
    try {
      return use(room);
    } finally {
      if (room.connections.size === 0) this.unload(room);
    }
  }

  private load(documentId: string): Room {
    let room = this.rooms.get(documentId);
    if (!room) {
      room = new Room(documentId, this.store.load(documentId), this.store, this.options, this.log, this.hooks);
      this.rooms.set(documentId, room);
    }
    return room;
  }

  private unload(room: Room): void {
    try {
      this.hooks.unloading(room);
    } catch (error) {
      // A failing hook must not keep the room loaded, uncompacted, for the life of the process
      // (found by the protocol fuzz test: the register index threw on a BigInt block attribute).
      this.log.error('unloading hook failed', null, error, room.documentId);
    }
    room.compact();
    room.destroy();
    this.rooms.delete(room.documentId);
  }

  /** Decodes and handles one frame; a frame that fails closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    const room = this.rooms.get(connection.documentId);
    if (!room || connection.closed) return;
    if (!connection.rate.take()) {
      this.log.warn('message rate limit exceeded', connection);
      connection.close(CloseCode.rateLimited, 'too many messages');
      return;
    }
    try {
      room.receive(connection, decodeClientFrame(frame), frame);
    } catch (error) {
      if (error instanceof MalformedFrameError) {
        this.log.warn('malformed frame', connection, error);
        connection.close(CloseCode.malformedFrame, 'malformed frame');
      } else {
        this.log.error('frame handling failed', connection, error);
        connection.close(CloseCode.updateRejected, 'message rejected');
      }
    }
  }

  /** Called when the socket is gone, whoever closed it. */
  closed(connection: Connection, code: number): void {
    connection.closed = true;
    if (code === CloseCode.frameTooLarge) this.log.warn('frame over the size limit', connection);
    if (!this.connections.delete(connection)) return;
    const room = this.rooms.get(connection.documentId);
    if (room?.leave(connection)) this.unload(room);
  }

  closeForMember(workspaceId: string, userId: string, code: number, reason: string): void {
    this.closeWhere((p) => p.workspaceId === workspaceId && p.userId === userId, code, reason);
  }

  closeForSession(sessionId: string, code: number, reason: string): void {
    this.closeWhere((p) => p.sessionId === sessionId, code, reason);
  }

  /** Closes every connection (shutdown) and compacts every room. */
  closeAll(code: number, reason: string): void {
    clearInterval(this.keepaliveTimer);
    for (const connection of [...this.connections]) {
      connection.close(code, reason);
      this.closed(connection, code);
    }
  }

  roomCount(): number {
    return this.rooms.size;
  }

  /** Open connections in all rooms. */
  connectionCount(): number {
    return this.connections.size;
  }

  /** Open connections of one user, and from one address, for the per-user and per-IP limits. */
  connectionCounts(userId: string, ip: string): { user: number; ip: number } {
    let user = 0;
    let fromIp = 0;
    for (const connection of this.connections) {
      if (connection.principal.userId === userId) user += 1;
      if (connection.principal.ip === ip) fromIp += 1;
    }
    return { user, ip: fromIp };
  }

  /**
   * The stock WebsocketProvider reconnects when it has heard nothing for 30 s. A client alone
   * in a quiet document hears nothing (we do not echo), so it gets an empty awareness frame.
   */
  private sendKeepalives(): void {
    const idleSince = Date.now() - KEEPALIVE_INTERVAL_MS;
    const live = new Map<string, boolean>();
    for (const connection of [...this.connections]) {
      const sessionId = connection.principal.sessionId;
      if (!live.has(sessionId)) live.set(sessionId, this.hooks.isSessionLive(sessionId));
      if (!live.get(sessionId)) {
        // An expired session ends its sockets too, not only its HTTP requests.
        this.closeForSession(sessionId, CloseCode.sessionEnded, 'session expired');
        continue;
      }
      if (connection.lastSentAt <= idleSince) connection.send(emptyAwarenessFrame);
    }
  }

  private closeWhere(match: (principal: Principal) => boolean, code: number, reason: string): void {
    for (const connection of [...this.connections]) {
      if (!match(connection.principal)) continue;
      // The y-websocket auth message exists for exactly this: telling a client it was denied.
      if (terminalCloseCodes.has(code)) connection.send(encodeAuthDenied(reason));
      connection.close(code, reason);
      // Leave the room now rather than on the close handshake: access ends at once.
      this.closed(connection, code);
    }
  }
}
