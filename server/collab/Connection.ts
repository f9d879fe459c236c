/** One client socket in one document room, with who is behind it. */
import { CloseCode } from '../../shared/collab/protocol';
import type { PresenceUser } from '../../shared/collab/presence';
import type { CollabAbilities } from '../policies';
import { TokenBucket, type CollabLimits } from './limits';
import type { OutgoingBatch } from './Outbox';

/** The part of a WebSocket a room needs (see collabSocket in upgradeRoute.ts). */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  readonly readyState: number;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /**
   * Writes bytes that are already whole WebSocket frames straight to the network, in one
   * write. Absent where the transport does not allow it; messages then go one by one.
   */
  writeFrames?(frames: Buffer): void;
}

const OPEN = 1;

/** Who opened the connection, fixed at the upgrade by the policy. */
export interface Principal {
  userId: string;
  partyId: string | null;
  sessionId: string;
  workspaceId: string;
  /** What the member's role allows in the document, decided by the policy at the upgrade. */
  abilities: CollabAbilities;
  /** Remote address, for the per-IP connection limit. */
  ip: string;
  /** Who this is, as every awareness state of this connection will say. */
  presence: PresenceUser;
}

export class Connection {
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessClientIds = new Set<number>();
  /** Every awareness client id this connection ever announced: capped, or it could make the room remember without bound. */
  readonly awarenessIdsEverAnnounced = new Set<number>();
  /** Set while a "stored" acknowledgement is scheduled, to send one per short burst. */
  ackScheduled = false;
  closed = false;
  /** When the server last sent this connection anything (ms since epoch). */
  lastSentAt = Date.now();
  readonly rate: TokenBucket;
  readonly byteRate: TokenBucket;
  /**
   * Frames that arrived while the document was still loading, handled in order once it is
   * in; null once the connection has joined its room.
   */
  early: Uint8Array[] | null = [];
  earlyBytes = 0;

  constructor(
    readonly socket: CollabSocket,
    readonly principal: Principal,
    readonly documentId: string,
    /** The client asked for `stored` acknowledgements (`?ack=1`). */
    readonly wantsAck: boolean,
    readonly limits: CollabLimits,
  ) {
    this.rate = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.byteRate = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
  }

  /** Context for every log line about this connection. */
  get logFields(): { document: string; user: string } {
    return { document: this.documentId, user: this.principal.userId };
  }

  send(frame: Uint8Array): void {
    if (!this.writable()) return;
    this.socket.send(frame);
    this.lastSentAt = Date.now();
  }

  /**
   * A room's broadcasts of one event-loop turn, in one write where the socket allows it.
   * The stock WebsocketProvider answers every awareness message it receives with one of its
   * own (it re-sends the states it heard, unchanged), so each one sent here allows one more
   * message in: otherwise the message rate limit would close every stock client once a few
   * hundred people type at once (found by the benchmark at 300 clients, 2 edits/s).
   */
  sendBatch(batch: OutgoingBatch): void {
    if (!this.writable()) return;
    if (this.socket.writeFrames) this.socket.writeFrames(batch.framed);
    else for (const payload of batch.payloads) this.socket.send(payload);
    this.rate.credit(batch.awarenessCount);
    this.lastSentAt = Date.now();
  }

  private writable(): boolean {
    if (this.closed || this.socket.readyState !== OPEN) return false;
    // A client that stops reading would make the server hold every update for it forever.
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'not reading');
      return false;
    }
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }
}
