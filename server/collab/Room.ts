/**
 * One open document: its Y.Doc, the connections editing it, and the path every update takes:
 * decode -> write filter -> apply (Yjs validates) -> queue the append -> once stored, relay the
 * frame, encoded once, to every other connection. The sender never gets its own update back.
 * Everything else (commitments, registers, attribution, versions) is a room extension; presence
 * is the AwarenessGate's.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import type { DocumentLog, UpdateAuthor } from '../storage/ports';
import { describeError, describeFailure, type Logger } from '../support/log';
import { nextTurn } from '../support/nextTurn';
import { AppendQueue, type LogEntry } from './AppendQueue';
import { AwarenessGate } from './AwarenessGate';
import { type ClientMessage, encodeStored, encodeSyncStep1, encodeSyncStep2, encodeUpdate, isEmptyUpdate } from './codec';
import type { Connection } from './Connection';
import { ExtensionRunner, type ExtensionRoom, type RoomExtension, type RoomExtensionFactory } from './extensions';
import { findImpossibleOrigin } from './impossibleOrigins';
import { findNonPlainValue } from './plainValues';
import { holdsNothingOf, JoinState } from './JoinState';
import type { LoadedDocument } from './loadDocument';
import { OutgoingBatch, Outbox } from './Outbox';

export interface RoomOptions {
  compactAfterUpdates: number;
  /** Delay that groups acknowledgements of a burst of keystrokes into one frame. */
  ackDelayMs: number;
  /** Least time between two relay writes of a busy room; see {@link Outbox}. */
  relayIntervalMs: number;
}

export interface RoomDeps {
  log: DocumentLog;
  options: RoomOptions;
  logger: Logger;
  extensions: readonly RoomExtensionFactory[];
}

/** Origin of transactions the server makes itself (commands and compensations). */
export const SERVER_ORIGIN = Symbol('werktafel-server');
const serverAuthor: UpdateAuthor = { userId: null, partyId: null };

export class Room implements ExtensionRoom {
  readonly doc: Y.Doc;
  readonly connections = new Set<Connection>();
  readonly presence: AwarenessGate;
  readonly extensions: ExtensionRunner;
  /** Commands holding the room open (see RoomRegistry.withRoom). */
  holds = 0;
  /**
   * Set when the doc holds something that may not be on disk: the room must then be dropped
   * without compaction, and the next load starts from what was stored.
   */
  broken = false;
  private lastUpdateId: number;
  private logLength: number;
  private logBytes: number;
  private snapshotBytes: number;
  private compactionScheduled = false;
  private compacting = false;
  private readonly queue: AppendQueue;
  private readonly outbox: Outbox;
  private readonly joinState: JoinState;
  private readonly logger: Logger;

  constructor(
    readonly documentId: string,
    loaded: LoadedDocument,
    private readonly deps: RoomDeps,
  ) {
    this.doc = loaded.doc;
    this.lastUpdateId = loaded.lastUpdateId;
    this.logLength = loaded.logLength;
    this.logBytes = loaded.logBytes;
    this.snapshotBytes = loaded.snapshotBytes;
    this.logger = deps.logger.child({ document: documentId });
    this.queue = new AppendQueue(
      (entries) => deps.log.append(documentId, entries, this.lastUpdateId),
      (lastId) => (this.lastUpdateId = lastId),
      (error) => this.storageFailed(error),
      (error) => this.logger.error('reaction to a stored update failed', describeFailure(error)),
    );
    this.outbox = new Outbox(() => this.connections, deps.options.relayIntervalMs);
    // A cold document's first joiner gets the stored snapshot as it is: no second encoding.
    this.joinState = new JoinState(this.doc, loaded.wholeState);
    this.extensions = new ExtensionRunner(deps.extensions, this, this.logger);
    this.presence = new AwarenessGate(
      this.doc,
      (connection) => this.connections.has(connection),
      (connection, clientId) => this.extensions.mayUseClientId(connection.principal, clientId),
      this.logger,
    );
  }

