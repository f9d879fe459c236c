/**
 * Throttles failed sign-ins per account at one address and per address. After a number of free
 * attempts every further failure doubles the wait (capped), so guessing becomes slow while a
 * person who mistypes twice is never bothered. Kept in memory: a restart forgives, which is an
 * acceptable trade. With several instances each failure and success is told to the others
 * (the cluster bus), which count it too: guessing spread over instances is as slow as on one.
 */
import { createHash } from 'node:crypto';
import { standalone, type ClusterLink } from '../cluster/ClusterBus';
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

/**
 * Failures count per (account, address) and per address, never per account alone: a counter
 * per account lets anyone anywhere lock its owner out with a few wrong passwords. Guessing one
 * account from one address stays slow; a flood from one address is slowed for every account it
 * tries; the owner at their own address is not affected by either.
 */
export class SignInThrottle {
  private readonly accountAtAddress: Throttle;
  private readonly address: Throttle;

  constructor(
    rules: { accountAtAddress: ThrottleRule; address: ThrottleRule },
    private readonly cluster: ClusterLink = standalone,
  ) {
    this.accountAtAddress = new Throttle(rules.accountAtAddress);
    this.address = new Throttle(rules.address);
  }

  /** Milliseconds before this account may be tried again from this address (0: now). */
  retryAfterMs(email: string, address: string, now = Date.now()): number {
    return Math.max(this.accountAtAddress.retryAfterMs(pairKey(accountKey(email), address), now), this.address.retryAfterMs(address, now));
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    const account = accountKey(email);
    this.countFailure(account, address, now);
    this.cluster.forward({ kind: 'signIn', outcome: 'failure', account, address, at: now });
  }

  /**
   * Forgives this account's failures at this address. The address's own count stays: signing in
   * to an account of one's own must not reset a flood against everybody else's.
   */
  recordSuccess(email: string, address: string): void {
    const account = accountKey(email);
    this.accountAtAddress.reset(pairKey(account, address));
    this.cluster.forward({ kind: 'signIn', outcome: 'success', account, address, at: Date.now() });
  }

  /** A sign-in another instance saw. */
  applyFromCluster(outcome: 'failure' | 'success', account: string, address: string, at: number): void {
    if (outcome === 'failure') this.countFailure(account, address, at);
    else this.accountAtAddress.reset(pairKey(account, address));
  }

  private countFailure(account: string, address: string, now: number): void {
    this.accountAtAddress.recordFailure(pairKey(account, address), now);
    this.address.recordFailure(address, now);
  }
}

/** An account as the throttle (and the other instances) know it: no e-mail address leaves. */
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
/** One key per pair; JSON keeps an address and an account from ever running into each other. */
const pairKey = (account: string, address: string) => JSON.stringify([account, address]);

const FIFTEEN_MINUTES = 15 * 60_000;
const HOUR = 60 * 60_000;

export function createSignInThrottle(cluster: ClusterLink = standalone): SignInThrottle {
  return new SignInThrottle(
    {
      accountAtAddress: { freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: FIFTEEN_MINUTES, windowMs: HOUR },
      address: { freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: FIFTEEN_MINUTES, windowMs: HOUR },
    },
    cluster,
  );
}

/**
 * Wrong join codes per address (issue 14 item 7): a table of residents may mistype a few, one
 * address trying codes gets slower and slower. With 31^8 codes and a few live at a time, a
 * guesser at this pace needs far longer than a code lives (NIST SP 800-63B 5.2.2). Each wrong
 * code is told to the other instances too, as a sign-in failure is: guesses spread over
 * instances count together.
 */
export class JoinCodeThrottle {
  private readonly throttle = new Throttle({ freeAttempts: 10, baseDelayMs: 1_000, maxDelayMs: FIFTEEN_MINUTES, windowMs: HOUR });

  constructor(private readonly cluster: ClusterLink = standalone) {}

  retryAfterMs(address: string, now = Date.now()): number {
    return this.throttle.retryAfterMs(address, now);
  }

  recordFailure(address: string, now = Date.now()): void {
    this.throttle.recordFailure(address, now);
    this.cluster.forward({ kind: 'joinCodeFailure', address, at: now });
  }

  /** A wrong code another instance saw. */
  applyFromCluster(address: string, at: number): void {
    this.throttle.recordFailure(address, at);
  }
}
