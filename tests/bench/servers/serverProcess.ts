/**
 * One server under test as its own Node process on the server core, with the probe loaded via
 * `--import` before the server's own code. Collects the probe's per-second samples and answers
 * `mark()` with the probe's counters at that instant, from which a window's CPU, loop delay and
 * RSS follow (`windowStats`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { track } from '../children';
import { SERVER_CORE, pinned } from '../pinning';
import type { ProbeMark, ProbeRequest, ProbeSample } from '../probe/probe';

const benchDir = path.resolve(import.meta.dirname, '..');
/** Repository root: servers run with it as working directory. */
export const repoRoot = path.resolve(benchDir, '../..');
const probePath = path.join(benchDir, 'probe/probe.ts');

/** What to start. */
export interface ServerSpawnOptions {
  /** Label for error messages. */
  name: string;
  /** Script to run (TypeScript through tsx, like every other process of the benchmark). */
  entry: string;
  env: Record<string, string>;
  /** How long to wait for "listens on". */
  startTimeoutMs?: number;
}

const MAX_OUTPUT = 64 * 1024;

/** A running server process with its probe. */
export class ServerProcess {
  readonly samples: ProbeSample[] = [];
  private out = '';
  private readonly pendingMarks = new Map<number, (mark: ProbeMark) => void>();
  private nextMark = 1;
  readonly exited: Promise<number | null>;

  private constructor(
    readonly options: ServerSpawnOptions,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const append = (chunk: Buffer) => {
      this.out += chunk.toString();
      if (this.out.length > MAX_OUTPUT) this.out = this.out.slice(-MAX_OUTPUT);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    child.on('message', (message: ProbeSample | ProbeMark) => {
      if (message.type === 'probe:sample') this.samples.push(message);
      else if (message.type === 'probe:mark') {
        this.pendingMarks.get(message.id)?.(message);
        this.pendingMarks.delete(message.id);
      }
    });
  }

  /** Starts the process and resolves once it prints "listens on". */
  static async start(options: ServerSpawnOptions): Promise<ServerProcess> {
    const node = [
      // --expose-gc: the probe forces a collection before memory marks (S8).
      '--expose-gc',
      // BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      '--import',
      probePath,
      options.entry,
    ];
    const { command, args } = pinned(SERVER_CORE, process.execPath, node);
    const child = track(
      spawn(command, args, {
        cwd: repoRoot,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    const server = new ServerProcess(options, child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} did not start in time:\n${server.output()}`)),
        options.startTimeoutMs ?? 30_000,
      );
      const check = () => {
        if (server.out.includes('listens on')) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve();
        }
      };
      child.stdout!.on('data', check);
      void server.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with ${code} before listening:\n${server.output()}`));
      });
    });
    return server;
  }

  output(): string {
    return this.out;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * The probe's counters now (after a forced GC when `gc`). The timeout is generous: on a
   * saturated server the answer waits for the event loop, which is itself a finding.
   */
  mark(gc = false, timeoutMs = 30_000): Promise<ProbeMark> {
    const id = this.nextMark++;
    return new Promise((resolve, reject) => {
      // setImmediate: after a stall of this process, timers run before pending I/O is read;
      // give an answer that already arrived one poll phase to be seen before giving up.
      const timer = setTimeout(() =>
        setImmediate(() => {
          if (!this.pendingMarks.delete(id)) return;
          reject(new Error(`${this.options.name}: probe did not answer in ${timeoutMs} ms`));
        }),
      timeoutMs);
      this.pendingMarks.set(id, (mark) => {
        clearTimeout(timer);
        resolve(mark);
      });
      this.child.send({ type: 'probe:mark', id, gc } satisfies ProbeRequest);
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.running) return;
    // BENCH_DUMP_SERVER_LOG=file: the server's output is appended there, to read when a row fails.
    if (process.env.BENCH_DUMP_SERVER_LOG) (await import('node:fs')).appendFileSync(process.env.BENCH_DUMP_SERVER_LOG, `=== ${this.options.name}\n${this.out}\n`);
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL: no shutdown code runs (the durability check). */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Server-side figures over the window between two marks. */
export interface WindowStats {
  cpuPct: number;
  cpuMs: number;
  /** Highest RSS seen in the window (marks and per-second samples). */
  rssMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  elu: number;
  /** Seconds in the window whose loop delay max exceeded 50 ms. */
  secondsWithStallOver50Ms: number;
}

/** CPU, RSS, loop delay and ELU of the server between two marks. */
export function windowStats(server: ServerProcess, from: ProbeMark, to: ProbeMark): WindowStats {
  const elapsed = Math.max(1, to.at - from.at);
  const cpuMs = (to.cpuUserUs + to.cpuSystemUs - from.cpuUserUs - from.cpuSystemUs) / 1000;
  const inWindow = server.samples.filter((s) => s.at > from.at && s.at <= to.at);
  const rss = Math.max(from.rssBytes, to.rssBytes, ...inWindow.map((s) => s.rssBytes));
  const active = to.eluActiveMs - from.eluActiveMs;
  const idle = to.eluIdleMs - from.eluIdleMs;
  return {
    cpuPct: (cpuMs / elapsed) * 100,
    cpuMs,
    rssMb: rss / (1024 * 1024),
    loopDelayP50Ms: to.loopDelayP50Ms,
    loopDelayP99Ms: to.loopDelayP99Ms,
    loopDelayMaxMs: to.loopDelayMaxMs,
    elu: active + idle > 0 ? active / (active + idle) : 0,
    secondsWithStallOver50Ms: inWindow.filter((s) => s.loopDelayMaxMs > 50).length,
  };
}

/**
 * The figures of a cluster's instances over one window as one server's: CPU and RSS summed
 * (they share the server core), loop delay and ELU of the worst instance.
 */
export function clusterWindowStats(stats: WindowStats[]): WindowStats {
  if (stats.length === 1) return stats[0]!;
  const sum = (pick: (s: WindowStats) => number) => stats.reduce((total, s) => total + pick(s), 0);
  const max = (pick: (s: WindowStats) => number) => Math.max(...stats.map(pick));
  return {
    cpuPct: sum((s) => s.cpuPct),
    cpuMs: sum((s) => s.cpuMs),
    rssMb: sum((s) => s.rssMb),
    loopDelayP50Ms: max((s) => s.loopDelayP50Ms),
    loopDelayP99Ms: max((s) => s.loopDelayP99Ms),
    loopDelayMaxMs: max((s) => s.loopDelayMaxMs),
    elu: max((s) => s.elu),
    secondsWithStallOver50Ms: max((s) => s.secondsWithStallOver50Ms),
  };
}
