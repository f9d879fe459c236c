/**
 * The systems under test and how to start each one: the null relay (floor), the y-websocket
 * reference (A0 memory, A1 LevelDB), Hocuspocus (B0 bare, B1 SQLite via the Database extension)
 * and ours (C1 WAL+NORMAL, C2 WAL+FULL, and C0 when an environment switch for "persistence off"
 * is given on the command line). Every one runs in its own pinned process with the probe.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DocTarget } from '../generator/protocol';
import type { Dialect } from '../protocol/wire';
import { OursApi } from './oursApi';
import { ServerProcess, repoRoot } from './serverProcess';

/** Short names of the systems under test, as in docs/bench.md. */
export type ServerId = 'null' | 'A0' | 'A1' | 'B0' | 'B1' | 'C0' | 'Cb' | 'C1' | 'C2';
/** Where a server keeps documents, which decides how the harness seeds and reads them back. */
export type StorageKind = 'none' | 'leveldb' | 'hocuspocus-sqlite' | 'ours';

/** How to run one system under test. */
export interface ServerDef {
  id: ServerId;
  family: 'floor' | 'A' | 'B' | 'C';
  label: string;
  dialect: Dialect;
  storage: StorageKind;
  entry: string;
  env(ctx: { port: number; dataDir: string }): Record<string, string>;
}

const entries = path.join(import.meta.dirname, 'entries');

const oursEnv = (synchronous: 'NORMAL' | 'FULL', extra: Record<string, string> = {}) => (ctx: { port: number; dataDir: string }) => ({
  PORT: String(ctx.port),
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://127.0.0.1:${ctx.port}`,
  DATA_DIR: ctx.dataDir,
  CLIENT_DIR: '',
  SQLITE_SYNCHRONOUS: synchronous,
  // Every benchmark client is the same user from the same address: an artefact of the harness,
  // so the per-user and per-IP connection limits are lifted. The per-connection message rate
  // limit stays as configured (the ceiling scenario lifts it: its writers are not people).
  MAX_CONNECTIONS_PER_USER: '1000000',
  MAX_CONNECTIONS_PER_IP: '1000000',
  ...extra,
});

const defs: Record<Exclude<ServerId, 'C0' | 'Cb'>, ServerDef> = {
  null: {
    id: 'null',
    family: 'floor',
    label: 'null relay',
    dialect: 'yws',
    storage: 'none',
    entry: path.join(entries, 'nullRelay.ts'),
    env: ({ port }) => ({ PORT: String(port) }),
  },
  A0: {
    id: 'A0',
    family: 'A',
    label: 'y-websocket 2.1 (memory)',
    dialect: 'yws',
    storage: 'none',
    entry: path.join(entries, 'ywsReference.ts'),
    env: ({ port }) => ({ PORT: String(port) }),
  },
  A1: {
    id: 'A1',
    family: 'A',
    label: 'y-websocket 2.1 + LevelDB',
    dialect: 'yws',
    storage: 'leveldb',
    entry: path.join(entries, 'ywsReference.ts'),
    env: ({ port, dataDir }) => ({ PORT: String(port), YPERSISTENCE: path.join(dataDir, 'leveldb') }),
  },
  B0: {
    id: 'B0',
    family: 'B',
    label: 'Hocuspocus 3.4',
    dialect: 'hocuspocus',
    storage: 'none',
    entry: path.join(entries, 'hocuspocus.ts'),
    env: ({ port }) => ({ PORT: String(port) }),
  },
  B1: {
    id: 'B1',
    family: 'B',
    label: 'Hocuspocus 3.4 + SQLite',
    dialect: 'hocuspocus',
    storage: 'hocuspocus-sqlite',
    entry: path.join(entries, 'hocuspocus.ts'),
    env: ({ port, dataDir }) => ({ PORT: String(port), HOCUSPOCUS_SQLITE: path.join(dataDir, 'hocuspocus.db') }),
  },
  C1: {
    id: 'C1',
    family: 'C',
    label: 'ours (WAL, NORMAL)',
    dialect: 'yws',
    storage: 'ours',
    entry: path.join(repoRoot, 'server/index.ts'),
    env: oursEnv('NORMAL'),
  },
  C2: {
    id: 'C2',
    family: 'C',
    label: 'ours (WAL, FULL)',
    dialect: 'yws',
    storage: 'ours',
    entry: path.join(repoRoot, 'server/index.ts'),
    env: oursEnv('FULL'),
  },
};

