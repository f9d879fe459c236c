/**
 * Resolves after the event loop has run whatever waits (other rooms' frames, timers). Long
 * sequences of work that need not be one task (unloading a room,
 * compacting) await it between their steps, so none of them is one long stall for everyone.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
