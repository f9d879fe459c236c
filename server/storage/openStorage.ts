/**
 * Picks the engine: PostgreSQL when a database URL is configured, the embedded SQLite file in
 * the data directory otherwise. The one place outside the engines' folders that knows both.
 */
import type { Storage } from './ports';
import { createPostgresStorage } from './postgres/createPostgresStorage';
import { createSqliteStorage } from './sqlite/createSqliteStorage';

export interface StorageSettings {
  databaseUrl: string | null;
  /** Names this instance in document leases on PostgreSQL. */
  instanceId: string;
  /** Where the other instances reach this one; named in its leases on PostgreSQL. */
  internalUrl: string;
  /** How long a document lease holds after its last renewal, on PostgreSQL. */
  documentLeaseMs: number;
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
}

export type StorageEngine = 'postgres' | 'sqlite';

export const engineOf = (settings: Pick<StorageSettings, 'databaseUrl'>): StorageEngine => (settings.databaseUrl ? 'postgres' : 'sqlite');

/** Opens the configured storage for a server: SQLite holds the data directory while open. */
export async function openStorage(settings: StorageSettings): Promise<Storage> {
  if (settings.databaseUrl) return createPostgresStorage(settings.databaseUrl, { instanceId: settings.instanceId, internalUrl: settings.internalUrl, leaseMs: settings.documentLeaseMs });
  return createSqliteStorage(settings.dataDir, { synchronous: settings.synchronous, holdDataDir: true });
}

/** A second server on the same SQLite data directory (the PostgreSQL engine has no such lock). */
export { DataDirInUseError } from './sqlite/dataDirLock';
