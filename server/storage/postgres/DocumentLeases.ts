/**
 * Who may write a document's log on a shared PostgreSQL: the instance holding its lease, with
 * the lease's epoch. An instance claims a lease that is free, expired, its own, or held by an
 * instance that is gone; every append renews it and names its epoch (PostgresDocumentLog.ts),
 * so an instance that was taken over while it stalled inserts nothing when it comes back.
 *
 * A lease is claimed when a room opens (`locate`), renewed while this instance lives (every
 * third of its length, and by every append), and released when the room goes; it names the
 * holder's INTERNAL_URL, where other instances pipe the document's sockets.
 *
 * "Gone" is told by a session-level advisory lock each instance holds on a connection of its own
 * for as long as it lives: PostgreSQL frees it as soon as that backend ends, killed instance
 * included, so a takeover need not wait for the lease to expire.
 */
import pg from 'pg';
import type { DocumentLocation } from '../../cluster/DocumentOwnership';

/** First keys of the two-key advisory locks: one per instance, held while it lives. */
export const LIVENESS_LOCK_CLASS = 7_413_003;

/** No lease for this instance: another live instance holds the document. */
export class DocumentLeaseHeldError extends Error {
  constructor(documentId: string) {
    super(`document ${documentId} is held by another instance`);
  }
}

/** This instance's lease was taken over: its append inserted nothing. */
export class DocumentFencedError extends Error {
  constructor(documentId: string) {
    super(`document ${documentId} was taken over by another instance; nothing was stored`);
  }
}

export interface LeaseOptions {
  instanceId: string;
  /** Where the other instances reach this one (INTERNAL_URL). */
  internalUrl: string;
  /** How long a lease holds after its last renewal. */
  leaseMs: number;
}

// Takes over when the lease is ours, expired, or its holder's liveness lock is free (the holder
// is gone). The try-lock is held only until this statement's transaction ends.
const claimLease = `
  INSERT INTO document_leases (document_id, instance_id, epoch, expires_at, internal_url)
  VALUES ($1, $2, nextval('document_lease_epochs'), $3, $6)
  ON CONFLICT (document_id) DO UPDATE SET instance_id = excluded.instance_id, epoch = excluded.epoch, expires_at = excluded.expires_at, internal_url = excluded.internal_url
  WHERE document_leases.instance_id = excluded.instance_id
     OR document_leases.expires_at < $4
     OR pg_try_advisory_xact_lock($5, hashtext(document_leases.instance_id))
  RETURNING epoch`;

export class DocumentLeases {
  /** Claimed or being claimed: racing writes of one document share one claim, so one epoch. */
  private readonly epochs = new Map<string, Promise<number>>();

  private readonly renewal: NodeJS.Timeout;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly liveness: pg.Client,
    readonly options: LeaseOptions,
  ) {
    // An open room that nobody writes in keeps its lease: otherwise another instance would
    // take the document over while this one still serves its sockets.
    this.renewal = setInterval(() => {
      this.pool.query('UPDATE document_leases SET expires_at = $2 WHERE instance_id = $1', [options.instanceId, this.expiresAt()]).catch(() => undefined);
    }, Math.max(100, Math.floor(options.leaseMs / 3)));
    this.renewal.unref();
  }

  /** Takes this instance's liveness lock; refuses a second live instance with the same id. */
  static async start(pool: pg.Pool, connection: pg.ClientConfig, options: LeaseOptions): Promise<DocumentLeases> {
    const liveness = new pg.Client({ ...connection, application_name: `werktafel liveness ${options.instanceId}`.slice(0, 63) });
    // A broken liveness connection means others may take our documents over; our appends are
    // fenced from then on, so nothing is lost. Logged by the caller's pool errors, not thrown.
    liveness.on('error', () => undefined);
    await liveness.connect();
    const taken = await liveness.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LIVENESS_LOCK_CLASS, options.instanceId]);
    if (!taken.rows[0]?.ok) {
      await liveness.end();
      throw new Error(`another running instance uses INSTANCE_ID ${options.instanceId}`);
    }
    return new DocumentLeases(pool, liveness, options);
  }

  /** The epoch this instance writes the document with, claiming the lease when it has none. */
  epochFor(documentId: string): Promise<number> {
    let epoch = this.epochs.get(documentId);
    if (!epoch) {
      epoch = this.claim(documentId);
      this.epochs.set(documentId, epoch);
      // A refused claim is not remembered: the next write asks again.
      epoch.catch(() => this.epochs.delete(documentId));
    }
    return epoch;
  }

  private async claim(documentId: string): Promise<number> {
    const now = Date.now();
    const claimed = await this.pool.query<{ epoch: number }>(claimLease, [documentId, this.options.instanceId, now + this.options.leaseMs, now, LIVENESS_LOCK_CLASS, this.options.internalUrl]);
    const epoch = claimed.rows[0]?.epoch;
    if (epoch === undefined) throw new DocumentLeaseHeldError(documentId);
    return epoch;
  }

  /** Here when this instance holds (or now claims) the lease; else the live holder. */
  async locate(documentId: string): Promise<DocumentLocation> {
    // Twice: a holder that released between our refused claim and the look-up is claimed after all.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.epochFor(documentId);
        return { here: true };
      } catch (error) {
        if (!(error instanceof DocumentLeaseHeldError)) throw error;
      }
      const holder = await this.pool.query<{ instance_id: string; internal_url: string }>('SELECT instance_id, internal_url FROM document_leases WHERE document_id = $1', [documentId]);
      const row = holder.rows[0];
      if (row && row.instance_id !== this.options.instanceId) return { here: false, instanceId: row.instance_id, internalUrl: row.internal_url };
    }
    throw new DocumentLeaseHeldError(documentId);
  }

  /** The room went: the lease is given up, so another instance need not wait for it. */
  async release(documentId: string): Promise<void> {
    const epoch = this.epochs.get(documentId);
    this.epochs.delete(documentId);
    if (!epoch) return;
    const held = await epoch.catch(() => null);
    if (held === null) return;
    await this.pool.query('DELETE FROM document_leases WHERE document_id = $1 AND instance_id = $2 AND epoch = $3', [documentId, this.options.instanceId, held]);
  }

  /** The lease was found taken over: the next write claims afresh (and fails while the other lives). */
  forget(documentId: string): void {
    this.epochs.delete(documentId);
  }

  expiresAt(): number {
    return Date.now() + this.options.leaseMs;
  }

  /** Gives up every lease of this instance (a clean stop) and the liveness lock. */
  async close(): Promise<void> {
    clearInterval(this.renewal);
    await this.pool.query('DELETE FROM document_leases WHERE instance_id = $1', [this.options.instanceId]).catch(() => undefined);
    this.epochs.clear();
    await this.liveness.end().catch(() => undefined);
  }
}
