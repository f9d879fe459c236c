/**
 * Durable storage of Yjs documents: a snapshot plus an append-only log of updates.
 * Every update is appended synchronously (better-sqlite3) before anyone else sees it, so a
 * process crash at any moment loses nothing that was relayed.
 */
import * as Y from 'yjs';
import type { DocumentUpdateRepo } from '../db/documentUpdates';

/** The stored bytes of a document could not be turned back into a document. */
export class DocumentLoadError extends Error {
  constructor(
    readonly documentId: string,
    cause: unknown,
  ) {
    super(`document ${documentId} could not be loaded: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export interface LoadedDocument {
  doc: Y.Doc;
  /** Id of the last log row folded into `doc`; 0 when the log is empty. */
  lastUpdateId: number;
  /** Rows in the log that are not yet in the snapshot. */
  logLength: number;
  /** Bytes of those rows, and of the snapshot: compaction weighs one against the other. */
  logBytes: number;
  snapshotBytes: number;
}

export interface UpdateAuthor {
  userId: string | null;
  partyId: string | null;
}

export class DocumentStore {
  private fakeUpdateId = 0;

  constructor(
    private readonly updates: DocumentUpdateRepo,
    /**
     * False only for benchmarks (`COLLAB_PERSISTENCE=off`): updates are neither appended nor
     * compacted, to measure what persistence costs. Never for real use.
     */
    private readonly persist = true,
  ) {}

  /**
   * Rebuilds the document from its snapshot and log. Throws {@link DocumentLoadError} instead
   * of returning an empty or partial document, and never writes while loading.
   */
  load(documentId: string): LoadedDocument {
    const doc = new Y.Doc({ gc: true });
    try {
      const snapshot = this.updates.snapshot(documentId);
      const afterId = snapshot?.upto_id ?? 0;
      const rows = this.updates.updatesAfter(documentId, afterId);
      // One transaction for the whole load: Yjs then cleans up and merges once, not per row.
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of rows) Y.applyUpdate(doc, row.update_bytes);
      });
      return {
        doc,
        lastUpdateId: rows.at(-1)?.id ?? afterId,
        logLength: rows.length,
        logBytes: rows.reduce((sum, row) => sum + row.update_bytes.length, 0),
        snapshotBytes: snapshot?.state.length ?? 0,
      };
    } catch (error) {
      doc.destroy();
      throw new DocumentLoadError(documentId, error);
    }
  }

  /** Appends one update; returns its log row id once it is committed. */
  append(documentId: string, update: Uint8Array, author: UpdateAuthor): number {
    if (!this.persist) return ++this.fakeUpdateId;
    return this.updates.append(documentId, update, author.userId, author.partyId);
  }

  /**
   * Folds the log up to `uptoId` into a new snapshot holding `state`, in one transaction.
   * `state` must contain every update up to that row: the caller passes its in-memory doc.
   */
  compact(documentId: string, state: Uint8Array, uptoId: number): void {
    if (!this.persist) return;
    this.updates.compact(documentId, state, uptoId);
  }
}
