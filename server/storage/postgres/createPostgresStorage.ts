/**
 * The engine for several instances: PostgreSQL through `pg`, for the document log and every
 * repository. Selected by `DATABASE_URL`; SQLite stays the default without it.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Storage } from '../ports';
import { createRepos } from '../repositories';
import type { Tables } from '../schema';
import { DocumentLeases } from './DocumentLeases';
import { appliedCount, migrate } from './migrate';
import { migrations } from './migrations';
import { createPostgresBus } from './PostgresBus';
import { createPostgresDocumentLog } from './PostgresDocumentLog';

const INT8_OID = 20;

/**
 * BIGINT columns (times in ms, counts, log ids) come back as numbers, as they do from SQLite;
 * pg's default is a string, since a BIGINT can exceed 2^53. None of ours comes near that, and
 * one that did would be refused rather than rounded.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`BIGINT ${text} is beyond what a number holds exactly`);
  return value;
}

// Per pool rather than through pg.types.setTypeParser: the process-wide table stays untouched.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresStorageOptions {
  /** Connections kept by the pool. */
  maxConnections?: number;
  /** This instance's name in document leases (INSTANCE_ID); one per live instance. */
  instanceId: string;
  /** Where the other instances reach this one (INTERNAL_URL); named in its leases. */
  internalUrl?: string;
  /** How long a document lease holds after its last append (default 30 s). */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 30_000;

/** The cluster's one forwarding secret: made by the first instance, read by every other. */
async function sharedSecret(pool: pg.Pool): Promise<string> {
  await pool.query('INSERT INTO cluster_secrets (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [randomBytes(32).toString('hex')]);
  return (await pool.query<{ secret: string }>('SELECT secret FROM cluster_secrets WHERE id = 1')).rows[0]!.secret;
}

/** Connects, migrates (under an advisory lock) and resolves with the open storage. */
export async function createPostgresStorage(url: string, options: PostgresStorageOptions): Promise<Storage> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // A transaction left open as long as a lease is ended by PostgreSQL: an instance stopped inside
  // an append (SIGSTOP, a long pause) holds the lease row and the document's append lock, and
  // would otherwise keep every other instance from taking the document over until it resumes.
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types, idle_in_transaction_session_timeout: leaseMs });
  // An idle connection that breaks (the server restarted) must not take the process down.
  pool.on('error', () => undefined);
  // Nor one that breaks while in use (ended by that timeout while this process was stopped): pg
  // emits the error on the client when no query is waiting, and the pool listens only to idle
  // ones. The next query on it fails, and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let leases: DocumentLeases;
  let bus: Storage['bus'];
  let forwardingSecret: string;
  try {
    await migrate(pool);
    leases = await DocumentLeases.start(pool, { connectionString: url }, { instanceId: options.instanceId, internalUrl: options.internalUrl ?? '', leaseMs });
    bus = await createPostgresBus(url, pool, options.instanceId);
    forwardingSecret = await sharedSecret(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    log: createPostgresDocumentLog(pool, leases),
    bus,
    ownership: { locate: (documentId) => leases.locate(documentId), release: (documentId) => leases.release(documentId), forwardingSecret },
    repos: createRepos(kysely),
    ping: async () => void (await pool.query('SELECT 1')),
    migrations: async () => ({ applied: await appliedCount(pool), known: migrations.length }),
    async close() {
      await bus.close();
      await leases.close();
      // Kysely's destroy ends the pool it was given.
      await kysely.destroy();
    },
  };
}
