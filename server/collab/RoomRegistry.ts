/**
 * The open rooms and every live connection. A room is loaded once (single flight, however many
 * clients ask at the same moment) and nobody joins it before it is complete: frames that
 * arrive while it loads wait on their connection. It is unloaded (after a final compaction)
 * when its last connection has left and no command holds it.
 */
import { CloseCode, terminalCloseCodes } from '../../shared/collab/protocol';
import { DocumentElsewhereError, type DocumentLocation } from '../cluster/DocumentOwnership';
import type { ConnectionControl } from '../context';
import type { DocumentLog } from '../storage/ports';
import { describeError, describeFailure, type Logger } from '../support/log';
import { nextTurn } from '../support/nextTurn';
import { decodeClientFrame, encodeAuthDenied, encodeAwareness, MalformedFrameError } from './codec';
import { Connection, type CollabSocket, type Principal } from './Connection';
import type { RoomExtensionFactory } from './extensions';
import { defaultCollabLimits, type CollabLimits } from './limits';
import { FrameTurns } from './FrameTurns';
import { DocumentLoadError, loadDocument } from './loadDocument';
import { Room, type RoomOptions } from './Room';

export interface RegistryDeps {
  log: DocumentLog;
  options: RoomOptions;
  logger: Logger;
  extensions: readonly RoomExtensionFactory[];
  /** Whether the session behind a connection still exists, unexpired; checked on every keepalive sweep. */
  isSessionLive(sessionId: string): Promise<boolean>;
  /** Told when a document's room has gone and no other is loading: its lease can be given up. */
  released?(documentId: string): Promise<void>;
  /**
   * Where a document's room belongs (DocumentOwnership.locate): asked by `withRoom` when no room
   * is open here, and claims the document when nobody holds it. Absent: always here.
   */
  locate?(documentId: string): Promise<DocumentLocation>;
  /** Told when a socket of this person from this address opened or closed here (the cluster's connection caps). */
  connectionsChanged?(userId: string, ip: string): void;
  limits?: CollabLimits;
}

const KEEPALIVE_INTERVAL_MS = 10_000;
const MAX_EARLY_FRAMES = 256;
const MAX_EARLY_BYTES = 16 * 1024 * 1024;
/** Frames this large take a pass of the event loop of their own (FrameTurns.ts). */
const HEAVY_FRAME_BYTES = 64 * 1024;
const emptyAwarenessFrame = encodeAwareness(new Uint8Array([0]));

export class RoomRegistry implements ConnectionControl {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly connections = new Set<Connection>();
  private readonly turns = new FrameTurns<Connection>(HEAVY_FRAME_BYTES);
  private readonly keepaliveTimer: NodeJS.Timeout;
  private readonly limits: CollabLimits;
  private readonly logger: Logger;

  constructor(private readonly deps: RegistryDeps) {
    this.limits = deps.limits ?? defaultCollabLimits;
    this.logger = deps.logger;
    this.keepaliveTimer = setInterval(() => void this.sweep(), KEEPALIVE_INTERVAL_MS);
    this.keepaliveTimer.unref();
  }

  /**
   * Attaches an upgraded socket to its document's room: at once when the room is open, else
   * once it has loaded. A document whose stored state does not load is refused with 4503.
   */
  open(socket: CollabSocket, principal: Principal, documentId: string, wantsAck: boolean): Connection {
    const connection = new Connection(socket, principal, documentId, wantsAck, this.limits);
    this.connections.add(connection);
    this.deps.connectionsChanged?.(principal.userId, principal.ip);
    const open = this.rooms.get(documentId);
    if (open) this.admit(connection, open);
    else
      this.acquire(documentId).then(
        (room) => this.admit(connection, room),
        (error: unknown) => {
          // Refuse rather than serve an empty document that a client would then fill and overwrite.
          this.logger.error('document refused: stored state does not load', { ...connection.logFields, ...describeFailure(error) });
          connection.close(CloseCode.documentUnavailable, error instanceof DocumentLoadError ? 'document unavailable' : 'error');
        },
      );
    return connection;
  }

  private admit(connection: Connection, room: Room): void {
    if (connection.closed) {
      this.releaseIfIdle(room);
      return;
    }
    if (room.broken) {
      // The room holds something that is not on disk and unloads once its connections have
      // closed; until then nobody may join it and receive that state. The client retries.
      connection.close(CloseCode.serverShutdown, 'document reloading');
      return;
    }
    room.join(connection);
    const early = connection.early ?? [];
    connection.early = null;
    for (const frame of early) {
      if (connection.closed) break;
      this.handle(room, connection, frame);
    }
  }

