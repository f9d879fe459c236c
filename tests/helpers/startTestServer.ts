/**
 * A real werktafel server for tests: real HTTP and WebSocket on a free port, real SQLite in a
 * temporary data directory (or, in the cluster suite, a fresh database on the throw-away
 * PostgreSQL: `testDatabase.ts`). In-process by default; `spawnServerProcess` runs it as a
 * separate process for tests that kill it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer, type StartOptions } from '../../server/server';
import type { SqliteDatabase } from '../../server/storage/sqlite/openSqlite';
import { captureLog, type LogRecord } from './logCapture';
import { getFreePort } from './ports';
import { databaseEnvFor } from './testDatabase';

/**
 * Every test signs its people up from 127.0.0.1, dozens per server: the sign-up limit per
 * address is lifted here (so is the password reset limit), and tests/integration/signUpLimit.test.ts
 * and passwordReset.test.ts set their own.
 */
const testDefaults = { SIGNUP_BURST: '100000', PASSWORD_RESET_BURST: '100000' };

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-test-'));
}

/**
 * The storage as tests see it: `sqlite` is the open file on SQLite; in the cluster suite reading
 * it throws, naming the test as one for the SQLite suite only.
 */
export type TestStorage = RunningServer['storage'] & { readonly sqlite: SqliteDatabase };

function asTestStorage(storage: RunningServer['storage']): TestStorage {
  if ('sqlite' in storage) return storage as TestStorage;
  return Object.defineProperty({ ...storage }, 'sqlite', {
    get(): never {
      throw new Error('this test reads the SQLite file directly: it belongs to the SQLite suite only (exclude it in vitest.cluster.config.ts)');
    },
  }) as TestStorage;
}

export interface TestServer extends Omit<RunningServer, 'storage'> {
  storage: TestStorage;
  origin: string;
  dataDir: string;
  /** The PostgreSQL database the server stores in (cluster suite); null on SQLite. */
  databaseUrl: string | null;
  /** Every line the server logged, as records. */
  log: LogRecord[];
  /** Closes the server and removes its data directory. */
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, options: Omit<StartOptions, 'logger'> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? makeDataDir();
  const port = await getFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const database = await databaseEnvFor(dataDir);
  const config = loadConfig({ ...testDefaults, ...database, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: origin, DATA_DIR: dataDir, CLIENT_DIR: '', ...env });
  const capture = captureLog();
  const server = await startServer(config, { ...options, logger: capture.logger });
  return {
    ...server,
    storage: asTestStorage(server.storage),
    origin,
    dataDir,
    databaseUrl: config.databaseUrl,
    log: capture.records,
    async stop() {
      await server.close();
      if (!env.DATA_DIR && !process.env.KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  origin: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database the server stores in (cluster suite); null on SQLite. */
  databaseUrl: string | null;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  /** SIGKILL: no shutdown code runs. */
  kill9(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<number | null>;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Starts `server/index.ts` in its own Node process on the given data directory; `compiled`:
 * the compiled `dist-server/index.js` with plain Node, as `npm start` runs it.
 */
export async function spawnServerProcess(dataDir: string, env: Record<string, string> = {}, { compiled = false } = {}): Promise<ServerProcess> {
  const port = await getFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const database = await databaseEnvFor(dataDir);
  const args = compiled ? [path.join(repoRoot, 'dist-server/index.js')] : ['--import', 'tsx', path.join(repoRoot, 'server/index.ts')];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...testDefaults, ...database, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: origin, DATA_DIR: dataDir, CLIENT_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listens on')) {
        // Started: the deadline below is for the start only, not for the server's life.
        clearTimeout(startDeadline);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
    const startDeadline = setTimeout(() => {
      // Not left running behind a failed test (one outlived its test by half an hour).
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 20 s:\n${output}`));
    }, 20_000);
    startDeadline.unref();
  });
  return {
    origin,
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? database.DATABASE_URL ?? null,
    child,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
