/**
 * A throw-away PostgreSQL for the cluster suite: `initdb` into a temporary directory, started
 * on a free port on 127.0.0.1 with fsync off (the tests kill werktafel, never PostgreSQL), and
 * removed afterwards. Run as the `postgres` user when the tests run as root, since PostgreSQL
 * refuses to run as root. The benchmark starts one too, durable (it measures what a commit costs).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { newId } from '../../server/storage/ids';
import { getFreePort } from './ports';

const run = promisify(execFile);

/** The folder holding initdb, pg_ctl and psql: Debian's versioned folders first, then PATH. */
export function findPostgresBin(): string {
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = [...versions.map((version) => path.join(debian, version, 'bin')), ...(process.env.PATH ?? '').split(path.delimiter)];
  const found = candidates.find((dir) => ['initdb', 'pg_ctl', 'psql'].every((tool) => fs.existsSync(path.join(dir, tool))));
  if (!found) throw new Error('PostgreSQL not found: install Debian\'s postgresql package (initdb, pg_ctl, psql)');
  return found;
}

export interface ThrowAwayPostgres {
  /** A superuser URL for the `postgres` database, for creating the tests' databases. */
  adminUrl: string;
  /** The settings it was started with, as passed to `postgres -c`. */
  settings: string;
  stop(): Promise<void>;
  /** Stops it synchronously (from a signal handler, where nothing async runs any more). */
  stopNow(): void;
}

export interface ThrowAwayPostgresOptions {
  /**
   * fsync, synchronous_commit and full_page_writes on, as in production: for measuring what a
   * commit costs. Off (the default) for tests, which kill werktafel, never PostgreSQL.
   */
  durable?: boolean;
  /** Wraps the server's start command (e.g. in `taskset`); the server inherits what it sets. */
  wrap?: (command: string, args: string[]) => { command: string; args: string[] };
}

const isRoot = () => process.getuid?.() === 0;

/** The command line of a PostgreSQL tool, as the `postgres` user when we are root. */
function toolCommand(bin: string, tool: string, args: string[]): { command: string; args: string[] } {
  const file = path.join(bin, tool);
  return isRoot() ? { command: 'runuser', args: ['-u', 'postgres', '--', file, ...args] } : { command: file, args };
}

/** Runs a PostgreSQL tool, as the `postgres` user when we are root. */
function runTool(bin: string, tool: string, args: string[], wrap = (command: string, args: string[]) => ({ command, args })) {
  const line = toolCommand(bin, tool, args);
  const wrapped = wrap(line.command, line.args);
  return run(wrapped.command, wrapped.args);
}

export async function startThrowAwayPostgres(options: ThrowAwayPostgresOptions = {}): Promise<ThrowAwayPostgres> {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await getFreePort();
  const settings = options.durable
    ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on'
    : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  try {
    // C locale: text sorts by bytes, as in SQLite.
    await runTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${settings} -c max_connections=300`;
    await runTool(bin, 'pg_ctl', ['start', '-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', '-o', serverOptions], options.wrap);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    settings,
    async stop() {
      await runTool(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    stopNow() {
      const line = toolCommand(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      spawnSync(line.command, line.args, { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the throw-away server; resolves with its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `werktafel_${newId()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by {@link createTestDatabase}, closing whatever still uses it. */
export async function dropTestDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^werktafel_[a-z0-9]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Runs SQL with psql and returns its rows as tab-separated fields, synchronously: the tests'
 * read-only views of stored data are synchronous, as they are on SQLite. `vars` are passed as
 * psql variables and quoted by psql (`:'name'` in the SQL), never spliced in here.
 */
export function psqlRows(url: string, sql: string, vars: Record<string, string | number> = {}): string[][] {
  const args = ['-d', url, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1'];
  for (const [name, value] of Object.entries(vars)) args.push('-v', `${name}=${value}`);
  const out = execFileSync(path.join(findPostgresBin(), 'psql'), args, { input: sql, encoding: 'utf8' });
  return out.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
}
