/** What the pool and its workers say to each other. */
import type { JobName } from './jobs';

export interface ToWorker {
  id: number;
  name: JobName;
  input: unknown;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; ok: true; output: unknown }
  | { type: 'done'; id: number; ok: false; overCap: boolean; message: string };
