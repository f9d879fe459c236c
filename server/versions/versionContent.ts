/** Reading stored states back as documents. */
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { readJsonFromDoc } from '../../shared/editor/schema';

/**
 * A document from stored updates: one state (a version's), or a snapshot and the log rows
 * after it (the document as stored now).
 */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Reads a document made from stored updates, and lets it go. */
export function readStored<T>(updates: readonly Uint8Array[], read: (doc: Y.Doc) => T): T {
  const doc = docFromUpdates(updates);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

export const jsonFromUpdates = (updates: readonly Uint8Array[]): JSONContent => readStored(updates, readJsonFromDoc);

export const jsonFromState = (state: Uint8Array): JSONContent => jsonFromUpdates([state]);
