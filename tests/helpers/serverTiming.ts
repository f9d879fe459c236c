/**
 * Times a registry's frame handling, joins and leaves, keeping the `keep` slowest: when the
 * event loop stalls, this says which piece of server work was long.
 */
import type { RoomRegistry } from '../../server/collab/RoomRegistry';

export interface TimedWork {
  what: string;
  ms: number;
}

export function timeServerWork(registry: RoomRegistry, keep: number): () => TimedWork[] {
  const slowest: TimedWork[] = [];
  const note = (what: () => string, ms: number) => {
    if (slowest.length >= keep && ms <= slowest.at(-1)!.ms) return;
    slowest.push({ what: what(), ms: Math.round(ms) });
    slowest.sort((x, y) => y.ms - x.ms);
    slowest.length = Math.min(slowest.length, keep);
  };
  // `handle` decodes and applies a frame, whenever its turn comes (a large one waits for a turn
  // of its own: server/collab/FrameTurns.ts); private, so reached past the type.
  const inner = registry as unknown as { handle(room: unknown, connection: unknown, frame: Uint8Array): void };
  const handle = inner.handle.bind(registry);
  inner.handle = (room, connection, frame) => {
    const t0 = performance.now();
    try {
      handle(room, connection, frame);
    } finally {
      note(() => `frame of ${frame.length} bytes starting ${Buffer.from(frame.subarray(0, 12)).toString('hex')}`, performance.now() - t0);
    }
  };
  const open = registry.open.bind(registry);
  registry.open = (...args) => {
    const t0 = performance.now();
    try {
      return open(...args);
    } finally {
      note(() => 'join (sync step 1 and awareness to the newcomer)', performance.now() - t0);
    }
  };
  const closed = registry.closed.bind(registry);
  registry.closed = (connection, code) => {
    const t0 = performance.now();
    try {
      closed(connection, code);
    } finally {
      note(() => `leave (the last one unloads and compacts the room)`, performance.now() - t0);
    }
  };
  return () => [...slowest];
}
