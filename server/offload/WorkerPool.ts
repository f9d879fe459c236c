/**
 * The one place where work leaves the main event loop: diffs, exports and content hashes of
 * large documents run on worker threads, so the loop that relays everyone's edits never waits
 * for them. Each worker runs one job at a time. A job that runs past `timeoutMs` is ended by
 * terminating its worker (V8 stops it even inside a tight loop); one that needs more heap than
 * `memoryMb` dies with its worker. Neither touches the main thread, and the next job gets a
 * fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { Logger } from '../support/log';
import { describeError, describeFailure } from '../support/log';
import type { JobInput, JobName, JobOutput } from './jobs';
import type { FromWorker, ToWorker } from './messages';

export interface OffloadLimits {
  /** Worker threads at most. */
  workers: number;
  /** A job running longer is ended and its worker terminated. */
  timeoutMs: number;
  /** V8 heap (old generation) of one worker. */
  memoryMb: number;
  /** Largest input (stored Yjs bytes) a diff or export takes on; the caller checks it. */
  maxInputBytes: number;
}

/** Why a job did not deliver. `over_cap`: the job itself found its input beyond a cap. */
export type OffloadFailure = 'over_cap' | 'timeout' | 'out_of_memory' | 'busy' | 'closed' | 'failed';

export class OffloadError extends Error {
  constructor(
    readonly reason: OffloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OffloadError';
  }
}

/** Jobs waiting for a worker; beyond this the pool answers `busy` at once instead of piling up. */
const MAX_QUEUED = 16;
/** A worker must have loaded its code within this time (tsx compiles TypeScript on first load). */
const STARTUP_LIMIT_MS = 30_000;
/**
 * An idle worker is ended after this long, which frees the heap a big export left; the next
 * job pays the start-up again (a second or two under tsx), so it should not come with every
 * version a person opens during a session.
 */
const IDLE_MS = 10 * 60_000;

interface Job {
  id: number;
  name: JobName;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve: (output: unknown) => void;
  reject: (error: OffloadError) => void;
}

interface PoolWorker {
  thread: Worker;
  ready: boolean;
  job: Job | null;
  startedAt: number;
  timer: NodeJS.Timeout | null;
}

/** The worker beside this module: worker.ts in the sources, worker.js in the compiled server (dist-server/). */
const workerEntry = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Node 20 applies `--import` hooks to a worker's modules but not to its entry file, so a
 * TypeScript entry (the server runs under tsx, the tests under vitest) registers tsx inside
 * the worker first and then imports the entry. A compiled `.js` entry starts as it is.
 */
function spawnThread(memoryMb: number): Worker {
  const options = { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (!workerEntry.pathname.endsWith('.ts')) return new Worker(workerEntry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

export class WorkerPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly limits: OffloadLimits,
    private readonly log: Logger,
  ) {}

  /**
   * Runs a job on a worker. The buffers in `transfer` move to the worker (see transfer.ts):
   * the caller must not use them afterwards, even when the job fails.
   */
  run<N extends JobName>(name: N, input: JobInput<N>, transfer: ArrayBuffer[] = []): Promise<JobOutput<N>> {
    if (this.closed) return Promise.reject(new OffloadError('closed', 'The worker pool is closed.'));
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(new OffloadError('busy', 'Too many jobs waiting for a worker.'));
    return new Promise<JobOutput<N>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, input, transfer, resolve: resolve as (output: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends every worker and refuses what waits. Running jobs fail with `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.reject(new OffloadError('closed', 'The worker pool is closed.'));
    await Promise.all([...this.workers].map((worker) => this.discard(worker, new OffloadError('closed', 'The worker pool is closed.'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = [...this.workers].find((w) => w.ready && !w.job);
      if (!worker) {
        if (this.workers.size < this.limits.workers) this.spawn();
        return;
      }
      this.start(worker, this.queue.shift()!);
    }
    this.armIdle();
  }

  private spawn(): void {
    const worker: PoolWorker = { thread: spawnThread(this.limits.memoryMb), ready: false, job: null, startedAt: Date.now(), timer: null };
    this.workers.add(worker);
    // Loading never hangs the queue: a worker that does not come up is given up on.
    worker.timer = setTimeout(() => void this.failStartup(worker, new Error('worker did not start in time')), STARTUP_LIMIT_MS);
    worker.thread.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.thread.on('error', (error: Error & { code?: string }) => {
      if (!worker.ready) return void this.failStartup(worker, error);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log.warn(outOfMemory ? 'worker job ran out of memory' : 'worker failed', { job: worker.job?.name, ...describeError(error) });
      void this.discard(worker, new OffloadError(outOfMemory ? 'out_of_memory' : 'failed', error.message));
    });
    worker.thread.on('exit', () => void this.discard(worker, new OffloadError('failed', 'The worker stopped.')));
  }

  private onMessage(worker: PoolWorker, message: FromWorker): void {
    if (message.type === 'ready') {
      this.clearTimer(worker);
      worker.ready = true;
      worker.thread.unref();
      this.log.debug('worker ready', { startupMs: Date.now() - worker.startedAt });
      this.dispatch();
      return;
    }
    const job = worker.job;
    if (!job || job.id !== message.id) return;
    this.clearTimer(worker);
    worker.job = null;
    worker.thread.unref();
    if (message.ok) job.resolve(message.output);
    else job.reject(new OffloadError(message.overCap ? 'over_cap' : 'failed', message.message));
    this.dispatch();
  }

  private start(worker: PoolWorker, job: Job): void {
    worker.job = job;
    worker.startedAt = Date.now();
    // A running job keeps the process alive (a shutdown waits for its automatic version).
    worker.thread.ref();
    worker.timer = setTimeout(() => {
      this.log.warn('worker job timed out: terminating its worker', { job: job.name, timeoutMs: this.limits.timeoutMs });
      void this.discard(worker, new OffloadError('timeout', `The job ran longer than ${this.limits.timeoutMs} ms.`));
    }, this.limits.timeoutMs);
    try {
      worker.thread.postMessage({ id: job.id, name: job.name, input: job.input } satisfies ToWorker, job.transfer);
    } catch (error) {
      // An input the structured clone cannot carry is the caller's mistake, not the worker's.
      this.clearTimer(worker);
      worker.job = null;
      job.reject(new OffloadError('failed', error instanceof Error ? error.message : String(error)));
    }
  }

  /** A worker that cannot start fails everything waiting: spawning again would only repeat it. */
  private async failStartup(worker: PoolWorker, error: Error): Promise<void> {
    this.log.error('worker did not start', describeFailure(error));
    await this.discard(worker, new OffloadError('failed', error.message));
    for (const job of this.queue.splice(0)) job.reject(new OffloadError('failed', `No worker could start: ${error.message}`));
  }

  private async discard(worker: PoolWorker, reason: OffloadError): Promise<void> {
    if (!this.workers.delete(worker)) return;
    this.clearTimer(worker);
    const job = worker.job;
    worker.job = null;
    job?.reject(reason);
    await worker.thread.terminate();
    // What still waits gets a new worker.
    if (!this.closed) this.dispatch();
  }

  private clearTimer(worker: PoolWorker): void {
    if (worker.timer) clearTimeout(worker.timer);
    worker.timer = null;
  }

  /** Idle workers hold memory (a big export leaves a big heap): they go after IDLE_MS of quiet. */
  private armIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      for (const worker of this.workers) if (worker.ready && !worker.job) void this.discard(worker, new OffloadError('closed', 'idle'));
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}
