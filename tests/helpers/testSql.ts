/**
 * SQL of the tests' own against a test server's database, on either engine: the SQLite file, or
 * in the cluster suite its PostgreSQL database through psql. For the plain SQL both engines
 * speak alike (`?` placeholders, no engine functions); rows come back as objects with numbers
 * for numeric columns on both. Synchronous, as the SQLite statements the tests used were.
 */
import type { SqliteDatabase } from '../../server/storage/sqlite/openSqlite';
import { psqlRows } from './postgres';

export interface WithDatabase {
  storage: { readonly sqlite: SqliteDatabase };
  databaseUrl?: string | null;
}

/** Each `?` outside a quoted literal becomes psql's quoted variable `:'pN'`. */
function toPsql(sql: string, params: readonly unknown[]): { sql: string; vars: Record<string, string> } {
  let index = 0;
  let quoted = false;
  let out = '';
  for (const char of sql) {
    if (char === "'") quoted = !quoted;
    if (char === '?' && !quoted) out += `:'p${++index}'`;
    else out += char;
  }
  if (index !== params.length) throw new Error(`${index} placeholders, ${params.length} parameters`);
  const vars: Record<string, string> = {};
  params.forEach((value, i) => (vars[`p${i + 1}`] = String(value)));
  return { sql: out, vars };
}

/** Every row the query returns. */
export function sqlAll<Row = Record<string, unknown>>(server: WithDatabase, sql: string, ...params: unknown[]): Row[] {
  if (!server.databaseUrl) return server.storage.sqlite.prepare(sql).all(...params) as Row[];
  const query = toPsql(sql, params);
  // One JSON object per row, in the query's own order (newlines and tabs in values are escaped).
  return psqlRows(server.databaseUrl, `SELECT row_to_json(t) FROM (${query.sql}) t;`, query.vars).map(([json]) => JSON.parse(json!) as Row);
}

/** The first row, or undefined. */
export function sqlGet<Row = Record<string, unknown>>(server: WithDatabase, sql: string, ...params: unknown[]): Row | undefined {
  return sqlAll<Row>(server, sql, ...params)[0];
}

/** Runs a statement that returns no rows (UPDATE, DELETE, INSERT). */
export function sqlRun(server: WithDatabase, sql: string, ...params: unknown[]): void {
  if (!server.databaseUrl) {
    server.storage.sqlite.prepare(sql).run(...params);
    return;
  }
  const query = toPsql(sql, params);
  psqlRows(server.databaseUrl, `${query.sql};`, query.vars);
}

/**
 * A BLOB/BYTEA column as bytes, from either engine: SQLite hands a Buffer, PostgreSQL through
 * psql's JSON a `\x…` hex string.
 */
export function sqlBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
  throw new Error(`not a binary column value: ${typeof value}`);
}
