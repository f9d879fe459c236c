/**
 * The benchmark's own throw-away PostgreSQL for ours on PostgreSQL (CP, C3x, C2x): started on
 * first use with the cluster suite's starter (`tests/helpers/postgres.ts`), but durable (fsync,
 * synchronous_commit and full_page_writes on), since the benchmark measures what a durable
 * append costs. It runs on the server core, next to the server processes it serves: it is part
 * of the system under test. Every server start gets a fresh database of its own.
 */
import { createTestDatabase, dropTestDatabase, findPostgresBin, startThrowAwayPostgres, type ThrowAwayPostgres } from '../../helpers/postgres';
import { SERVER_CORE, pinned } from '../pinning';

let started: Promise<ThrowAwayPostgres> | null = null;
let running: ThrowAwayPostgres | null = null;

/** Why the PostgreSQL variants cannot run here, or null when they can. */
export function postgresUnavailableReason(): string | null {
  try {
    findPostgresBin();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function server(): Promise<ThrowAwayPostgres> {
  started ??= startThrowAwayPostgres({ durable: true, wrap: (command, args) => pinned(SERVER_CORE, command, args) }).then((pg) => {
    running = pg;
    return pg;
  });
  return started;
}

/** A line for the run's output: which PostgreSQL settings the figures were measured with. */
export async function postgresSettingsNote(): Promise<string> {
  const pg = await server();
  return `PostgreSQL for CP/C3x/C2x: throw-away, durable (${pg.settings.replace(/-c /g, '')}), on the server core: figures include the cost of a durable commit`;
}

/** A fresh, empty database on the benchmark's PostgreSQL; resolves with its URL. */
export async function freshBenchDatabase(): Promise<string> {
  return createTestDatabase((await server()).adminUrl);
}

/** Drops a database made by {@link freshBenchDatabase}. */
export async function dropBenchDatabase(url: string): Promise<void> {
  await dropTestDatabase((await server()).adminUrl, url);
}

/** Stops the benchmark's PostgreSQL if it was started. */
export async function stopBenchPostgres(): Promise<void> {
  if (!started) return;
  const pg = await started.catch(() => null);
  started = null;
  running = null;
  await pg?.stop();
}

/** Stops it synchronously (signal handlers). */
export function stopBenchPostgresNow(): void {
  running?.stopNow();
  running = null;
  started = null;
}
