/**
 * Throttles failed sign-ins per account and per IP address. After a number of free attempts
 * every further failure doubles the wait (capped), so guessing becomes slow while a person
 * who mistypes twice is never bothered. Kept in memory: a restart forgives, which is an
 * acceptable trade for a single-process server.
 */
export interface ThrottleRule {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

interface Entry {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export class Throttle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rule: ThrottleRule) {}

  /** Milliseconds the key must still wait, 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const entry = this.live(key, now);
    return entry ? Math.max(0, entry.blockedUntil - now) : 0;
  }

  recordFailure(key: string, now = Date.now()): void {
    const entry = this.live(key, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - this.rule.freeAttempts;
    if (over > 0) {
      entry.blockedUntil = now + Math.min(this.rule.maxDelayMs, this.rule.baseDelayMs * 2 ** (over - 1));
    }
    this.entries.set(key, entry);
    if (this.entries.size > 100_000) this.sweep(now);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailure > this.rule.windowMs && now >= entry.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(now: number): void {
    for (const key of this.entries.keys()) this.live(key, now);
  }
}

export interface SignInThrottle {
  account: Throttle;
  ip: Throttle;
}

export function createSignInThrottle(): SignInThrottle {
  return {
    account: new Throttle({ freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 }),
    ip: new Throttle({ freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 }),
  };
}
