/**
 * A room's outgoing broadcasts, written once per event-loop turn instead of once per message.
 *
 * Fan-out costs rate x N^2 socket writes, and one write (a system call) costs more than the
 * Yjs work behind the message. Every frame that arrives in one turn of the loop is applied
 * and stored at once; its broadcast waits here until the turn's I/O has been read
 * (`setImmediate`), and then every connection gets all of the turn's messages in a single
 * write: each message framed once for everyone, the frames joined once per distinct set of
 * recipients (everyone, or everyone but a sender who must not get its own update back).
 *
 * A busy room also keeps `intervalMs` between two writes: the cost is per write, and at a
 * hundred typists a turn rarely holds more than one person's keystroke and cursor. A room that
 * has not written for that long writes at the end of the turn, so a quiet room adds no delay.
 */
import type { Connection } from './Connection';
import { frameBinaryMessage } from './wsFrame';

/** One message waiting for the end of the turn, framed once for all its recipients. */
interface Pending {
  payload: Uint8Array;
  framed: Buffer;
  /** The connection that must not receive it (its sender), or null for everyone. */
  except: Connection | null;
  /** An awareness message: the stock client answers each with one of its own. */
  awareness: boolean;
}

/** Messages for one set of recipients: the payloads as they are, and framed in one buffer. */
export class OutgoingBatch {
  private framedBytes: Buffer | null = null;
  readonly payloads: readonly Uint8Array[];
  /** Awareness messages among them (see {@link Connection.sendBatch}). */
  readonly awarenessCount: number;

  private constructor(private readonly items: readonly Pending[]) {
    this.payloads = items.map((item) => item.payload);
    this.awarenessCount = items.filter((item) => item.awareness).length;
  }

  /** Messages sent straight to one connection (a joiner's document), framed here. */
  static of(payloads: readonly Uint8Array[]): OutgoingBatch {
    return new OutgoingBatch(payloads.map((payload) => ({ payload, framed: frameBinaryMessage(payload), except: null, awareness: false })));
  }

  static pending(items: readonly Pending[]): OutgoingBatch {
    return new OutgoingBatch(items);
  }

  /** All messages as WebSocket frames in one buffer, joined once however many get it. */
  get framed(): Buffer {
    this.framedBytes ??= this.items.length === 1 ? this.items[0]!.framed : Buffer.concat(this.items.map((item) => item.framed));
    return this.framedBytes;
  }
}

export class Outbox {
  private pending: Pending[] = [];
  private scheduled: { cancel(): void } | null = null;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly recipients: () => Iterable<Connection>,
    private readonly intervalMs = 0,
  ) {}

  push(payload: Uint8Array, except: Connection | null, awareness = false): void {
    this.pending.push({ payload, framed: frameBinaryMessage(payload), except, awareness });
    this.scheduled ??= this.schedule();
  }

  private schedule(): { cancel(): void } {
    const wait = this.lastFlushAt + this.intervalMs - performance.now();
    if (wait < 1) {
      const immediate = setImmediate(() => this.flush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timer = setTimeout(() => this.flush(), wait);
    return { cancel: () => clearTimeout(timer) };
  }

  /** Writes everything pending now. */
  flush(): void {
    const pending = this.takePending();
    if (pending.length === 0) return;
    this.lastFlushAt = performance.now();

    const senders = new Set<Connection>();
    for (const item of pending) if (item.except) senders.add(item.except);
    const everyone = OutgoingBatch.pending(pending);
    for (const connection of this.recipients()) {
      if (!senders.has(connection)) {
        connection.sendBatch(everyone);
        continue;
      }
      const others = pending.filter((item) => item.except !== connection);
      if (others.length > 0) connection.sendBatch(OutgoingBatch.pending(others));
    }
  }

  /** Drops what is pending (the room is going away, or holds state that must not be sent). */
  discard(): void {
    this.takePending();
  }

  private takePending(): Pending[] {
    this.scheduled?.cancel();
    this.scheduled = null;
    const pending = this.pending;
    this.pending = [];
    return pending;
  }
}
