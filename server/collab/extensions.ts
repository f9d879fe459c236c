/**
 * Room extensions: every reaction to a document's life and changes (the commitment guard,
 * registers, attribution, automatic versions) is one extension with typed hooks, created per
 * room. The room runs them and knows none of them. The hooks, in the order a room calls them:
 *
 * - `onLoad`: the document is loaded; nobody has joined yet.
 * - `filterWrite`: a connection's update, decoded, before it touches the document. The
 *   extension may reject it (the connection is closed with the code given; nothing is
 *   applied, stored or relayed).
 * - `afterApply`: the document changed (a connection's update or the server's own change),
 *   with the Yjs transaction. The extension may answer with a compensating change, which the
 *   server applies, stores and relays right after the update (tldraw's `filterPush` idea).
 * - `mayUseClientId`: a connection announces presence under a client id nobody in the room
 *   holds; false keeps it out (it belongs to another person).
 * - `beforeCompact`: log rows up to an id are about to be folded into the snapshot; returning
 *   false postpones the compaction.
 * - `onUnload`: the last connection left; last chance to read the document.
 */
import type * as Y from 'yjs';
import { describeFailure, type Logger } from '../support/log';
import { nextTurn } from '../support/nextTurn';
import { CloseCode } from '../../shared/collab/protocol';
import type { Principal } from './Connection';

export interface ExtensionRoom {
  readonly documentId: string;
  readonly doc: Y.Doc;
  /** Runs `then` once every update the document has taken so far is stored (never, if storing fails). */
  afterStored(then: () => void): void;
  /** Another extension of this room, for one that builds on what another keeps (undefined if not installed). */
  extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined;
}

export interface IncomingWrite {
  principal: Principal;
  update: Uint8Array;
  decoded: ReturnType<typeof Y.decodeUpdate>;
}

/** `log`: what the log line about the rejection should also say. */
export type WriteVerdict = { reject: { code: number; reason: string; log?: Record<string, unknown> } } | void;

export interface AppliedChange {
  /** Who sent the update; null for the server's own changes. */
  principal: Principal | null;
  transaction: Y.Transaction;
}

/** A change the server makes in answer to an update; runs inside a server transaction. */
export type Compensation = (doc: Y.Doc) => void;

export interface RoomExtension {
  onLoad?(): void | Promise<void>;
  filterWrite?(write: IncomingWrite): WriteVerdict;
  afterApply?(change: AppliedChange): Compensation | void;
  mayUseClientId?(principal: Principal, clientId: number): boolean;
  beforeCompact?(uptoId: number): boolean | Promise<boolean>;
  onUnload?(): void | Promise<void>;
}

export interface RoomExtensionFactory<T extends RoomExtension = RoomExtension> {
  readonly name: string;
  create(room: ExtensionRoom): T;
}

/** Runs one room's extensions in order; an extension that throws is logged and the room goes on. */
export class ExtensionRunner {
  private readonly instances = new Map<RoomExtensionFactory, RoomExtension>();

  constructor(
    factories: readonly RoomExtensionFactory[],
    room: ExtensionRoom,
    private readonly log: Logger,
  ) {
    for (const factory of factories) this.instances.set(factory, factory.create(room));
  }

  /** The instance of an extension class, for commands that talk to it. */
  find<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined {
    for (const extension of this.instances.values()) if (extension instanceof type) return extension;
    return undefined;
  }

  /** A load hook that fails fails the load: the document is refused rather than served unguarded. */
  async load(): Promise<void> {
    for (const extension of this.instances.values()) await extension.onLoad?.();
  }

  /** The first rejection wins; an extension that throws rejects the update. */
  filterWrite(write: IncomingWrite): WriteVerdict {
    for (const [factory, extension] of this.instances) {
      if (!extension.filterWrite) continue;
      try {
        const verdict = extension.filterWrite(write);
        if (verdict) return verdict;
      } catch (error) {
        this.log.error('write filter failed', { extension: factory.name, ...describeFailure(error) });
        return { reject: { code: CloseCode.updateRejected, reason: 'message rejected' } };
      }
    }
  }

  /** Every extension must agree; one that throws says no. */
  mayUseClientId(principal: Principal, clientId: number): boolean {
    for (const [factory, extension] of this.instances) {
      try {
        if (extension.mayUseClientId && !extension.mayUseClientId(principal, clientId)) return false;
      } catch (error) {
        this.log.error('mayUseClientId failed', { extension: factory.name, ...describeFailure(error) });
        return false;
      }
    }
    return true;
  }

  afterApply(change: AppliedChange): Compensation[] {
    const compensations: Compensation[] = [];
    for (const [factory, extension] of this.instances) {
      try {
        const compensation = extension.afterApply?.(change);
        if (compensation) compensations.push(compensation);
      } catch (error) {
        this.log.error('afterApply failed', { extension: factory.name, ...describeFailure(error) });
      }
    }
    return compensations;
  }

  async beforeCompact(uptoId: number): Promise<boolean> {
    for (const [factory, extension] of this.instances) {
      try {
        if ((await extension.beforeCompact?.(uptoId)) === false) return false;
      } catch (error) {
        this.log.error('beforeCompact failed', { extension: factory.name, ...describeFailure(error) });
        return false;
      }
    }
    return true;
  }

  /** Every unload hook runs, whatever the others do: a failing one must not keep the room loaded. */
  async unload(): Promise<void> {
    for (const [factory, extension] of this.instances) {
      await nextTurn();
      try {
        await extension.onUnload?.();
      } catch (error) {
        this.log.error('unload hook failed', { extension: factory.name, ...describeFailure(error) });
      }
    }
  }
}
