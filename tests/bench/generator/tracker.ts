/**
 * Beacon accounting for one load run: when each writer's events were *scheduled* (the open-loop
 * send time, so a late generator counts against nobody but itself), which receiver saw which
 * beacon, and from that latency, deliveries, duplicates and drops (sequence gaps).
 *
 * Flat typed arrays sized once at the start of the load, so tracking N^2 deliveries costs a
 * bit test and a histogram increment each, and memory stays proportional to N x writers.
 */
import { LatencyHistogram } from '../stats/histogram';

interface Writer {
  doc: number;
  /** Index among the writers of its document. */
  local: number;
  /** Scheduled send time (performance.now ms) of each sequence number. */
  scheduled: Float64Array;
  awarenessScheduled: Float64Array;
  sent: number;
  /** Which of its beacons any receiver has seen (for the stored-state loss check). */
  seenByAnyone: Uint8Array;
}

interface Receiver {
  doc: number;
  /** Its own writer id, or -1: servers that echo send a writer its own edits back. */
  self: number;
  /** One bit per (writer of the doc, seq). */
  bits: Uint8Array;
  /** Highest awareness seq seen per writer of the doc (awareness is last-writer-wins: no gaps). */
  lastAwareness: Int32Array;
}

/** Send schedule and receipts of one load run: latency, deliveries, drops. */
export class BeaconTracker {
  private readonly writers: Writer[] = [];
  private readonly receivers = new Map<number, Receiver>();
  private readonly writersOfDoc = new Map<number, number[]>();
  private readonly capacity: number;
  private readonly bytesPerWriter: number;

  readonly latency = new LatencyHistogram();
  readonly awarenessLatency = new LatencyHistogram();
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  deliveredInWindow = 0;
  awarenessDeliveredInWindow = 0;
  received = 0;
  duplicates = 0;

  /**
   * `capacity`: the most events one writer can send in this run (rate x hard stop).
   * `idBase`: first writer id, so beacons of successive runs on the same document never collide.
   */
  constructor(
    capacity: number,
    readonly idBase = 0,
    /** Whether events carry document beacons at all (awareness-only loads owe no deliveries). */
    readonly withText = true,
  ) {
    this.capacity = capacity;
    this.bytesPerWriter = Math.ceil(capacity / 8);
  }

  /** Registers a writer; returns its id (the number in its beacons). */
  addWriter(doc: number): number {
    const list = this.writersOfDoc.get(doc) ?? [];
    this.writersOfDoc.set(doc, list);
    const id = this.idBase + this.writers.length;
    this.writers.push({
      doc,
      local: list.length,
      scheduled: new Float64Array(this.capacity),
      awarenessScheduled: new Float64Array(this.capacity).fill(Number.NaN),
      sent: 0,
      seenByAnyone: new Uint8Array(this.bytesPerWriter),
    });
    list.push(id);
    return id;
  }

  /** Registers a receiver (a client synced before the load started). */
  addReceiver(client: number, doc: number, self: number): void {
    // Writers of every document are registered before any receiver, so the sizes are final.
    const writers = this.writersOfDoc.get(doc)?.length ?? 0;
    this.receivers.set(client, {
      doc,
      self,
      bits: new Uint8Array(writers * this.bytesPerWriter),
      lastAwareness: new Int32Array(writers).fill(-1),
    });
  }

  /** Whether writer `id` may send another event. */
  canSend(id: number): boolean {
    return this.writers[id - this.idBase]!.sent < this.capacity;
  }

  /** Records that writer `id` sends event `seq` scheduled at `at`; returns seq. */
  recordSend(id: number, at: number, withAwareness: boolean): number {
    const writer = this.writers[id - this.idBase]!;
    const seq = writer.sent++;
    writer.scheduled[seq] = at;
    if (withAwareness) writer.awarenessScheduled[seq] = at;
    return seq;
  }

