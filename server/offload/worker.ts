/** A worker thread of WorkerPool: runs the jobs of jobs.ts one at a time and answers each. */
import { parentPort } from 'node:worker_threads';
import { jobs, OverCapError, type JobName } from './jobs';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort!;

/** Large byte results move to the main thread instead of being copied there. */
function transferables(output: unknown): ArrayBuffer[] {
  const values = output instanceof Uint8Array ? [output] : typeof output === 'object' && output ? Object.values(output) : [];
  // Only whole, large buffers: small Buffers share Node's pool, which must not be moved.
  return values
    .filter((value): value is Uint8Array => value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.byteLength > 64 * 1024)
    .map((value) => value.buffer as ArrayBuffer);
}

async function run(name: JobName, input: unknown): Promise<unknown> {
  // The pool only sends names from the same table; the input was checked where it was made.
  return (jobs[name] as (input: unknown) => Promise<unknown>)(input);
}

port.on('message', (message: ToWorker) => {
  run(message.name, message.input).then(
    (output) => port.postMessage({ type: 'done', id: message.id, ok: true, output } satisfies FromWorker, transferables(output)),
    (error: unknown) =>
      port.postMessage({
        type: 'done',
        id: message.id,
        ok: false,
        overCap: error instanceof OverCapError,
        message: error instanceof Error ? error.message : String(error),
      } satisfies FromWorker),
  );
});

port.postMessage({ type: 'ready' } satisfies FromWorker);
