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

interface Pending {
  payload: Uint8Array;
  /** The connection that must not receive it (its sender), or null for everyone. */
  except: Connection | null;
  /** An awareness message: the stock client answers each with one of its own. */
  awareness: boolean;
}

/** Messages for one set of recipients: the payloads as they are, and framed in one buffer. */
export class OutgoingBatch {
  private framedBytes: Buffer | null = null;

  constructor(
    readonly payloads: readonly Uint8Array[],
    private readonly framedEach: readonly Buffer[],
    /** Awareness messages among them (see {@link Connection.sendBatch}). */
    readonly awarenessCount: number,
  ) {}

  /** All messages as WebSocket frames in one buffer, joined once however many get it. */
  get framed(): Buffer {
    this.framedBytes ??= this.framedEach.length === 1 ? this.framedEach[0]! : Buffer.concat(this.framedEach);
    return this.framedBytes;
  }
}

export class Outbox {
  private pending: Pending[] = [];
  private framed: Buffer[] = [];
  private scheduled: { cancel(): void } | null = null;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly recipients: () => Iterable<Connection>,
    private readonly intervalMs = 0,
  ) {}

  push(payload: Uint8Array, except: Connection | null, awareness = false): void {
    this.pending.push({ payload, except, awareness });
    this.framed.push(frameBinaryMessage(payload));
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
    this.scheduled?.cancel();
    this.scheduled = null;
    const pending = this.pending;
    const framed = this.framed;
    if (pending.length === 0) return;
    this.pending = [];
    this.framed = [];
    this.lastFlushAt = performance.now();

    const senders = new Set<Connection>();
    for (const item of pending) if (item.except) senders.add(item.except);
    const everyone = new OutgoingBatch(
      pending.map((item) => item.payload),
      framed,
      pending.filter((item) => item.awareness).length,
    );
    for (const connection of this.recipients()) {
      if (!senders.has(connection)) {
        connection.sendBatch(everyone);
        continue;
      }
      const payloads: Uint8Array[] = [];
      const frames: Buffer[] = [];
      let awarenessCount = 0;
      pending.forEach((item, index) => {
        if (item.except === connection) return;
        payloads.push(item.payload);
        frames.push(framed[index]!);
        if (item.awareness) awarenessCount++;
      });
      if (payloads.length > 0) connection.sendBatch(new OutgoingBatch(payloads, frames, awarenessCount));
    }
  }

  /** Drops what is pending (the room is going away, or holds state that must not be sent). */
  discard(): void {
    this.scheduled?.cancel();
    this.scheduled = null;
    this.pending = [];
    this.framed = [];
  }
}