  /**
   * Runs `use` with the document's room, loading it for the moment if nobody has it open; the
   * room stays loaded until `use` has finished. Rejects with {@link DocumentLoadError} when the
   * stored state does not load (or its owner cannot be told), and with
   * {@link DocumentElsewhereError} when another live instance owns the document: a room opened
   * here could write nothing (its lease is elsewhere), and a second room would split the
   * document's one writer. Every command that changes a document comes through here, so this is
   * the one place that sends such work to the owner.
   */
  async withRoom<T>(documentId: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    await this.ensureHere(documentId);
    const room = await this.acquire(documentId).catch((error: unknown) => {
      // ensureHere may have claimed the lease for a room that then did not load: give it up,
      // as an unloaded room does, rather than hold it for as long as this instance lives.
      if (this.deps.released && !this.hasRoom(documentId)) {
        this.deps.released(documentId).catch((failure: unknown) => this.logger.warn('document lease not released', { document: documentId, ...describeError(failure) }));
      }
      throw error;
    });
    room.holds += 1;
    try {
      return await use(room);
    } finally {
      room.holds -= 1;
      this.releaseIfIdle(room);
    }
  }

  private async ensureHere(documentId: string): Promise<void> {
    if (!this.deps.locate || this.hasRoom(documentId)) return;
    let location: DocumentLocation;
    try {
      location = await this.deps.locate(documentId);
    } catch (error) {
      throw new DocumentLoadError(documentId, error);
    }
    if (!location.here) throw new DocumentElsewhereError(documentId, { instanceId: location.instanceId, internalUrl: location.internalUrl });
  }

  /** The open room, or the one being loaded; loads it once however many ask at the same time. */
  private acquire(documentId: string): Promise<Room> {
    const open = this.rooms.get(documentId);
    if (open) return Promise.resolve(open);
    let loading = this.loading.get(documentId);
    if (!loading) {
      loading = this.load(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, loading);
    }
    return loading;
  }

  private async load(documentId: string): Promise<Room> {
    // A room that is still unloading writes its final compaction first.
    await this.unloading.get(documentId);
    const loaded = await loadDocument(this.deps.log, documentId);
    const room = new Room(documentId, loaded, this.deps);
    try {
      await nextTurn();
      await room.extensions.load();
    } catch (error) {
      room.destroy();
      throw new DocumentLoadError(documentId, error);
    }
    this.rooms.set(documentId, room);
    return room;
  }

  private releaseIfIdle(room: Room): void {
    if (room.connections.size > 0 || room.holds > 0 || this.rooms.get(room.documentId) !== room) return;
    void this.unload(room);
  }

  private unload(room: Room): Promise<void> {
    this.rooms.delete(room.documentId);
    const done = (async () => {
      await room.settled();
      // A broken room holds state that is not on disk: nothing may read it, nothing is compacted.
      if (!room.broken) {
        // Each step can take a while on a large document (registers, a version, compaction):
        // between them the other rooms get their turn, so one unload is never one long stall.
        await nextTurn();
        await room.extensions.unload();
        await nextTurn();
        await room.compact();
      }
    })()
      .catch((error: unknown) => this.logger.error('unloading failed', { document: room.documentId, ...describeFailure(error) }))
      .finally(() => {
        room.destroy();
        this.unloading.delete(room.documentId);
        if (this.deps.released && !this.hasRoom(room.documentId)) {
          this.deps.released(room.documentId).catch((error: unknown) => this.logger.warn('document lease not released', { document: room.documentId, ...describeError(error) }));
        }
      });
    this.unloading.set(room.documentId, done);
    return done;
  }

  /** True while the document's room is open or loading here. */
  hasRoom(documentId: string): boolean {
    return this.rooms.has(documentId) || this.loading.has(documentId);
  }

