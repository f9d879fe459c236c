/**
 * Document content for security tests: writing the Yjs shapes the editor stores (paragraphs,
 * commitment blocks), and reading a document the way a newly arriving person would.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { connectProvider, waitForSync } from './providers';

/** Appends `<paragraph>text</paragraph>` to the editor fragment. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

/** Appends a proposed commitment block of a party, as the editor would insert one. */
export function appendCommitment(doc: Y.Doc, blockId: string, partyId: string, text = `Toezegging ${blockId}`): void {
  const commitment = new Y.XmlElement('commitment');
  commitment.setAttribute('id', blockId);
  commitment.setAttribute('partyId', partyId);
  commitment.setAttribute('status', 'proposed');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  commitment.insert(0, [paragraph]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [commitment]);
}

export interface DocumentContent {
  /** The editor fragment as Yjs XML (attributes included). */
  xml: string;
  /** The plain `t` text the collaboration tests use. */
  text: string;
}

/** Connects a fresh client, waits for the sync, reads the document and disconnects. */
export async function readViaFreshClient(origin: string, cookie: string | null, documentId: string): Promise<DocumentContent> {
  const { doc, provider } = connectProvider(documentId, { cookie, origin });
  try {
    await waitForSync(provider);
    return { xml: doc.getXmlFragment(DOCUMENT_FRAGMENT).toString(), text: doc.getText('t').toString() };
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
