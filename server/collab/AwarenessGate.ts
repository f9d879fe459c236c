/**
 * Presence (awareness) as the room keeps it: which awareness client ids each connection owns,
 * the limits on their number and size, and what changed and must be relayed. The server has
 * no presence of its own.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { describeError, type Logger } from '../support/log';
import { decodeAwarenessEntries, encodeAwareness } from './codec';
import type { Connection } from './Connection';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class AwarenessGate {
  readonly awareness: Awareness;
  private lastChange: AwarenessChange | null = null;

  constructor(
    doc: Y.Doc,
    private readonly isMember: (connection: Connection) => boolean,
    private readonly log: Logger,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.track(change, origin));
  }

  /** Every state, for a joiner or a query (an update without entries when nobody is present). */
  everyone(): Uint8Array {
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /**
   * Applies a connection's awareness update if it keeps to the limits (else closes the
   * connection) and returns the frame to relay to the others, or null when nothing changed.
   */
  receive(connection: Connection, update: Uint8Array, frame: Uint8Array): Uint8Array | null {
    if (update.length > connection.limits.maxAwarenessBytes) {
      connection.close(CloseCode.awarenessTooLarge, 'awareness too large');
      return null;
    }
    const entryCount = this.fits(connection, update);
    if (entryCount === null) return null;
    this.lastChange = null;
    applyAwarenessUpdate(this.awareness, update, connection);
    if (
      connection.awarenessClientIds.size > connection.limits.maxAwarenessClientsPerConnection ||
      connection.awarenessIdsEverAnnounced.size > connection.limits.maxAwarenessIdsPerConnectionLifetime
    ) {
      connection.close(CloseCode.awarenessTooLarge, 'too many awareness clients');
      return null;
    }
    return this.changedFrame(entryCount, frame);
  }

  /** Removes the connection's presence; returns the removal frame for the others, if any. */
  leave(connection: Connection): Uint8Array | null {
    const ids = [...connection.awarenessClientIds].filter((id) => this.awareness.getStates().has(id));
    let frame: Uint8Array | null = null;
    if (ids.length > 0) {
      removeAwarenessStates(this.awareness, ids, connection);
      frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
    }
    // y-protocols keeps a clock per client id ever seen; forget the ones this connection brought.
    for (const id of connection.awarenessIdsEverAnnounced) {
      if (!this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
    }
    return frame;
  }

  destroy(): void {
    this.awareness.destroy();
  }

  /**
   * Checks a whole awareness update before any of it is applied (found by the protocol fuzz
   * test): y-protocols applies entries as it reads them, so an update with thousands of client
   * ids and a broken last entry left thousands of states in the room that no connection
   * tracked: outside the per-connection limit, never removed, and sent to every later joiner.
   * Returns the number of entries, or null when the connection was closed.
   */
  private fits(connection: Connection, update: Uint8Array): number | null {
    let entries: { clientId: number; clock: number; live: boolean }[];
    try {
      entries = decodeAwarenessEntries(update);
    } catch (error) {
      this.log.warn('awareness update rejected', { ...connection.logFields, ...describeError(error) });
      connection.close(CloseCode.updateRejected, 'awareness rejected');
      return null;
    }
    // Count only the states this update would set: the stock client echoes the states of others
    // it hears about, with their clocks, and y-protocols ignores those (clock not newer).
    const announced = new Set(connection.awarenessClientIds);
    for (const entry of entries) {
      if (entry.live && entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? 0)) announced.add(entry.clientId);
    }
    if (announced.size > connection.limits.maxAwarenessClientsPerConnection) {
      connection.close(CloseCode.awarenessTooLarge, 'too many awareness clients');
      return null;
    }
    return entries.length;
  }

  private track(change: AwarenessChange, origin: unknown): void {
    if (!this.isMember(origin as Connection)) return;
    const connection = origin as Connection;
    this.lastChange = change;
    for (const id of [...change.added, ...change.updated]) {
      connection.awarenessClientIds.add(id);
      connection.awarenessIdsEverAnnounced.add(id);
    }
    for (const id of change.removed) connection.awarenessClientIds.delete(id);
  }

  /**
   * Relays only what changed. The stock WebsocketProvider sends back every awareness state it
   * hears about, with the same clock: relaying those copies would multiply awareness traffic
   * by the number of clients. A frame whose every entry changed goes out as it came in.
   */
  private changedFrame(entryCount: number, frame: Uint8Array): Uint8Array | null {
    const change = this.lastChange;
    this.lastChange = null;
    if (!change) return null;
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return null;
    if (changed.length === entryCount) return frame;
    return encodeAwareness(encodeAwarenessUpdate(this.awareness, changed));
  }
}
