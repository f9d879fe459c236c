/**
 * Reading a document as it is now, for routes that must not hold (or import) the live Y.Doc:
 * from its open room, or loaded for the moment.
 */
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { readJsonFromDoc } from '../../shared/editor/schema';
import type { Services } from '../context';

/** The whole current state, encoded; a copy, so rendering never holds the live document. */
export function currentState(services: Services, documentId: string): Promise<Uint8Array> {
  return services.registry.withRoom(documentId, (room) => Y.encodeStateAsUpdate(room.doc));
}

export function currentJson(services: Services, documentId: string): Promise<JSONContent> {
  return services.registry.withRoom(documentId, (room) => readJsonFromDoc(room.doc));
}