  /** Decodes and handles one frame; a frame that fails closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (connection.closed) return;
    const now = performance.now();
    if (!connection.rate.take(now)) {
      this.logger.warn('message rate limit exceeded', connection.logFields);
      connection.close(CloseCode.rateLimited, 'too many messages');
      return;
    }
    // Awareness counts too: a viewer may not flood everyone's presence either.
    if (!connection.byteRate.take(now, frame.length)) {
      this.logger.warn('byte rate limit exceeded', connection.logFields);
      connection.close(CloseCode.rateLimited, 'too many bytes');
      return;
    }
    if (connection.early) {
      // A loading document holds a few frames per client (sync step 1, awareness); a client
      // that keeps sending before it was even answered is flooding.
      connection.earlyBytes += frame.length;
      if (connection.early.length >= MAX_EARLY_FRAMES || connection.earlyBytes > MAX_EARLY_BYTES) {
        this.logger.warn('too many frames before the document loaded', connection.logFields);
        connection.close(CloseCode.rateLimited, 'too many messages');
        return;
      }
      connection.early.push(frame);
      return;
    }
    this.turns.submit(connection, frame.length, () => {
      // A frame that waited for its turn finds the connection or its room possibly gone.
      if (connection.closed) return;
      const room = this.rooms.get(connection.documentId);
      if (room) this.handle(room, connection, frame);
    });
  }

  /** Answers a client's ping once every frame it sent before has been handled. */
  ping(connection: Connection, pong: () => void): void {
    this.turns.afterWaiting(connection, () => {
      if (!connection.closed) pong();
    });
  }

  private handle(room: Room, connection: Connection, frame: Uint8Array): void {
    try {
      room.receive(connection, decodeClientFrame(frame), frame);
    } catch (error) {
      if (error instanceof MalformedFrameError) {
        this.logger.warn('malformed frame', { ...connection.logFields, ...describeError(error) });
        connection.close(CloseCode.malformedFrame, 'malformed frame');
      } else {
        this.logger.error('frame handling failed', { ...connection.logFields, ...describeFailure(error) });
        connection.close(CloseCode.updateRejected, 'message rejected');
      }
    }
  }

  /** Called when the socket is gone, whoever closed it. */
  closed(connection: Connection, code: number): void {
    connection.closed = true;
    this.turns.forget(connection);
    if (code === CloseCode.frameTooLarge) this.logger.warn('frame over the size limit', connection.logFields);
    if (!this.connections.delete(connection)) return;
    this.deps.connectionsChanged?.(connection.principal.userId, connection.principal.ip);
    const room = this.rooms.get(connection.documentId);
    if (!room?.connections.has(connection)) return;
    room.leave(connection);
    this.releaseIfIdle(room);
  }

  closeForMember(workspaceId: string, userId: string, code: number, reason: string): void {
    this.closeWhere((p) => p.workspaceId === workspaceId && p.userId === userId, code, reason);
  }

  closeForSession(sessionId: string, code: number, reason: string): void {
    this.closeWhere((p) => p.sessionId === sessionId, code, reason);
  }

  /** Closes every connection (shutdown); resolves once every room has compacted and unloaded. */
  async closeAll(code: number, reason: string): Promise<void> {
    clearInterval(this.keepaliveTimer);
    for (const connection of [...this.connections]) {
      connection.close(code, reason);
      this.closed(connection, code);
    }
    await Promise.allSettled(this.loading.values());
    for (const room of [...this.rooms.values()]) if (room.holds === 0) void this.unload(room);
    await Promise.allSettled(this.unloading.values());
  }

  /**
   * Rooms in memory: open, or still unloading. A room leaves `rooms` when its last connection
   * goes, but writes its final compaction after that (yielding between its steps): counted until
   * it has, so that "no rooms" means nothing will write to the documents any more.
   */
  roomCount(): number {
    return this.rooms.size + this.unloading.size;
  }

  /** Open connections in all rooms. */
  connectionCount(): number {
    return this.connections.size;
  }

  /** Every (person, address) pair with a socket open here, once per socket. */
  *connectionPairs(): Iterable<{ userId: string; ip: string }> {
    for (const connection of this.connections) yield { userId: connection.principal.userId, ip: connection.principal.ip };
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
   * Ends the sockets of expired sessions, and keeps quiet ones alive: the stock
   * WebsocketProvider reconnects when it has heard nothing for 30 s, and a client alone in a
   * quiet document hears nothing (we do not echo), so it gets an empty awareness frame.
   */
  private async sweep(): Promise<void> {
    const idleSince = Date.now() - KEEPALIVE_INTERVAL_MS;
    const sessions = new Set([...this.connections].map((c) => c.principal.sessionId));
    const live = new Map<string, boolean>();
    try {
      await Promise.all([...sessions].map(async (id) => live.set(id, await this.deps.isSessionLive(id))));
    } catch (error) {
      // Storage did not answer: try again at the next sweep rather than end anyone's session.
      this.logger.warn('session check failed', describeError(error));
      return;
    }
    for (const [sessionId, isLive] of live) {
      // An expired session ends its sockets too, not only its HTTP requests.
      if (!isLive) this.closeForSession(sessionId, CloseCode.sessionEnded, 'session expired');
    }
    for (const connection of this.connections) if (connection.lastSentAt <= idleSince) connection.send(emptyAwarenessFrame);
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