let c0Env: Record<string, string> | null = null;

/** Enables C0 with the given extra environment (the server's "persistence off" switch). */
export function enableC0(env: Record<string, string>): void {
  c0Env = env;
}

/**
 * Cb: ours at an earlier commit, checked out in BENCH_BASELINE_DIR (a `git worktree` with
 * node_modules linked), so an optimisation's before and after run in the same bench run.
 */
export function baselineEnabled(): boolean {
  return Boolean(process.env.BENCH_BASELINE_DIR);
}

/** The definition of a server (C0 and Cb only once enabled). */
export function serverDef(id: ServerId): ServerDef {
  if (id === 'Cb') {
    const dir = process.env.BENCH_BASELINE_DIR;
    if (!dir) throw new Error('Cb needs BENCH_BASELINE_DIR (a checkout of the baseline commit)');
    const label = `ours before (${process.env.BENCH_BASELINE_LABEL ?? path.basename(dir)})`;
    return { ...defs.C1, id: 'Cb', label, entry: path.join(path.resolve(dir), 'server/index.ts') };
  }
  if (id === 'C0') {
    if (!c0Env) throw new Error('C0 needs --c0-env KEY=VALUE (the server has no persistence-off switch yet)');
    return { ...defs.C1, id: 'C0', label: 'ours (persistence off)', storage: 'none', env: oursEnv('NORMAL', c0Env) };
  }
  return defs[id];
}

/** Whether C0 was enabled on the command line. */
export function c0Enabled(): boolean {
  return c0Env !== null;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let runCounter = 0;

/** A started server with its data directory, its documents and its process. */
export class BenchServer {
  private api: OursApi | null = null;
  private docCounter = 0;
  private readonly run = ++runCounter;

  private constructor(
    readonly def: ServerDef,
    readonly port: number,
    readonly dataDir: string,
    public process: ServerProcess,
  ) {}

  /** `extraEnv` is added to the server's environment (scenario-specific switches). */
  static async start(def: ServerDef, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `werktafel-bench-${def.id}-`));
    const proc = await BenchServer.spawn(def, port, dataDir, extraEnv);
    const server = new BenchServer(def, port, dataDir, proc);
    server.extraEnv = extraEnv;
    return server;
  }

  private extraEnv: Record<string, string> = {};

  private static spawn(def: ServerDef, port: number, dataDir: string, extraEnv: Record<string, string>): Promise<ServerProcess> {
    return ServerProcess.start({ name: def.id, entry: def.entry, env: { ...def.env({ port, dataDir }), ...extraEnv } });
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Creates `count` documents (ours: over the HTTP API; others: fresh names). */
  async documents(count: number): Promise<{ names: string[]; targets: DocTarget[] }> {
    let names: string[];
    if (this.def.family === 'C') {
      this.api ??= new OursApi(this.origin);
      names = await this.api.createDocuments(count);
    } else {
      names = Array.from({ length: count }, () => `bench-${this.run}-${this.docCounter++}`);
    }
    return { names, targets: names.map((name) => this.target(name)) };
  }

  /** How a client reaches document `name`. */
  target(name: string): DocTarget {
    const ws = `ws://127.0.0.1:${this.port}`;
    switch (this.def.family) {
      case 'C':
        return { dialect: 'yws', baseUrl: `${ws}/collab`, room: name, headers: this.api!.socketHeaders() };
      case 'B':
        return { dialect: 'hocuspocus', baseUrl: ws, room: name, headers: {} };
      case 'floor':
        return { dialect: 'yws', baseUrl: ws, room: name, headers: {}, relayOnly: true };
      default:
        return { dialect: 'yws', baseUrl: ws, room: name, headers: {} };
    }
  }

  /** Where the seeding and read-back processes find the stored documents. */
  get storageLocation(): string {
    switch (this.def.storage) {
      case 'leveldb':
        return path.join(this.dataDir, 'leveldb');
      case 'hocuspocus-sqlite':
        return path.join(this.dataDir, 'hocuspocus.db');
      default:
        return this.dataDir;
    }
  }

  /** Stops and starts the same server on the same port and data (sessions survive). */
  async restart(): Promise<void> {
    await this.process.stop();
    this.process = await BenchServer.spawn(this.def, this.port, this.dataDir, this.extraEnv);
  }

  async kill9(): Promise<void> {
    await this.process.kill9();
  }

  /** Stops the process and removes its data directory. */
  async dispose(): Promise<void> {
    await this.process.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
