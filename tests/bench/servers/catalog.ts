/**
 * The systems under test and how to start each one: the null relay (floor), the y-websocket
 * reference (A0 memory, A1 LevelDB), Hocuspocus (B0 bare, B1 SQLite via the Database extension)
 * and ours (C1 WAL+NORMAL, C2 WAL+FULL, and C0 when an environment switch for "persistence off"
 * is given on the command line; on PostgreSQL: CP one instance, C3x three instances with the
 * clients spread over them, C2x two instances for the failover scenario). Every one runs in its
 * own pinned process with the probe; the instances of one cluster share the server core.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DocTarget } from '../generator/protocol';
import type { Dialect } from '../protocol/wire';
import { dropBenchDatabase, freshBenchDatabase } from './benchPostgres';
import { OursApi } from './oursApi';
import { ServerProcess, repoRoot } from './serverProcess';

/** Short names of the systems under test, as in docs/bench.md. */
export type ServerId = 'null' | 'A0' | 'A1' | 'B0' | 'B1' | 'C0' | 'Cb' | 'C1' | 'C2' | 'CP' | 'C3x' | 'C2x';
/** Where a server keeps documents, which decides how the harness seeds and reads them back. */
export type StorageKind = 'none' | 'leveldb' | 'hocuspocus-sqlite' | 'ours' | 'ours-postgres';

/** How to run one system under test. */
export interface ServerDef {
  id: ServerId;
  family: 'floor' | 'A' | 'B' | 'C';
  label: string;
  dialect: Dialect;
  storage: StorageKind;
  entry: string;
  env(ctx: { port: number; dataDir: string }): Record<string, string>;
  /** Instances of the same build on one database (default 1); clients are spread over them. */
  instances?: number;
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

const oursOnPostgres = (id: ServerId, label: string, instances: number): ServerDef => ({
  id,
  family: 'C',
  label,
  dialect: 'yws',
  storage: 'ours-postgres',
  entry: path.join(repoRoot, 'server/index.ts'),
  // DATABASE_URL, INSTANCE_ID and the shared PUBLIC_URL are added per start (BenchServer).
  env: oursEnv('NORMAL'),
  instances,
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
  CP: oursOnPostgres('CP', 'werktafel on PostgreSQL', 1),
  C3x: oursOnPostgres('C3x', 'werktafel, 3 instances on PostgreSQL', 3),
  C2x: oursOnPostgres('C2x', 'werktafel, 2 instances on PostgreSQL', 2),
};

/** Whether a server keeps its documents in the benchmark's PostgreSQL. */
export const onPostgres = (def: ServerDef): boolean => def.storage === 'ours-postgres';

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

/** Where a server start keeps its data: a directory, and on PostgreSQL a fresh database. */
interface Placement {
  dataDir: string;
  databaseUrl: string | null;
}

/**
 * A started server with its data directory, its documents and its processes: one, or on
 * PostgreSQL a cluster of `def.instances` sharing one database and one PUBLIC_URL (the first
 * instance's origin, standing in for a load balancer's address).
 */
export class BenchServer {
  private api: OursApi | null = null;
  private docCounter = 0;
  private readonly run = ++runCounter;

  private constructor(
    readonly def: ServerDef,
    readonly ports: number[],
    private readonly placement: Placement,
    public processes: ServerProcess[],
    private readonly extraEnv: Record<string, string>,
  ) {}

  /** `extraEnv` is added to the server's environment (scenario-specific switches). */
  static async start(def: ServerDef, extraEnv: Record<string, string> = {}): Promise<BenchServer> {
    const ports: number[] = [];
    for (let i = 0; i < (def.instances ?? 1); i++) ports.push(await freePort());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `werktafel-bench-${def.id}-`));
    let databaseUrl: string | null = null;
    try {
      databaseUrl = def.storage === 'ours-postgres' ? await freshBenchDatabase() : null;
      const placement = { dataDir, databaseUrl };
      const processes: ServerProcess[] = [];
      try {
        for (let i = 0; i < ports.length; i++) processes.push(await BenchServer.spawn(def, ports, i, placement, extraEnv));
      } catch (error) {
        await Promise.all(processes.map((p) => p.kill9()));
        throw error;
      }
      return new BenchServer(def, ports, placement, processes, extraEnv);
    } catch (error) {
      if (databaseUrl) await dropBenchDatabase(databaseUrl).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Starts instance `i`: instances after the first get a data directory of their own. */
  private static spawn(def: ServerDef, ports: number[], i: number, placement: Placement, extraEnv: Record<string, string>): Promise<ServerProcess> {
    const dataDir = i === 0 ? placement.dataDir : path.join(placement.dataDir, `instance-${i}`);
    fs.mkdirSync(dataDir, { recursive: true });
    const cluster: Record<string, string> = placement.databaseUrl
      ? { DATABASE_URL: placement.databaseUrl, INSTANCE_ID: `${def.id}-${i}`, PUBLIC_URL: `http://127.0.0.1:${ports[0]}` }
      : {};
    const name = ports.length > 1 ? `${def.id}#${i}` : def.id;
    return ServerProcess.start({ name, entry: def.entry, env: { ...def.env({ port: ports[i]!, dataDir }), ...cluster, ...extraEnv } });
  }

  /** The first instance: where the harness signs up and creates documents. */
  get process(): ServerProcess {
    return this.processes[0]!;
  }

  get port(): number {
    return this.ports[0]!;
  }

  get dataDir(): string {
    return this.placement.dataDir;
  }

  /** The PostgreSQL database of a server on PostgreSQL, else null. */
  get databaseUrl(): string | null {
    return this.placement.databaseUrl;
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

  /** How a client reaches document `name` (on a cluster: through any of its instances). */
  target(name: string): DocTarget {
    const ws = `ws://127.0.0.1:${this.port}`;
    switch (this.def.family) {
      case 'C': {
        const spread = this.ports.slice(1).map((port) => `ws://127.0.0.1:${port}/collab`);
        return { dialect: 'yws', baseUrl: `${ws}/collab`, room: name, headers: this.api!.socketHeaders(), ...(spread.length > 0 ? { spread } : {}) };
      }
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
      case 'ours-postgres':
        return this.databaseUrl!;
      default:
        return this.dataDir;
    }
  }

  /** Stops and starts the same server on the same ports and data (sessions survive). */
  async restart(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    const processes: ServerProcess[] = [];
    for (let i = 0; i < this.ports.length; i++) processes.push(await BenchServer.spawn(this.def, this.ports, i, this.placement, this.extraEnv));
    this.processes = processes;
  }

  /** SIGKILL to every instance. */
  async kill9(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.kill9()));
  }

  /** Stops the processes and removes the data directory (and the database). */
  async dispose(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    if (this.databaseUrl) await dropBenchDatabase(this.databaseUrl).catch(() => undefined);
  }
}