  /** The room's instance of an extension, for commands that talk to it. */
  extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined {
    return this.extensions.find(type);
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (this.presence.awareness.getStates().size > 0) connection.send(this.presence.everyone());
  }

  /** Removes the connection and its presence for everyone. Returns true when the room is empty. */
  leave(connection: Connection): boolean {
    if (this.connections.delete(connection)) {
      const removal = this.presence.leave(connection);
      if (removal) this.relay(removal, connection, true);
    }
    return this.connections.size === 0;
  }

  /** Handles one decoded frame; `frame` is the raw bytes, relayed as they are where possible. */
  receive(connection: Connection, message: ClientMessage, frame: Uint8Array): void {
    switch (message.kind) {
      case 'syncStep1': {
        // What the joiner gets is taken now and sent once everything in it is stored.
        const batch = holdsNothingOf(this.doc, message.stateVector)
          ? OutgoingBatch.of(this.joinState.messages())
          : OutgoingBatch.of([encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))]);
        this.queue.afterStored(() => connection.sendBatch(batch));
        return;
      }
      case 'syncStep2':
        this.acceptUpdate(connection, message.update, null);
        // The reply to our sync step 1 says the client is now in step with us; an ack lets it
        // show "saved" after a reconnect, even when it had nothing new to send.
        if (connection.wantsAck) this.scheduleAck(connection);
        return;
      case 'update':
        this.acceptUpdate(connection, message.update, frame);
        return;
      case 'awareness': {
        const changed = this.presence.receive(connection, message.update);
        if (changed) this.relay(changed, connection, true);
        return;
      }
      case 'queryAwareness':
        connection.send(this.presence.everyone());
        return;
      case 'auth':
        return;
    }
  }

  private acceptUpdate(connection: Connection, update: Uint8Array, updateFrame: Uint8Array | null): void {
    // Read-only is enforced here, where messages arrive: nothing from a viewer is applied,
    // stored or relayed, whatever its client claims. Who may only suggest goes on to the write
    // filter, which takes nothing from them but suggestions.
    const { writeText, suggest } = connection.principal.abilities;
    if ((!writeText && !suggest) || isEmptyUpdate(update)) return;
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Parse the whole update before touching the document: Yjs integrates the structs of an
      // update before it reads its delete set, so a frame cut short there would otherwise leave
      // half an update in the live document.
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.reject(connection, CloseCode.updateRejected, 'update rejected', error);
      return;
    }
    const impossible = findImpossibleOrigin(decoded.structs);
    if (impossible) {
      this.reject(connection, CloseCode.updateRejected, 'update rejected', undefined, { why: 'an item points at its own client\'s later items', client: impossible.client, clock: impossible.clock });
      return;
    }
    const notPlain = findNonPlainValue(decoded.structs);
    if (notPlain) {
      this.reject(connection, CloseCode.updateRejected, 'update rejected', undefined, { why: 'a value that is not plain data', client: notPlain.client, clock: notPlain.clock });
      return;
    }
    // A full document takes deletions (they shrink it at the next compaction), not growth.
    if (decoded.structs.length > 0 && this.snapshotBytes + this.logBytes + update.length > connection.limits.maxDocumentBytes) {
      this.reject(connection, CloseCode.documentTooLarge, 'document too large');
      return;
    }
    const verdict = this.extensions.filterWrite({ principal: connection.principal, update, decoded });
    if (verdict) {
      this.reject(connection, verdict.reject.code, verdict.reject.reason, undefined, verdict.reject.log);
      return;
    }
    const transaction = this.applyClientUpdate(connection, update);
    if (!transaction) return;
    // Queued before the extensions hear of it, so what they defer until it is stored
    // (afterStored) waits for this update too.
    this.store({ update, author: connection.principal }, () => {
      this.outbox.push(updateFrame ?? encodeUpdate(update), connection);
      if (connection.wantsAck) this.scheduleAck(connection);
    });
    const compensations = this.extensions.afterApply({ principal: connection.principal, transaction });
    // A forged change was relayed like any update; the compensating server update follows it
    // to every replica, the sender's included.
    if (compensations.length > 0) this.commitServerChange((doc) => compensations.forEach((compensate) => compensate(doc)), serverAuthor);
    if (this.compactionDue()) this.scheduleCompaction();
  }

  /**
   * Yjs can fail half-way through integrating an update that decodes (found by the protocol
   * fuzz test: a struct whose right origin is a later clock of its own client), and an
   * observer can throw after the whole update is in. Either way the doc then holds structs that
   * are not on disk; the transaction's cleanup still runs, and tells. A failed update can also
   * have changed what Yjs keeps pending (items waiting for their predecessors), and an applied
   * one can leave pending bytes Yjs cannot read back (found by the fuzz in CI: the document
   * then neither compacted nor loaded again). In every such case the live document is no longer
   * what the log replays to, so the room reloads from disk without the update. Returns the
   * transaction, or null when the update was rejected.
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array): Y.Transaction | null {
    let transaction: Y.Transaction | null = null;
    let integrated = false;
    const note = (tr: Y.Transaction) => {
      // The update's own transaction comes first; Yjs may follow it with one of its own (the
      // clean-up of formatting after a format change), which is not what the client changed.
      transaction ??= tr;
      if (tr.deleteSet.clients.size > 0) integrated = true;
      for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) integrated = true;
    };
    const pendingBefore = this.pendingState();
    this.doc.on('beforeObserverCalls', note);
    try {
      Y.applyUpdate(this.doc, update, connection);
      if (!this.samePending(pendingBefore)) assertPendingReadable(this.doc);
    } catch (error) {
      this.reject(connection, CloseCode.updateRejected, 'update rejected', error);
      if (integrated || !this.samePending(pendingBefore)) {
        // Nobody may receive that half update and it must never reach a snapshot: drop the
        // room without compaction, as after a failed append; the others reconnect and the
        // next load starts from what was stored.
        this.logger.error('half-applied update: reloading the document', connection.logFields);
        this.markBroken(CloseCode.serverShutdown, 'document reloaded');
      }
      return null;
    } finally {
      this.doc.off('beforeObserverCalls', note);
    }
    return transaction;
  }

  private pendingState(): readonly [unknown, unknown] {
    return [this.doc.store.pendingStructs, this.doc.store.pendingDs];
  }

  /** Yjs replaces its pending objects whenever it changes them: identity tells. */
  private samePending([structs, deletes]: readonly [unknown, unknown]): boolean {
    return this.doc.store.pendingStructs === structs && this.doc.store.pendingDs === deletes;
  }

  /**
   * Changes the document as the server (a command: a commitment decided through the API, a
   * restore). Resolves once the change is stored; it is relayed to every connection.
   */
  applyServerChange(mutate: (doc: Y.Doc) => void, author: UpdateAuthor = serverAuthor): Promise<void> {
    if (this.broken) return Promise.reject(new Error('the document is reloading'));
    this.commitServerChange(mutate, author);
    return this.queue.stored();
  }

  private commitServerChange(mutate: (doc: Y.Doc) => void, author: UpdateAuthor): void {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) updates.push(update);
    };
    let transaction: Y.Transaction | null = null;
    const note = (tr: Y.Transaction) => {
      if (tr.origin === SERVER_ORIGIN) transaction = tr;
    };
    this.doc.on('update', collect);
    this.doc.on('beforeObserverCalls', note);
    try {
      this.doc.transact(() => mutate(this.doc), SERVER_ORIGIN);
    } finally {
      this.doc.off('update', collect);
      this.doc.off('beforeObserverCalls', note);
    }
    for (const update of updates) this.store({ update, author }, () => this.outbox.push(encodeUpdate(update), null));
    // Server changes are not compensated: they are the authority.
    if (transaction) this.extensions.afterApply({ principal: null, transaction });
  }

  /** Every update the document took goes through here, in the order it took them. */
  private store(entry: LogEntry, then: () => void): void {
    this.joinState.record(entry.update);
    this.logLength += 1;
    this.logBytes += entry.update.length;
    this.queue.push(entry, then);
  }

  /** Runs `then` once every update the document has taken so far is stored (never, if storing fails). */
  afterStored(then: () => void): void {
    this.queue.afterStored(then);
  }

  /** Relayed in order with the updates: after everything queued before it is stored. */
  private relay(frame: Uint8Array, except: Connection | null, awareness = false): void {
    this.queue.afterStored(() => this.outbox.push(frame, except, awareness));
  }

  private reject(connection: Connection, code: number, reason: string, error?: unknown, detail: Record<string, unknown> = {}): void {
    // The room's logger already names the document.
    this.logger.warn(code === CloseCode.updateRejected && error !== undefined ? 'update rejected by Yjs' : `update rejected: ${reason}`, {
      user: connection.principal.userId,
      ...detail,
      ...(error === undefined ? {} : describeError(error)),
    });
    connection.close(code, reason);
  }

  private storageFailed(error: unknown): void {
    // The doc now holds updates that are not on disk: nobody may receive them. Closing every
    // connection unloads the room, and the next load starts again from what was stored.
    this.logger.error('storing update failed', describeFailure(error));
    this.markBroken(CloseCode.storageFailed, 'storage failed');
  }

  private markBroken(code: number, reason: string): void {
    this.broken = true;
    this.outbox.discard();
    for (const connection of this.connections) connection.close(code, reason);
  }

  private scheduleAck(connection: Connection): void {
    if (connection.ackScheduled) return;
    connection.ackScheduled = true;
    setTimeout(() => {
      connection.ackScheduled = false;
      if (this.doc.isDestroyed) return;
      const ack = encodeStored(Y.encodeStateVector(this.doc));
      this.queue.afterStored(() => connection.send(ack));
    }, this.deps.options.ackDelayMs);
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    // Off the hot path: after the current burst of frames has been relayed.
    setImmediate(() => {
      this.compactionScheduled = false;
      if (!this.doc.isDestroyed) void this.compact();
    });
  }

  /**
   * Compaction re-encodes the whole document, so it waits until the log is both long and a
   * fair share of the snapshot's size: a small document compacts every few hundred updates, a
   * 16 MB one only after megabytes of log, instead of stalling the room every 500 keystrokes.
   */
  private compactionDue(): boolean {
    return this.logLength >= this.deps.options.compactAfterUpdates && this.logBytes * 4 >= this.snapshotBytes;
  }

  /** Resolves once every applied update is stored (or storage failed). */
  settled(): Promise<void> {
    return this.queue.whenIdle();
  }

  /**
   * Folds the log into the snapshot. Taken while every applied update is stored, so the state
   * holds exactly the rows up to lastUpdateId: nothing unstored ever reaches a snapshot.
   */
  async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      await this.queue.whenIdle();
      if (this.logLength === 0 || this.broken || this.doc.isDestroyed) return;
      const uptoId = this.lastUpdateId;
      const rows = this.logLength;
      const bytes = this.logBytes;
      const state = Y.encodeStateAsUpdate(this.doc);
      // The state and the rows it covers are fixed; what arrives meanwhile gets later ids.
      await nextTurn();
      if (!(await this.extensions.beforeCompact(uptoId))) return;
      await this.deps.log.compact(this.documentId, state, uptoId);
      this.logLength -= rows;
      this.logBytes -= bytes;
      this.snapshotBytes = state.length;
    } catch (error) {
      // The log still holds every update; compaction is only an optimisation.
      this.logger.error('compaction failed', describeFailure(error));
    } finally {
      this.compacting = false;
    }
  }

  destroy(): void {
    this.outbox.discard();
    this.joinState.destroy();
    this.presence.destroy();
    this.doc.destroy();
  }
}

/** Throws when Yjs could not read back what it keeps pending (it encodes that as V2 updates). */
function assertPendingReadable(doc: Y.Doc): void {
  const { pendingStructs, pendingDs } = doc.store;
  if (pendingStructs) Y.decodeUpdateV2(pendingStructs.update);
  if (pendingDs) Y.decodeUpdateV2(pendingDs);
}
