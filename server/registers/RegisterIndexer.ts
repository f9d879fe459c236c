/**
 * Keeps the register tables in step with the documents: after a change, a document's blocks
 * are read out of its Y.Doc (debounced per document, off the sync hot path) and replace that
 * document's rows in one transaction. Listeners hear which workspace changed.
 */
import type * as Y from 'yjs';
import type { BlockRepo } from '../db/blocks';
import { extractBlocks } from './extractBlocks';

export type RegisterListener = (workspaceId: string, documentId: string) => void;

export class RegisterIndexer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Set<RegisterListener>();

  constructor(
    private readonly blocks: BlockRepo,
    private readonly workspaceOf: (documentId: string) => string | undefined,
    private readonly debounceMs = 150,
  ) {}

  /** Schedules a re-read of the document; `getDoc` is asked at that moment, not now. */
  schedule(documentId: string, getDoc: () => Y.Doc | undefined): void {
    if (this.timers.has(documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(documentId);
      const doc = getDoc();
      // An exception in a timer would end the process: whatever a document holds, log it.
      try {
        if (doc && !doc.isDestroyed) this.index(documentId, doc);
      } catch (error) {
        console.error(`[registers] indexing failed document=${documentId}`, error);
      }
    }, this.debounceMs);
    timer.unref();
    this.timers.set(documentId, timer);
  }

  /** Reads the blocks now. Used on unload, at start for documents changed before a crash, and by tests. */
  index(documentId: string, doc: Y.Doc): void {
    const workspaceId = this.workspaceOf(documentId);
    if (!workspaceId) return;
    const rows = extractBlocks(doc).map((block) => ({
      document_id: documentId,
      block_id: block.blockId,
      workspace_id: workspaceId,
      kind: block.kind,
      position: block.position,
      attrs: JSON.stringify(block.attrs),
      text: block.text,
      valid: block.valid ? 1 : 0,
      issues: JSON.stringify(block.issues),
    }));
    try {
      this.blocks.replaceForDocument(documentId, rows);
    } catch (error) {
      console.error(`[registers] indexing failed document=${documentId}`, error);
      return;
    }
    for (const listener of this.listeners) listener(workspaceId, documentId);
  }

  /** Runs a pending re-read at once (before a room unloads). */
  flush(documentId: string, doc: Y.Doc): void {
    const timer = this.timers.get(documentId);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(documentId);
    this.index(documentId, doc);
  }

  subscribe(listener: RegisterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
