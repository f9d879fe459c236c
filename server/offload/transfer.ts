/**
 * Which buffers may move to the other thread instead of being copied: structured cloning
 * copies through V8's serializer at about 10 ms per 2.7 MB on the thread that posts, which is
 * the relay's thread on the way in. Only whole, large buffers move: small Buffers share Node's
 * allocation pool, and a moved buffer is gone (detached) on the side that sent it.
 */
const MOVE_FROM_BYTES = 64 * 1024;

export function movableBuffers(values: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of values) {
    if (!(value instanceof Uint8Array) || !(value.buffer instanceof ArrayBuffer)) continue;
    if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.byteLength >= MOVE_FROM_BYTES) buffers.add(value.buffer);
  }
  return [...buffers];
}
