/**
 * Finding structured blocks in a Yjs transaction, for the room extensions that watch them
 * (block records, example marks).
 */
import * as Y from 'yjs';
import { isBlockName } from '../../shared/blocks/attrs';
import { forEachXmlElement } from '../../shared/editor/yxml';

export function isBlock(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && isBlockName(type.nodeName);
}

/** Still in the document: not deleted, not detached. */
export const isLive = (element: Y.XmlElement) => !element._item?.deleted && element.doc !== null;

/** Block elements this transaction inserted, also deep inside inserted elements. */
export function insertedBlocks(transaction: Y.Transaction): Y.XmlElement[] {
  const found = new Set<Y.XmlElement>();
  for (const [type, keys] of transaction.changed) {
    if (!keys.has(null) || !(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) continue;
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement) || !child._item) continue;
      if (child._item.id.clock < (transaction.beforeState.get(child._item.id.client) ?? 0)) continue;
      if (isBlock(child)) found.add(child);
      forEachXmlElement(child, (element) => {
        if (isBlock(element)) found.add(element);
      });
    }
  }
  return [...found];
}
