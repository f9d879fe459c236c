/**
 * The harness side of the load generator: starts `generator/main.ts` pinned to the generator
 * core and calls its methods over IPC with a timeout each, so a wedged generator fails the
 * scenario instead of hanging the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { track } from '../children';
import { GENERATOR_CORE, pinned } from '../pinning';
import { repoRoot } from '../servers/serverProcess';
import type { GeneratorApi, Method, RpcRequest, RpcResponse } from './protocol';

const entry = path.join(import.meta.dirname, 'main.ts');

/** A running generator process and its IPC calls. */
export class GeneratorHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout!.on('data', (c: Buffer) => (this.output = (this.output + c.toString()).slice(-16_000)));
    child.stderr!.on('data', (c: Buffer) => (this.output = (this.output + c.toString()).slice(-16_000)));
    // A failed send surfaces through 'exit' and the pending calls; it must not crash the harness.
    child.on('error', () => undefined);
    child.on('message', (message: RpcResponse) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if ('error' in message) waiter.reject(new Error(`generator: ${message.error}`));
      else waiter.resolve(message.result);
    });
    void this.exited.then((code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`generator exited (${code}):\n${this.output}`));
      this.pending.clear();
    });
  }

  static start(): GeneratorHandle {
    // A larger young generation: the generator allocates a Buffer per received frame.
    const { command, args } = pinned(GENERATOR_CORE, process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', entry]);
    const child = track(spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }));
    return new GeneratorHandle(child);
  }

  call<M extends Method>(method: M, params: GeneratorApi[M]['params'], timeoutMs = 120_000): Promise<GeneratorApi[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // setImmediate: an answer already waiting in the pipe is read before the call gives up.
      const timer = setTimeout(() =>
        setImmediate(() => {
          if (!this.pending.delete(id)) return;
          reject(new Error(`generator ${method} timed out after ${timeoutMs} ms`));
        }),
      timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as GeneratorApi[M]['result']);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      if (!this.child.connected) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new Error(`generator is gone, cannot call ${method}:\n${this.output}`));
        return;
      }
      this.child.send({ id, method, params } satisfies RpcRequest);
    });
  }

  /** Closes its sockets and ends the process. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    try {
      await this.call('closeAll', {}, 10_000);
    } catch {
      // it is being killed anyway
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}
