/**
 * Turns a document's stored snapshot and log back into a Y.Doc. Refuses (throws
 * {@link DocumentLoadError}) instead of returning an empty or partial document, and never
 * writes while loading.
 */
import * as Y from 'yjs';
import type { DocumentLog } from '../storage/ports';
import { roomDoc } from '../suggestions/typedUnder';

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
  /**
   * The stored snapshot, when the log after it is empty: then it is the whole document,
   * already encoded, and the first joiner can be sent it without encoding it again.
   */
  wholeState: Uint8Array | null;
}

export async function loadDocument(log: DocumentLog, documentId: string): Promise<LoadedDocument> {
  let stored;
  try {
    stored = await log.read(documentId);
  } catch (error) {
    throw new DocumentLoadError(documentId, error);
  }
  // Deleted `suggestionInsert` format items are kept: they tell what was typed under a decided
  // insertion (server/suggestions/typedUnder.ts).
  const doc = roomDoc();
  try {
    // One transaction for the whole load: Yjs then cleans up and merges once, not per row.
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
      for (const row of stored.updates) Y.applyUpdate(doc, row.bytes);
    });
  } catch (error) {
    doc.destroy();
    throw new DocumentLoadError(documentId, error);
  }
  return {
    doc,
    lastUpdateId: stored.updates.at(-1)?.id ?? stored.snapshot?.uptoId ?? 0,
    logLength: stored.updates.length,
    logBytes: stored.updates.reduce((sum, row) => sum + row.bytes.length, 0),
    snapshotBytes: stored.snapshot?.state.length ?? 0,
    wholeState: stored.updates.length === 0 ? (stored.snapshot?.state ?? null) : null,
  };
}
