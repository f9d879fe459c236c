/**
 * Document content for security tests: writing the Yjs shapes the editor stores (paragraphs,
 * structured blocks), and reading a document the way a newly arriving person would.
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

/** A structured block element with these attributes (written as given) and one paragraph of text. */
export function blockElement(name: string, attrs: Record<string, string>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

/** Appends a proposed commitment block of a party, as the editor would insert one. */
export function appendCommitment(doc: Y.Doc, blockId: string, partyId: string, text = `Toezegging ${blockId}`): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [blockElement('commitment', { id: blockId, partyId, status: 'proposed' }, text)]);
}

/** The attributes of the top-level block with this id, or undefined when the document has none. */
export function blockAttrs(doc: Y.Doc, blockId: string): Record<string, unknown> | undefined {
  for (const child of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('id') === blockId) return child.getAttributes() as Record<string, unknown>;
  }
  return undefined;
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
