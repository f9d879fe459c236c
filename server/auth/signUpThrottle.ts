/**
 * Limits sign-ups per client address with a token bucket: a burst for a room full of people who
 * all arrive at the start of a workshop behind one address, then a steady few per minute.
 * Each sign-up costs an argon2 hash (tens of milliseconds of CPU); without a limit one address
 * could spend the server's time on that alone. Kept in memory, like the sign-in throttle.
 */
export interface SignUpRule {
  /** Sign-ups per minute an address earns back. */
  perMinute: number;
  /** Sign-ups an address may make at once. */
  burst: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Beyond this many addresses, full buckets (nothing to remember) are dropped. */
const SWEEP_ABOVE = 100_000;

export class SignUpThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly msPerToken: number;

  constructor(private readonly rule: SignUpRule) {
    this.msPerToken = 60_000 / rule.perMinute;
  }

  /** Takes one sign-up for this address: 0 when granted, otherwise the milliseconds until one is. */
  take(address: string, now = Date.now()): number {
    const bucket = this.refilled(address, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(address, bucket);
      if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) * this.msPerToken);
  }

  private refilled(address: string, now: number): Bucket {
    const bucket = this.buckets.get(address) ?? { tokens: this.rule.burst, updated: now };
    const earned = Math.max(0, now - bucket.updated) / this.msPerToken;
    return { tokens: Math.min(this.rule.burst, bucket.tokens + earned), updated: now };
  }

  private sweep(now: number): void {
    for (const address of [...this.buckets.keys()]) {
      if (this.refilled(address, now).tokens >= this.rule.burst) this.buckets.delete(address);
    }
  }
}
