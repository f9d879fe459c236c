/** One client socket in one document room, with who is behind it. */

/** The part of a WebSocket a room needs; satisfied by Hono's WSContext. */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  readonly readyState: number;
}

const OPEN = 1;

/** Who opened the connection, fixed at the upgrade by the policy. */
export interface Principal {
  userId: string;
  partyId: string | null;
  sessionId: string;
  workspaceId: string;
  /** False for viewers and commenters: their document updates are dropped on receipt. */
  canWrite: boolean;
}

export class Connection {
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessClientIds = new Set<number>();
  /** Set while a "stored" acknowledgement is scheduled, to send one per short burst. */
  ackScheduled = false;
  closed = false;
  /** When the server last sent this connection anything (ms since epoch). */
  lastSentAt = Date.now();

  constructor(
    readonly socket: CollabSocket,
    readonly principal: Principal,
    readonly documentId: string,
    /** The client asked for `stored` acknowledgements (`?ack=1`). */
    readonly wantsAck: boolean,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    this.socket.send(frame);
    this.lastSentAt = Date.now();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }
}
