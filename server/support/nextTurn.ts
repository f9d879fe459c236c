/**
 * Resolves after the event loop has run whatever waits (other rooms' frames, timers). Long
 * sequences of work that need not be one task (a room's load after its read, its unload,
 * compaction after its encoding) await it between their steps, so none of them is one long
 * stall for everyone.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
