/**
 * Which database a test server gets. On SQLite (the default suite) that is the file in its data
 * directory. In the cluster suite (`npm run test:cluster`) the global setup sets
 * `WERKTAFEL_TEST_POSTGRES` to a throw-away PostgreSQL, and each data directory is paired with
 * a fresh database of its own: a server restarted on the same data directory finds its data
 * again, as it would on SQLite, and test files stay isolated.
 */
import { createTestDatabase } from './postgres';

/** Set by `tests/cluster/globalSetup.ts` for the processes it starts. */
export const postgresAdminUrlVariable = 'WERKTAFEL_TEST_POSTGRES';

const databases = new Map<string, Promise<string>>();

/** The throw-away PostgreSQL's superuser URL, or null on SQLite. */
export function testPostgresAdminUrl(): string | null {
  return process.env[postgresAdminUrlVariable] || null;
}

/** `{ DATABASE_URL }` for a server on this data directory in the cluster suite; `{}` on SQLite. */
export async function databaseEnvFor(dataDir: string): Promise<{ DATABASE_URL?: string }> {
  const adminUrl = testPostgresAdminUrl();
  if (!adminUrl) return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = createTestDatabase(adminUrl);
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: await url };
}

/** A fresh database on the cluster suite's PostgreSQL; throws outside that suite. */
export async function freshTestDatabase(): Promise<string> {
  const adminUrl = testPostgresAdminUrl();
  if (!adminUrl) throw new Error(`${postgresAdminUrlVariable} is not set: run this through npm run test:cluster`);
  return createTestDatabase(adminUrl);
}
