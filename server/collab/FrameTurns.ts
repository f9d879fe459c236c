/**
 * Large frames take turns. Node hands every socket's arrived data to its callbacks in one pass
 * of the event loop, so two editors' large pastes (or two hostile 300 KB updates, as the
 * protocol fuzz sends them) were integrated back to back: one long task, during which nobody's
 * keystroke was relayed and no timer ran. Here a frame of `heavyBytes` or more waits for a turn
 * of its own: one large frame per pass of the loop, connections in the order they queued, so
 * everything else — other rooms' keystrokes, timers, the relay — runs between two of them.
 *
 * A connection's frames keep their order: once one of its frames waits, every later frame of that
 * connection (and its ping's pong) waits behind it. Small frames of connections with nothing
 * waiting are handled at once, as before.
 */
interface Waiting {
  run: () => void;
  heavy: boolean;
}

export class FrameTurns<Key> {
  /** Connections with frames waiting; a Map keeps the order in which they queued. */
  private readonly waiting = new Map<Key, Waiting[]>();
  private scheduled = false;
  /** The connection whose turn it is, and whether it went away during its turn. */
  private turn: { key: Key; forgotten: boolean } | null = null;

  constructor(private readonly heavyBytes: number) {}

  /** Runs `handle` now, or queues it behind this connection's waiting frames or for a turn of its own. */
  submit(key: Key, bytes: number, handle: () => void): void {
    const heavy = bytes >= this.heavyBytes;
    const queue = this.waiting.get(key);
    if (!queue && !heavy) return handle();
    if (queue) queue.push({ run: handle, heavy });
    else this.waiting.set(key, [{ run: handle, heavy }]);
    this.schedule();
  }

  /** Runs `then` once every frame this connection sent before it has been handled. */
  afterWaiting(key: Key, then: () => void): void {
    const queue = this.waiting.get(key);
    if (queue) queue.push({ run: then, heavy: false });
    else then();
  }

  /** The connection is gone: what it still had waiting is dropped. */
  forget(key: Key): void {
    this.waiting.delete(key);
    if (this.turn?.key === key) this.turn.forgotten = true;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate queued from within an immediate runs in the next pass of the loop, after its
    // timers and I/O: that is the turn.
    setImmediate(this.takeTurn);
  }

  private readonly takeTurn = (): void => {
    this.scheduled = false;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [key, queue] = first.value;
    this.waiting.delete(key);
    const turn = (this.turn = { key, forgotten: false });
    try {
      // The connection's frames up to and including its next large one.
      while (queue.length > 0 && !turn.forgotten) {
        const item = queue.shift()!;
        item.run();
        if (item.heavy) break;
      }
    } finally {
      this.turn = null;
      // Back in line behind the others, if it has more (ahead of anything it queued meanwhile).
      if (queue.length > 0 && !turn.forgotten) this.waiting.set(key, [...queue, ...(this.waiting.get(key) ?? [])]);
      if (this.waiting.size > 0) this.schedule();
    }
  };
}
