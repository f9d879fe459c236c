/**
 * Both engines hold the same tables with the same columns. A table or column added to SQLite's
 * migrations without its twin in PostgreSQL's (`server/storage/postgres/migrations.ts`) fails
 * here, in the cluster suite, before a repository can meet it missing on PostgreSQL.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresStorage } from '../../server/storage/postgres/createPostgresStorage';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/createSqliteStorage';
import type { Storage } from '../../server/storage/ports';
import { makeDataDir } from '../helpers/startTestServer';
import { freshTestDatabase } from '../helpers/testDatabase';

/**
 * Tables each engine keeps for itself: PostgreSQL records its migrations in a table, and only
 * there do several instances share a database and need document leases.
 */
const engineOwnTables = new Set(['schema_migrations', 'document_leases', 'cluster_secrets', 'sqlite_sequence']);

type Schema = Record<string, string[]>;

let dataDir: string;
let sqlite: SqliteStorage;
let postgresUrl: string;
let postgres: Storage;

beforeAll(async () => {
  dataDir = makeDataDir();
  sqlite = createSqliteStorage(dataDir);
  postgresUrl = await freshTestDatabase();
  postgres = await createPostgresStorage(postgresUrl, { instanceId: 'schema-parity' });
});

afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function sqliteSchema(): Schema {
  const tables = sqlite.sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  const schema: Schema = {};
  for (const { name } of tables) {
    if (engineOwnTables.has(name)) continue;
    schema[name] = sqlite.sqlite.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all().map((column) => column.name).sort();
  }
  return schema;
}

async function postgresSchema(): Promise<Schema> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const schema: Schema = {};
    for (const row of rows) {
      if (engineOwnTables.has(row.table_name)) continue;
      (schema[row.table_name] ??= []).push(row.column_name);
    }
    for (const columns of Object.values(schema)) columns.sort();
    return schema;
  } finally {
    await client.end();
  }
}

it('PostgreSQL has every table and column SQLite has, and no others', async () => {
  const expected = sqliteSchema();
  // Guards the guard: an empty SQLite schema would make any PostgreSQL one pass.
  expect(Object.keys(expected)).toContain('document_updates');
  expect(await postgresSchema()).toEqual(expected);
});
