/**
 * The ProseMirror schema of a werktafel document, built headless from the same extension list
 * the editor uses; and conversions between Tiptap JSON and the Yjs document.
 */
import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { baseExtensions } from './extensions';

/** Name of the XmlFragment Tiptap's Collaboration extension binds by default. */
export const DOCUMENT_FRAGMENT = 'default';

let cached: Schema | undefined;
export function documentSchema(): Schema {
  cached ??= getSchema(baseExtensions());
  return cached;
}

/**
 * Writes Tiptap JSON into the document's fragment (used to seed a document from a template).
 * Throws when the JSON does not fit the schema, rather than storing a document the editor
 * would have to repair.
 */
export function writeJsonToDoc(doc: Y.Doc, json: JSONContent): void {
  documentSchema().nodeFromJSON(json).check();
  prosemirrorJSONToYXmlFragment(documentSchema(), json, doc.getXmlFragment(DOCUMENT_FRAGMENT));
}

/** Reads the document's fragment as Tiptap JSON. */
export function readJsonFromDoc(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FRAGMENT)) as JSONContent;
}
