/**
 * One open document: its Y.Doc, its awareness and the connections editing it.
 * Order for every accepted update: apply (Yjs validates) -> append to SQLite -> relay the
 * frame, encoded once, to every other connection. The sender never gets its own update back.
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/collab/protocol';
import {
  type ClientMessage,
  decodeAwarenessEntries,
  encodeAwareness,
  encodeStored,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
} from './codec';
import { CommitmentGuard, type CommitmentAuthority } from './commitmentGuard';
import { Connection } from './Connection';
import { isEmptyStateVector, JoinState } from './JoinState';
import { OutgoingBatch, Outbox } from './Outbox';
import type { DocumentStore, LoadedDocument, UpdateAuthor } from './DocumentStore';
import type { CollabLog } from './log';

export interface RoomOptions {
  compactAfterUpdates: number;
  /** Delay that groups acknowledgements of a burst of keystrokes into one frame. */
  ackDelayMs: number;
  /** Least time between two relay writes of a busy room; see {@link Outbox}. */
  relayIntervalMs: number;
}

/** What a room asks of the rest of the server, without depending on it. */
export interface RoomHooks {
  /** Recorded commitment decisions of the document, read once when the room opens. */
  commitmentDecisions(documentId: string): Iterable<[blockId: string, authority: CommitmentAuthority]>;
  /** The document changed; the callee must not do heavy work synchronously. */
  changed(room: Room): void;
  /**
   * Log rows up to `uptoId` are about to be folded into the snapshot and deleted: summarise
   * what must outlive them. Returning false postpones the compaction.
   */
  beforeCompact(documentId: string, uptoId: number): boolean;
}

