/**
 * One timer per key (a document) for work that follows changes without being on the sync hot
 * path: re-reading the registers, summarising attribution, an automatic version after a quiet
 * spell. `schedule` on a key that already waits does nothing (the work reads the document when
 * it runs); with `quiet`, the timer waits until nothing was scheduled for the whole delay.
 * A failing task is logged, never thrown out of a timer (which would end the process).
 */
import { describeFailure, type Logger } from './log';

interface Pending {
  timer: NodeJS.Timeout;
  lastScheduledAt: number;
  run: () => void | Promise<void>;
}

export class DocumentTimers {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly delayMs: number,
    private readonly log: Logger,
    private readonly options: { quiet?: boolean } = {},
  ) {}

  schedule(key: string, run: () => void | Promise<void>): void {
    const now = Date.now();
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.lastScheduledAt = now;
      waiting.run = run;
      return;
    }
    const entry: Pending = { timer: this.arm(key, this.delayMs), lastScheduledAt: now, run };
    this.pending.set(key, entry);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  /** Runs the key's waiting work now, if any. */
  async flush(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    await this.runSafely(key, entry.run);
  }

  cancel(key: string): void {
    const entry = this.pending.get(key);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(key);
  }

  stop(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private arm(key: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const entry = this.pending.get(key);
      if (!entry) return;
      // Re-arming on fire instead of on every schedule keeps the hot path to a field write.
      const quietFor = Date.now() - entry.lastScheduledAt;
      if (this.options.quiet && quietFor < this.delayMs) {
        entry.timer = this.arm(key, this.delayMs - quietFor);
        return;
      }
      this.pending.delete(key);
      void this.runSafely(key, entry.run);
    }, delayMs);
    timer.unref();
    return timer;
  }

  private async runSafely(key: string, run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.log.error('scheduled work failed', { key, ...describeFailure(error) });
    }
  }
}
