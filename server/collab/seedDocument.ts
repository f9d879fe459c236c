/**
 * Fills a new document from its template: the template's Tiptap JSON is written into a fresh
 * Y.Doc with the shared schema and stored as the document's first snapshot.
 */
import * as Y from 'yjs';
import { writeJsonToDoc } from '../../shared/editor/schema';
import { buildTemplate, isTemplateName } from '../../shared/templates';
import { newId } from '../db/ids';
import type { DocumentStore } from './DocumentStore';

/** Returns the seeded doc (the caller indexes and destroys it), or null for a blank document. */
export function seedDocument(store: DocumentStore, documentId: string, templateName: string, title: string): Y.Doc | null {
  if (templateName === 'blank' || !isTemplateName(templateName)) return null;
  const doc = new Y.Doc();
  // Example blocks are the template's, not the creator's: crediting them to the creator's party
  // would make it look dominant in "who contributed" before anyone wrote a word.
  writeJsonToDoc(doc, buildTemplate(templateName, { newId, userId: null, partyId: null, title }));
  store.compact(documentId, Y.encodeStateAsUpdate(doc), 0);
  return doc;
}
