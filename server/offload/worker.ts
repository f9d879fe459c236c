/** A worker thread of WorkerPool: runs the jobs of jobs.ts one at a time and answers each. */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { jobs, OverCapError, type JobName } from './jobs';
import type { FromWorker, ToWorker } from './messages';
import { movableBuffers } from './transfer';

const port = parentPort!;

// A worker competes for the same cores as the event loop that relays everyone's edits; a
// long export must lose that contest. On Linux the nice value belongs to the thread (see
// setpriority(2), BUGS), so this lowers only this worker. Elsewhere it would lower the whole
// process: left alone there.
if (process.platform === 'linux') os.setPriority(19);

/** A result's large byte arrays (the result itself, or its fields) move instead of being copied. */
function transferables(output: unknown): ArrayBuffer[] {
  return movableBuffers(output instanceof Uint8Array ? [output] : typeof output === 'object' && output ? Object.values(output) : []);
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
