/**
 * Brings a PostgreSQL database's schema up to date. Several instances may start at once: the
 * first to take the advisory lock migrates, the others wait for it and then find nothing to do.
 */
import type pg from 'pg';
import { migrations } from './migrations';

/** Any fixed number, the same in every instance: the key of the session-level lock. */
const MIGRATION_LOCK_KEY = 7_413_001;

export async function migrate(pool: pg.Pool): Promise<void> {
  // One connection for the whole run: a session-level advisory lock belongs to its connection.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const applied = await appliedCount(client);
      for (let version = applied; version < migrations.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[version]!);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version + 1, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Steps recorded as run; counted, as SQLite counts them in `user_version`. */
export async function appliedCount(client: pg.Pool | pg.PoolClient): Promise<number> {
  const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
  return result.rows[0]?.n ?? 0;
}
