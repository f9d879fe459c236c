/**
 * Keeps the register tables in step with the documents: a document's blocks are read out of
 * its Y.Doc and replace that document's rows in one transaction. Listeners hear which
 * workspace changed. When to read is the registerIndex room extension's business.
 */
import type * as Y from 'yjs';
import type { Repos } from '../storage/ports';
import { exampleAttr } from '../../shared/blocks/attrs';
import { extractBlocks } from './extractBlocks';

export type RegisterListener = (workspaceId: string, documentId: string) => void;

export class RegisterIndexer {
  private readonly listeners = new Set<RegisterListener>();

  constructor(private readonly repos: Repos) {}

  /**
   * Reads the blocks now (the document is read before the first await, so the caller may let
   * it go once this returns its Promise) and stores them.
   */
  async index(documentId: string, doc: Y.Doc): Promise<void> {
    // A template's examples are nobody's work until someone edits or takes them over, so every
    // reader of these tables (registers, CSV, calendar feed, reminders, who contributed) skips
    // them without knowing about them. The mark itself is then always false here: not stored.
    const blocks = extractBlocks(doc).filter((block) => !block.example);
    const document = await this.repos.documents.findById(documentId);
    if (!document) return;
    const rows = blocks.map((block) => ({
      document_id: documentId,
      block_id: block.blockId,
      workspace_id: document.workspace_id,
      kind: block.kind,
      position: block.position,
      attrs: JSON.stringify(withoutExampleMark(block.attrs)),
      text: block.text,
      valid: block.valid ? 1 : 0,
      issues: JSON.stringify(block.issues),
    }));
    await this.repos.blocks.replaceForDocument(documentId, rows);
    for (const listener of this.listeners) listener(document.workspace_id, documentId);
  }

  subscribe(listener: RegisterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function withoutExampleMark(attrs: Record<string, unknown>): Record<string, unknown> {
  const { [exampleAttr]: _mark, ...rest } = attrs;
  return rest;
}
