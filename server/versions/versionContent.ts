/** Reading stored states back as documents. */
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { readJsonFromDoc } from '../../shared/editor/schema';

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

export function jsonFromState(state: Uint8Array): JSONContent {
  const doc = docFromState(state);
  try {
    return readJsonFromDoc(doc);
  } finally {
    doc.destroy();
  }
}
