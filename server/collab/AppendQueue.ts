/**
 * Durable before relay, with an asynchronous log: a room applies an update to its Y.Doc at
 * once, queues the update here, and everything that reveals it — the relay to others, the
 * sender's `stored` ack, a joiner's copy of the document — is queued behind it and leaves only
 * once the append has resolved. One append is in flight per room; updates that arrive
 * meanwhile go out together in the next one. With SQLite the append commits synchronously and
 * resolves within the same event-loop turn, so nothing waits longer than it did before.
 *
 * If an append fails, nothing queued behind it ever runs: the room holds state that is not on
 * disk and must be dropped (the `failed` callback says so).
 */
import type { UpdateAuthor } from '../storage/ports';

export interface LogEntry {
  update: Uint8Array;
  author: UpdateAuthor;
}

interface Item {
  entry: LogEntry | null;
  then: (() => void) | null;
  /** Told when the append before it failed (a caller waiting on a Promise). */
  fail?: (error: unknown) => void;
}

export class AppendQueue {
  private waiting: Item[] = [];
  private inFlight = false;
  private broken = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly append: (entries: LogEntry[]) => Promise<number>,
    private readonly onStored: (lastId: number, entries: readonly LogEntry[]) => void,
    private readonly failed: (error: unknown) => void,
    /** A queued reaction threw: reported, and the ones after it still run. */
    private readonly reactionFailed: (error: unknown) => void,
  ) {}

  /** Queues an update for the log; `then` runs once it is stored. */
  push(entry: LogEntry, then: (() => void) | null = null): void {
    if (this.broken) return;
    this.waiting.push({ entry, then });
    if (this.inFlight) return;
    // The append starts once the current task is done with the room, not at the first push:
    // a client's update and the server's compensation of it (pushed right after) then go to
    // the log in one append and are relayed together. Started at once, the update went alone
    // and its compensation waited a whole append behind it (found by the random-operations
    // test on PostgreSQL, where that is a round trip: every replica showed the update without
    // the compensation for a while).
    this.inFlight = true;
    queueMicrotask(() => void this.drain());
  }

  /**
   * Runs `then` once everything queued so far is stored: at once when nothing waits. Whatever
   * `then` sends must be computed before this call, so it holds nothing queued after it.
   */
  afterStored(then: () => void): void {
    if (this.broken) return;
    if (this.idle) then();
    else this.waiting.push({ entry: null, then });
  }

  /**
   * Resolves once everything queued so far is stored; rejects if an append before it fails.
   * For callers that answer only after their change is durable (an HTTP request).
   */
  stored(): Promise<void> {
    if (this.broken) return Promise.reject(new Error('storage failed earlier'));
    if (this.idle) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ entry: null, then: resolve, fail: reject }));
  }

  /** True when every applied update is stored: the document and the log agree. */
  get idle(): boolean {
    return !this.inFlight && this.waiting.length === 0;
  }

  /** Resolves when the queue is idle, or has failed (check {@link failedBefore}). */
  whenIdle(): Promise<void> {
    if (this.idle || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get failedBefore(): boolean {
    return this.broken;
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      const entries = batch.flatMap((item) => (item.entry ? [item.entry] : []));
      if (entries.length > 0) {
        try {
          const lastId = await this.append(entries);
          this.onStored(lastId, entries);
        } catch (error) {
          this.broken = true;
          const abandoned = [...batch, ...this.waiting];
          this.waiting = [];
          this.inFlight = false;
          for (const item of abandoned) item.fail?.(error);
          this.wakeIdleWaiters();
          this.failed(error);
          return;
        }
      }
      for (const item of batch) {
        try {
          item.then?.();
        } catch (error) {
          this.reactionFailed(error);
        }
      }
    }
    this.inFlight = false;
    this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
