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
import { Room, type RoomOptions } from './Room';

const KEEPALIVE_INTERVAL_MS = 10_000;
const emptyAwarenessFrame = encodeAwareness(new Uint8Array([0]));

export class RoomRegistry implements ConnectionControl {
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();

  private readonly keepaliveTimer: NodeJS.Timeout;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
    private readonly log: CollabLog,
  ) {
    this.keepaliveTimer = setInterval(() => this.sendKeepalives(), KEEPALIVE_INTERVAL_MS);
    this.keepaliveTimer.unref();
  }

  /** Attaches an upgraded socket to its document's room; closes it if the document cannot load. */
  open(socket: CollabSocket, principal: Principal, documentId: string, wantsAck: boolean): Connection {
    const connection = new Connection(socket, principal, documentId, wantsAck);
    let room = this.rooms.get(documentId);
    if (!room) {
      try {
        room = new Room(documentId, this.store.load(documentId), this.store, this.options, this.log);
      } catch (error) {
        // Refuse rather than serve an empty document that a client would then fill and overwrite.
        this.log.error('document refused: stored state does not load', connection, error);
        connection.close(CloseCode.documentUnavailable, error instanceof DocumentLoadError ? 'document unavailable' : 'error');
        return connection;
      }
      this.rooms.set(documentId, room);
    }
    this.connections.add(connection);
    room.join(connection);
    return connection;
  }

  /** Decodes and handles one frame; a frame that fails closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    const room = this.rooms.get(connection.documentId);
    if (!room || connection.closed) return;
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
    if (room?.leave(connection)) {
      room.compact();
      room.destroy();
      this.rooms.delete(connection.documentId);
    }
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

  /**
   * The stock WebsocketProvider reconnects when it has heard nothing for 30 s. A client alone
   * in a quiet document hears nothing (we do not echo), so it gets an empty awareness frame.
   */
  private sendKeepalives(): void {
    const idleSince = Date.now() - KEEPALIVE_INTERVAL_MS;
    for (const connection of this.connections) {
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
