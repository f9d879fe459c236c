/**
 * Reads the structured blocks out of a document's Yjs state, with the schemas of
 * shared/blocks. Invalid attribute values become issues on the block, never an exception.
 */
import * as Y from 'yjs';
import { isBlockName, isExample, toRawAttrs, validateBlockAttrs, type BlockName } from '../../shared/blocks/attrs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement, textsUnder } from '../../shared/editor/yxml';

export interface ExtractedBlock {
  blockId: string;
  kind: BlockName;
  /** Position among the document's blocks, for stable ordering. */
  position: number;
  /** The attributes as stored (normalised when valid). */
  attrs: Record<string, unknown>;
  text: string;
  valid: boolean;
  issues: Record<string, string>;
  /** A template's example nobody has edited or taken over yet (`example: true`). */
  example: boolean;
}

function plainText(element: Y.XmlElement | Y.XmlFragment): string {
  // Paragraphs inside a block are separate lines.
  return textsUnder(element).filter((p) => p.length > 0).join('\n');
}

/** Every block in document order. A block without id, or with an id seen before, gets an issue. */
export function extractBlocks(doc: Y.Doc): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  const seen = new Set<string>();
  forEachXmlElement(doc.getXmlFragment(DOCUMENT_FRAGMENT), (child) => {
    if (!isBlockName(child.nodeName)) return true;
    const raw = toRawAttrs(child.getAttributes() as Record<string, unknown>);
    const validation = validateBlockAttrs(child.nodeName, raw);
    let blockId = typeof raw.id === 'string' && raw.id ? raw.id : `missing-${blocks.length}`;
    const issues = validation.valid ? {} : { ...validation.issues };
    if (seen.has(blockId)) {
      issues.id = 'block.issue.duplicateId';
      blockId = `${blockId}#${blocks.length}`;
    }
    seen.add(blockId);
    blocks.push({
      blockId,
      kind: child.nodeName,
      position: blocks.length,
      attrs: validation.valid ? (validation.attrs as Record<string, unknown>) : raw,
      text: plainText(child),
      valid: Object.keys(issues).length === 0,
      issues,
      example: isExample(raw),
    });
    // Blocks are not nested in blocks: what is inside one is its text.
    return false;
  });
  return blocks;
}

/** The element of the block with this id, or undefined. */
export function findBlockElement(doc: Y.Doc, kind: BlockName, blockId: string): Y.XmlElement | undefined {
  let found: Y.XmlElement | undefined;
  forEachXmlElement(doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
    if (element.nodeName !== kind || element.getAttribute('id') !== blockId) return true;
    found = element;
    return 'stop';
  });
  return found;
}

/** The element of the block with this id, whatever its kind, or undefined. */
export function findAnyBlockElement(doc: Y.Doc, blockId: string): (Y.XmlElement & { nodeName: BlockName }) | undefined {
  let found: (Y.XmlElement & { nodeName: BlockName }) | undefined;
  forEachXmlElement(doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
    if (!isBlockName(element.nodeName)) return true;
    if (element.getAttribute('id') === blockId) {
      found = element as Y.XmlElement & { nodeName: BlockName };
      return 'stop';
    }
    // Blocks are not nested in blocks.
    return false;
  });
  return found;
}
