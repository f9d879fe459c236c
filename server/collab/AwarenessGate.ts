/**
 * Presence (awareness) as the room keeps it. Every awareness client id belongs to the
 * connection that announced it first: only that connection may change or remove its state, and
 * every state the room keeps and relays carries `user` as the server knows the owner, whatever
 * the client wrote there. The limits on the number and size of states are enforced here too.
 * The server has no presence of its own.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import type { PresenceUser } from '../../shared/collab/presence';
import { describeError, type Logger } from '../support/log';
import { decodeAwarenessEntries, encodeAwareness, encodeAwarenessEntries, type AwarenessEntry } from './codec';
import type { Connection } from './Connection';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The state with `user` replaced by the server's record of who owns it. */
function stamp(state: unknown, user: PresenceUser): Record<string, unknown> {
  const base = typeof state === 'object' && state !== null && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  return { ...base, user };
}

export class AwarenessGate {
  readonly awareness: Awareness;
  /** Awareness client id -> the connection that announced it. */
  private readonly owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly isMember: (connection: Connection) => boolean,
    /** Whether this connection may take a client id nobody in the room holds (not another person's Yjs client id). */
    private readonly mayTake: (connection: Connection, clientId: number) => boolean,
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
   * Applies what a connection may change of its awareness update (its own client ids, stamped)
   * if it keeps to the limits, else closes the connection. Returns the frame to relay to the
   * others, or null when nothing changed.
   */
  /** True when the entry is a newer state of its client id than the room holds. */
  private isNewer(entry: AwarenessEntry): boolean {
    return entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? -1);
  }

  receive(connection: Connection, update: Uint8Array): Uint8Array | null {
    if (update.length > connection.limits.maxAwarenessBytes) {
      connection.close(CloseCode.awarenessTooLarge, 'awareness too large');
      return null;
    }
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessEntries(update);
    } catch (error) {
      this.log.warn('awareness update rejected', { ...connection.logFields, ...describeError(error) });
      connection.close(CloseCode.updateRejected, 'awareness rejected');
      return null;
    }
    const kept: AwarenessEntry[] = [];
    const taken: number[] = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      // Another connection's presence is not this one's to change: the stock client echoes the
      // states it hears (those are dropped here), and nobody may overwrite or remove another
      // person's. The same person's new connection (a reconnect) takes over its own ids, but
      // only with a newer state than the room holds: an echo carries the clock it was sent with,
      // and taking ids over on echoes moved every presence of a person with many connections
      // (a shared account, the benchmark's clients) onto whichever echoed last, until that one
      // was closed for holding too many (found by the benchmark at 50 clients).
      if (owner && owner !== connection && (owner.principal.userId !== connection.principal.userId || !this.isNewer(entry))) continue;
      if (!owner) {
        if (entry.state === null || !this.mayTake(connection, entry.clientId)) continue;
        taken.push(entry.clientId);
      }
      kept.push(entry.state === null ? entry : { ...entry, state: stamp(entry.state, connection.principal.presence) });
    }
    const everAnnounced = new Set([...connection.awarenessIdsEverAnnounced, ...taken]);
    if (
      connection.awarenessClientIds.size + taken.length > connection.limits.maxAwarenessClientsPerConnection ||
      everAnnounced.size > connection.limits.maxAwarenessIdsPerConnectionLifetime
    ) {
      this.log.warn('awareness rejected: too many client ids on one connection', connection.logFields);
      connection.close(CloseCode.awarenessTooLarge, 'too many awareness clients');
      return null;
    }
    if (kept.length === 0) return null;
    for (const entry of kept) this.own(entry.clientId, connection);
    let changed: number[] = [];
    const collect = ({ added, updated, removed }: AwarenessChange) => (changed = [...added, ...updated, ...removed]);
    this.awareness.on('update', collect);
    try {
      applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection);
    } finally {
      this.awareness.off('update', collect);
    }
    return changed.length > 0 ? encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)) : null;
  }

  /** Removes the connection's presence; returns the removal frame for the others, if any. */
  leave(connection: Connection): Uint8Array | null {
    const ids = [...connection.awarenessClientIds].filter((id) => this.owners.get(id) === connection && this.awareness.getStates().has(id));
    let frame: Uint8Array | null = null;
    if (ids.length > 0) {
      removeAwarenessStates(this.awareness, ids, connection);
      frame = encodeAwareness(encodeAwarenessUpdate(this.awareness, ids));
    }
    for (const id of connection.awarenessIdsEverAnnounced) {
      if (this.owners.get(id) !== connection) continue;
      this.owners.delete(id);
      // y-protocols keeps a clock per client id ever seen; forget the ones this connection brought.
      if (!this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
    }
    return frame;
  }

  destroy(): void {
    this.awareness.destroy();
  }

  private own(clientId: number, connection: Connection): void {
    const previous = this.owners.get(clientId);
    if (previous === connection) return;
    previous?.awarenessClientIds.delete(clientId);
    this.owners.set(clientId, connection);
    connection.awarenessIdsEverAnnounced.add(clientId);
  }

  private track(change: AwarenessChange, origin: unknown): void {
    if (!this.isMember(origin as Connection)) return;
    const connection = origin as Connection;
    for (const id of [...change.added, ...change.updated]) connection.awarenessClientIds.add(id);
    for (const id of change.removed) connection.awarenessClientIds.delete(id);
  }
}