/** Origin of transactions the server makes itself (commitment decisions and reverts). */
export const SERVER_ORIGIN = Symbol('werktafel-server');
const serverAuthor = { userId: null, partyId: null };

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  private lastUpdateId: number;
  private logLength: number;
  private compactionScheduled = false;
  private logBytes: number;
  private snapshotBytes: number;
  /**
   * Set when the doc holds something that may not be on disk: the room must then be dropped
   * without compaction, and the next load starts from what was stored.
   */
  broken = false;
  readonly commitments: CommitmentGuard;
  private readonly outbox: Outbox;
  private readonly joinState: JoinState;
  /** Set by the awareness listener while an update from a connection is applied. */
  private lastAwarenessChange: AwarenessChange | null = null;
  /** Entries in the awareness update being applied (from the whole-update check). */
  private lastAwarenessEntryCount = 0;

  constructor(
    readonly documentId: string,
    loaded: LoadedDocument,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
    private readonly log: CollabLog,
    private readonly hooks: RoomHooks,
  ) {
    this.doc = loaded.doc;
    this.lastUpdateId = loaded.lastUpdateId;
    this.logLength = loaded.logLength;
    this.logBytes = loaded.logBytes;
    this.snapshotBytes = loaded.snapshotBytes;
    this.commitments = new CommitmentGuard(
      this.doc,
      hooks.commitmentDecisions(documentId),
      (origin) => origin instanceof Connection,
    );
    this.outbox = new Outbox(() => this.connections, options.relayIntervalMs);
    this.joinState = new JoinState(this.doc);
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.trackAwareness(change, origin));
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  /** Removes the connection and its presence for everyone. Returns true when the room is empty. */
  leave(connection: Connection): boolean {
    if (!this.connections.delete(connection)) return this.connections.size === 0;
    const ids = [...connection.awarenessClientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length > 0) {
      removeAwarenessStates(this.awareness, ids, connection);
      this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)), connection, true);
    }
    // y-protocols keeps a clock per client id ever seen; forget the ones this connection brought.
    for (const id of connection.awarenessIdsEverAnnounced) {
      if (!this.awareness.getStates().has(id)) this.awareness.meta.delete(id);
    }
    return this.connections.size === 0;
  }

  /** Handles one decoded frame; `frame` is the raw bytes, relayed as they are where possible. */
  receive(connection: Connection, message: ClientMessage, frame: Uint8Array): void {
    switch (message.kind) {
      case 'syncStep1':
        // A joiner's updates and document in one write, not one per update since the encoding.
        if (isEmptyStateVector(message.stateVector)) connection.sendBatch(OutgoingBatch.of(this.joinState.messages()));
        else connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
        return;
      case 'syncStep2':
        this.acceptUpdate(connection, message.update, null);
        // The reply to our sync step 1 says the client is now in step with us; an ack lets it
        // show "saved" after a reconnect, even when it had nothing new to send.
        if (connection.wantsAck) this.scheduleAck(connection);
        return;
      case 'update':
        this.acceptUpdate(connection, message.update, frame);
        return;
      case 'awareness':
        if (message.update.length > connection.limits.maxAwarenessBytes) {
          connection.close(CloseCode.awarenessTooLarge, 'awareness too large');
          return;
        }
        if (!this.awarenessFits(connection, message.update)) return;
        this.lastAwarenessChange = null;
        applyAwarenessUpdate(this.awareness, message.update, connection);
        if (
          connection.awarenessClientIds.size > connection.limits.maxAwarenessClientsPerConnection ||
          connection.awarenessIdsEverAnnounced.size > connection.limits.maxAwarenessIdsPerConnectionLifetime
        ) {
          connection.close(CloseCode.awarenessTooLarge, 'too many awareness clients');
          return;
        }
        this.relayAwarenessChange(connection, frame);
        return;
      case 'queryAwareness':
        connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * Checks a whole awareness update before any of it is applied (found by the protocol fuzz
   * test): y-protocols applies entries as it reads them, so an update with thousands of client
   * ids and a broken last entry left thousands of states in the room that no connection
   * tracked: outside the per-connection limit, never removed, and sent to every later joiner.
   */
  private awarenessFits(connection: Connection, update: Uint8Array): boolean {
    let entries: { clientId: number; clock: number; live: boolean }[];
    try {
      entries = decodeAwarenessEntries(update);
    } catch (error) {
      this.log.warn('awareness update rejected', connection, error);
      connection.close(CloseCode.updateRejected, 'awareness rejected');
      return false;
    }
    // Count only the states this update would set: the stock client echoes the states of others
    // it hears about, with their clocks, and y-protocols ignores those (clock not newer).
    const announced = new Set(connection.awarenessClientIds);
    for (const entry of entries) {
      if (entry.live && entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? 0)) announced.add(entry.clientId);
    }
    if (announced.size > connection.limits.maxAwarenessClientsPerConnection) {
      connection.close(CloseCode.awarenessTooLarge, 'too many awareness clients');
      return false;
    }
    this.lastAwarenessEntryCount = entries.length;
    return true;
  }

  private acceptUpdate(connection: Connection, update: Uint8Array, updateFrame: Uint8Array | null): void {
    // Read-only is enforced here, where messages arrive: nothing from a viewer is applied,
    // stored or relayed, whatever its client claims.
    if (!connection.principal.canWrite || isEmptyUpdate(update)) return;
    // Yjs can also fail half-way through integrating an update that decodes (found by the
    // protocol fuzz test: a struct whose right origin is a later clock of its own client), and
    // an observer can throw after the whole update is in. Either way the doc then holds structs
    // that are not on disk. The transaction's cleanup still runs, and tells.
    let integrated = false;
    const noteIntegrated = (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) integrated = true;
      for (const [client, clock] of transaction.afterState) if ((transaction.beforeState.get(client) ?? 0) !== clock) integrated = true;
    };
    this.doc.on('beforeObserverCalls', noteIntegrated);
    try {
      // Parse the whole update before touching the document: Yjs integrates the structs of an
      // update before it reads its delete set, so a frame cut short there would otherwise leave
      // half an update in the live document.
      Y.decodeUpdate(update);
      Y.applyUpdate(this.doc, update, connection);
    } catch (error) {
      this.log.warn('update rejected by Yjs', connection, error);
      connection.close(CloseCode.updateRejected, 'update rejected');
      if (integrated) {
        // Nobody may receive that half update and it must never reach a snapshot: drop the
        // room without compaction, as after a failed append; the others reconnect and the
        // next load starts from what was stored.
        this.log.error('half-applied update: reloading the document', connection);
        this.broken = true;
        for (const other of this.connections) other.close(CloseCode.serverShutdown, 'document reloaded');
      }
      return;
    } finally {
      this.doc.off('beforeObserverCalls', noteIntegrated);
    }
    try {
      this.lastUpdateId = this.store.append(this.documentId, update, connection.principal);
    } catch (error) {
      // The doc now holds an update that is not on disk: nobody may receive it. Closing every
      // connection unloads the room, and the next load starts again from what was stored.
      this.log.error('storing update failed', connection, error);
      this.broken = true;
      for (const other of this.connections) other.close(CloseCode.storageFailed, 'storage failed');
      return;
    }
    this.broadcast(updateFrame ?? encodeUpdate(update), connection);
    this.logLength += 1;
    this.logBytes += update.length;
    // A forged commitment decision was relayed like any update; the compensating server
    // update follows it to every replica, the sender's included.
    this.commitServerUpdates(() => this.commitments.revertPending(SERVER_ORIGIN));
    if (connection.wantsAck) this.scheduleAck(connection);
    if (this.compactionDue()) this.scheduleCompaction();
    this.hooks.changed(this);
  }

  /**
   * Changes the document as the server (for example a commitment confirmed through the API):
   * stored, then relayed to every connection.
   */
  applyServerChange(mutate: (doc: Y.Doc) => void, author: UpdateAuthor = serverAuthor): void {
    this.commitServerUpdates(() => this.doc.transact(() => mutate(this.doc), SERVER_ORIGIN), author);
    this.hooks.changed(this);
  }

  /** `author`: on whose behalf the server changes the document (a restore), else nobody. */
  private commitServerUpdates(run: () => void, author: UpdateAuthor = serverAuthor): void {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) updates.push(update);
    };
    this.doc.on('update', collect);
    try {
      run();
    } finally {
      this.doc.off('update', collect);
    }
    for (const update of updates) {
      // If this append fails the process must not relay: let the error reach the caller.
      this.lastUpdateId = this.store.append(this.documentId, update, author);
      this.logLength += 1;
      this.logBytes += update.length;
      this.broadcast(encodeUpdate(update), null);
    }
  }

  /** Queued for the end of this event-loop turn; see {@link Outbox}. */
  private broadcast(frame: Uint8Array, except: Connection | null, awareness = false): void {
    this.outbox.push(frame, except, awareness);
  }

  private scheduleAck(connection: Connection): void {
    if (connection.ackScheduled) return;
    connection.ackScheduled = true;
    setTimeout(() => {
      connection.ackScheduled = false;
      connection.send(encodeStored(Y.encodeStateVector(this.doc)));
    }, this.options.ackDelayMs);
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    // Off the hot path: after the current burst of frames has been relayed.
    setImmediate(() => {
      this.compactionScheduled = false;
      if (!this.doc.isDestroyed) this.compact();
    });
  }

  /**
   * Compaction re-encodes the whole document, so it waits until the log is both long and a
   * fair share of the snapshot's size: a small document compacts every few hundred updates, a
   * 16 MB one only after megabytes of log, instead of stalling the room every 500 keystrokes.
   */
  private compactionDue(): boolean {
    return this.logLength >= this.options.compactAfterUpdates && this.logBytes * 4 >= this.snapshotBytes;
  }

  /** Folds the log into the snapshot. Everything up to lastUpdateId is in the doc. */
  compact(): void {
    if (this.logLength === 0 || this.broken) return;
    if (!this.hooks.beforeCompact(this.documentId, this.lastUpdateId)) return;
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.store.compact(this.documentId, state, this.lastUpdateId);
      this.logLength = 0;
      this.logBytes = 0;
      this.snapshotBytes = state.length;
    } catch (error) {
      // The log still holds every update; compaction is only an optimisation.
      this.log.error('compaction failed', null, error, this.documentId);
    }
  }

  destroy(): void {
    this.outbox.discard();
    this.joinState.destroy();
    this.commitments.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private trackAwareness(change: AwarenessChange, origin: unknown): void {
    if (!this.connections.has(origin as Connection)) return;
    const connection = origin as Connection;
    this.lastAwarenessChange = change;
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
  private relayAwarenessChange(connection: Connection, frame: Uint8Array): void {
    const change = this.lastAwarenessChange;
    this.lastAwarenessChange = null;
    if (!change) return;
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    if (changed.length === this.lastAwarenessEntryCount) this.broadcast(frame, connection, true);
    else this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, changed)), connection, true);
  }
}