  /** A document beacon arrived at `client` at `now`. */
  onDocumentBeacon(client: number, writerId: number, seq: number, now: number): void {
    const receiver = this.receivers.get(client);
    const writer = this.writers[writerId - this.idBase];
    if (!receiver || !writer || writer.doc !== receiver.doc || writerId === receiver.self || seq >= writer.sent) return;
    const bit = writer.local * this.bytesPerWriter * 8 + seq;
    const byte = bit >>> 3;
    const mask = 1 << (bit & 7);
    if (receiver.bits[byte]! & mask) {
      this.duplicates++;
      return;
    }
    receiver.bits[byte]! |= mask;
    writer.seenByAnyone[seq >>> 3]! |= 1 << (seq & 7);
    this.received++;
    const scheduled = writer.scheduled[seq]!;
    if (scheduled >= this.windowStart && scheduled < this.windowEnd) {
      this.latency.recordMs(now - scheduled);
      this.deliveredInWindow++;
    }
  }

  /** An awareness beacon arrived; only the first sighting of a newer seq counts. */
  onAwarenessBeacon(client: number, writerId: number, seq: number, now: number): void {
    const receiver = this.receivers.get(client);
    const writer = this.writers[writerId - this.idBase];
    if (!receiver || !writer || writer.doc !== receiver.doc || writerId === receiver.self || seq >= writer.sent) return;
    if (seq <= receiver.lastAwareness[writer.local]!) return;
    receiver.lastAwareness[writer.local] = seq;
    const scheduled = writer.awarenessScheduled[seq]!;
    if (scheduled >= this.windowStart && scheduled < this.windowEnd) {
      this.awarenessLatency.recordMs(now - scheduled);
      this.awarenessDeliveredInWindow++;
    }
  }

  /** Deliveries still owed: every beacon to every other tracked receiver of its document. */
  expected(): number {
    if (!this.withText) return 0;
    const receiversOfDoc = new Map<number, number>();
    for (const r of this.receivers.values()) receiversOfDoc.set(r.doc, (receiversOfDoc.get(r.doc) ?? 0) + 1);
    const selfReceivers = new Set<number>();
    for (const r of this.receivers.values()) if (r.self >= 0) selfReceivers.add(r.self);
    let total = 0;
    this.writers.forEach((w, i) => {
      const receivers = (receiversOfDoc.get(w.doc) ?? 0) - (selfReceivers.has(this.idBase + i) ? 1 : 0);
      total += w.sent * receivers;
    });
    return total;
  }

  /** Events scheduled inside the measurement window. */
  sentInWindow(): number {
    let n = 0;
    for (const w of this.writers) {
      for (let seq = 0; seq < w.sent; seq++) {
        const at = w.scheduled[seq]!;
        if (at >= this.windowStart && at < this.windowEnd) n++;
      }
    }
    return n;
  }

  sentTotal(): number {
    return this.writers.reduce((sum, w) => sum + w.sent, 0);
  }

  /** Writer ids in use: `idBase + count` is the next run's base. */
  get writerCount(): number {
    return this.writers.length;
  }

  get receiverCount(): number {
    return this.receivers.size;
  }

  /** `writer:seq` of every document beacon at least one receiver saw. */
  deliveredKeys(): string[] {
    const keys: string[] = [];
    this.writers.forEach((w, i) => {
      for (let seq = 0; seq < w.sent; seq++) if (w.seenByAnyone[seq >>> 3]! & (1 << (seq & 7))) keys.push(`${this.idBase + i}:${seq}`);
    });
    return keys;
  }

  /** Beacons sent to each document (for the full clients' content check). */
  sentPerDoc(): Map<number, number> {
    const perDoc = new Map<number, number>();
    if (!this.withText) return perDoc;
    for (const w of this.writers) perDoc.set(w.doc, (perDoc.get(w.doc) ?? 0) + w.sent);
    return perDoc;
  }
}
