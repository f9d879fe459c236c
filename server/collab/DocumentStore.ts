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
}

export interface UpdateAuthor {
  userId: string | null;
  partyId: string | null;
}

export class DocumentStore {
  constructor(private readonly updates: DocumentUpdateRepo) {}

  /**
   * Rebuilds the document from its snapshot and log. Throws {@link DocumentLoadError} instead
   * of returning an empty or partial document, and never writes while loading.
   */
  load(documentId: string): LoadedDocument {
    const doc = new Y.Doc({ gc: true });
    try {
      const snapshot = this.updates.snapshot(documentId);
      const afterId = snapshot?.upto_id ?? 0;
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      const rows = this.updates.updatesAfter(documentId, afterId);
      for (const row of rows) Y.applyUpdate(doc, row.update_bytes);
      return { doc, lastUpdateId: rows.at(-1)?.id ?? afterId, logLength: rows.length };
    } catch (error) {
      doc.destroy();
      throw new DocumentLoadError(documentId, error);
    }
  }

  /** Appends one update; returns its log row id once it is committed. */
  append(documentId: string, update: Uint8Array, author: UpdateAuthor): number {
    return this.updates.append(documentId, update, author.userId, author.partyId);
  }

  /**
   * Folds the log up to `uptoId` into a new snapshot holding `state`, in one transaction.
   * `state` must contain every update up to that row: the caller passes its in-memory doc.
   */
  compact(documentId: string, state: Uint8Array, uptoId: number): void {
    this.updates.compact(documentId, state, uptoId);
  }
}
