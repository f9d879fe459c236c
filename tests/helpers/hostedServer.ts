/**
 * A test server in a process of its own, for tests whose verdict is the server's event loop
 * (the protocol fuzz): the clients that attack it run in the test's process, so their work and
 * their garbage never count as a server stall — in production the server shares its loop with
 * no client. The watchdog (loopWatchdog.ts) runs beside the server in that process
 * (serverHost.ts); the parent reads the server's SQLite file itself and asks for the rest over
 * the IPC channel.
 */
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { databaseFileName } from '../../server/storage/sqlite/openSqlite';
import type { SqliteDatabase } from '../../server/storage/sqlite/openSqlite';
import type { LogRecord } from './logCapture';
import type { LoopStall } from './loopWatchdog';
import type { TimedWork } from './serverTiming';

type HostQuestion = { type: 'roomCount' } | { type: 'logLength' } | { type: 'logFrom'; from: number } | { type: 'stopWatch' } | { type: 'stop' };
export type HostRequest = { id: number } & HostQuestion;
export interface HostReply {
  id: number;
  value: unknown;
}

export interface HostedWatch {
  watch: { maxLateMs: number; p99DelayMs: number; maxDelayMs: number; stalls: LoopStall[]; descheduled: LoopStall[] };
  slowest: TimedWork[];
  /** Uncaught exceptions and rejections in the server's process. */
  crashes: string[];
}

export interface HostedServer {
  origin: string;
  dataDir: string;
  /** A connection of the test's own to the server's SQLite file, for reading what it stored. */
  storage: { sqlite: SqliteDatabase };
  roomCount(): Promise<number>;
  logLength(): Promise<number>;
  logFrom(from: number): Promise<LogRecord[]>;
  /** Stops the watchdog; what it saw, the slowest server work and the server's crashes. */
  stopWatch(): Promise<HostedWatch>;
  /** How the server's process ended, if it did before `stop` (a crash). */
  exit(): string | null;
  stop(): Promise<void>;
}

const hostScript = path.join(import.meta.dirname, 'serverHost.ts');

export async function startHostedServer(env: Record<string, string>, stallThresholdMs = 250): Promise<HostedServer> {
  const child: ChildProcess = fork(hostScript, [], {
    // HOSTED_NODE_ARGS='--cpu-prof --cpu-prof-dir=…' profiles the server alone.
    execArgv: ['--import', 'tsx', ...(process.env.HOSTED_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, HOSTED_SERVER_ENV: JSON.stringify(env), HOSTED_STALL_MS: String(stallThresholdMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: unknown) => void>();
  let exit: string | null = null;
  let stopping = false;
  child.on('message', (reply: HostReply) => {
    waiting.get(reply.id)?.(reply.value);
    waiting.delete(reply.id);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) exit = `the server's process exited (code ${code}, signal ${signal})`;
      for (const settle of waiting.values()) settle(undefined);
      waiting.clear();
      resolve();
    }),
  );
  let nextId = 1;
  const ask = <T>(request: HostQuestion): Promise<T> =>
    new Promise((resolve, reject) => {
      if (exit) return reject(new Error(exit));
      const id = nextId++;
      waiting.set(id, (value) => (value === undefined && exit ? reject(new Error(exit)) : resolve(value as T)));
      child.send({ ...request, id });
    });
  const started = await new Promise<{ origin: string; dataDir: string }>((resolve, reject) => {
    waiting.set(0, (value) => (value ? resolve(value as { origin: string; dataDir: string }) : reject(new Error(exit ?? 'the server did not start'))));
  });
  const sqlite = new Database(path.join(started.dataDir, databaseFileName), { fileMustExist: true });
  return {
    ...started,
    storage: { sqlite },
    roomCount: () => ask({ type: 'roomCount' }),
    logLength: () => ask({ type: 'logLength' }),
    logFrom: (from) => ask({ type: 'logFrom', from }),
    stopWatch: () => ask({ type: 'stopWatch' }),
    exit: () => exit,
    async stop() {
      sqlite.close();
      if (!exit) {
        stopping = true;
        await ask({ type: 'stop' });
      }
      await exited;
    },
  };
}
