/**
 * The cluster suite's one throw-away PostgreSQL, started before any test file and removed after
 * the last. Every test server makes its own database on it (`tests/helpers/testDatabase.ts`),
 * so test files stay as isolated as they are on SQLite.
 */
import { startThrowAwayPostgres } from '../helpers/postgres';
import { postgresAdminUrlVariable } from '../helpers/testDatabase';

export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await startThrowAwayPostgres();
  // Test workers are started after this and inherit the variable.
  process.env[postgresAdminUrlVariable] = postgres.adminUrl;
  return async () => {
    delete process.env[postgresAdminUrlVariable];
    await postgres.stop();
  };
}
