/**
 * Command: appends editor content (paragraphs, blocks) at the end of a document, as a server
 * change through its room: stored before it is relayed, seen by every connection like any edit,
 * and recorded as `author`'s (attribution). Existing content is never touched. Used where the
 * table's work becomes text: a revealed card, the next reflection moment.
 */
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, writeJsonToDoc } from '../../shared/editor/schema';
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { HttpError } from '../errors';
import type { UpdateAuthor } from '../storage/ports';

export async function appendToDocument(services: Services, documentId: string, content: JSONContent[], author: UpdateAuthor): Promise<void> {
  const nodes = toYNodes(content);
  try {
    await services.registry.withRoom(documentId, (room) => room.applyServerChange((doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).push(nodes), author));
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
}

/**
 * The nodes as Yjs elements not yet in any document. They are built by the same conversion the
 * templates use (which checks them against the schema) in a scratch document, and copied out.
 */
function toYNodes(content: JSONContent[]): (Y.XmlElement | Y.XmlText)[] {
  const scratch = new Y.Doc();
  try {
    writeJsonToDoc(scratch, { type: 'doc', content });
    return scratch.getXmlFragment(DOCUMENT_FRAGMENT).toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText);
  } finally {
    scratch.destroy();
  }
}
