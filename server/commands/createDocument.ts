/**
 * Command: create a document, filled from its template. The template's Tiptap JSON is written
 * into a fresh Y.Doc with the shared schema and stored as the document's first snapshot
 * (writeFirstState.ts).
 */
import * as Y from 'yjs';
import { writeJsonToDoc } from '../../shared/editor/schema';
import { buildTemplate } from '../../shared/templates';
import type { DocumentTemplate } from '../../shared/api/roles';
import type { Services } from '../context';
import { newId } from '../storage/ids';
import type { DocumentRow } from '../storage/rows';
import { writeFirstState } from './writeFirstState';

export async function createDocument(
  services: Services,
  input: { workspaceId: string; title: string; template: DocumentTemplate; userId: string },
): Promise<DocumentRow> {
  const { repos, registers } = services;
  const document = await repos.documents.create({ workspace_id: input.workspaceId, title: input.title, template: input.template, created_by: input.userId });
  // `blank` needs no content: an empty Yjs document is a blank page.
  if (input.template === 'blank') return document;
  const doc = new Y.Doc();
  try {
    // Example blocks are the template's, not the creator's: crediting them to the creator's
    // party would make it look dominant in "who contributed" before anyone wrote a word.
    writeJsonToDoc(doc, buildTemplate(input.template, { newId, userId: null, partyId: null, title: input.title }));
    await writeFirstState(services, document.id, Y.encodeStateAsUpdate(doc));
    await registers.index(document.id, doc);
  } finally {
    doc.destroy();
  }
  return document;
}
