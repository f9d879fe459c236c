/** Abuse limits of the collaboration socket, and the token bucket that enforces message rates. */

export interface CollabLimits {
  /** Largest awareness update accepted from one connection, in bytes. */
  maxAwarenessBytes: number;
  /** Awareness client ids one connection may announce (a browser tab uses one). */
  maxAwarenessClientsPerConnection: number;
  /** Distinct awareness client ids one connection may announce over its lifetime. */
  maxAwarenessIdsPerConnectionLifetime: number;
  /** Sustained messages per second per connection; 0 turns the limit off. */
  messagesPerSecond: number;
  /** Messages a connection may send at once above the sustained rate (two seconds' worth). */
  messageBurst: number;
  /** Bytes queued for a client that does not read before it is disconnected. */
  maxBufferedBytes: number;
  /** Sustained bytes per second a connection may send (updates and awareness); 0: no limit. */
  bytesPerSecond: number;
  /** Bytes a connection may send at once above the sustained rate. */
  byteBurst: number;
  /** A document whose stored size reaches this accepts no more growth. */
  maxDocumentBytes: number;
}

export const defaultCollabLimits: CollabLimits = {
  maxAwarenessBytes: 64 * 1024,
  maxAwarenessClientsPerConnection: 4,
  maxAwarenessIdsPerConnectionLifetime: 32,
  messagesPerSecond: 500,
  messageBurst: 1_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  bytesPerSecond: 1024 * 1024,
  // A whole frame at once (a client bringing a large offline document), twice over.
  byteBurst: 16 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
};

/**
 * Token bucket: `rate` tokens per second up to `capacity`. Typing produces tens of messages per
 * second at most, so the defaults leave ample room for people and stop only floods.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    now = performance.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Returns `n` tokens (never beyond the capacity): messages the client is owed an answer to. */
  credit(n: number): void {
    if (n > 0) this.tokens = Math.min(this.capacity, this.tokens + n);
  }

  /** Takes `n` tokens if there are that many; false (and nothing taken) otherwise. */
  take(now = performance.now(), n = 1): boolean {
    if (this.rate <= 0) return true;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}
