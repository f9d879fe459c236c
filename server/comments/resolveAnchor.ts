/**
 * Turns a thread's anchor from the API into segments of the live document: a block (all its
 * text) or a range between two Yjs relative positions. A position the server cannot place yet
 * (it points into an update that has not arrived) is a conflict the client retries.
 */
import * as Y from 'yjs';
import type { ThreadAnchor } from '../../shared/api/comments';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement } from '../../shared/editor/yxml';
import { ConflictError, HttpError, ValidationError } from '../errors';
import { plainText, textNodes } from '../../shared/editor/yxml';
import type { TextSegment } from './textRanges';

function decodePosition(base64: string, field: string): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(Buffer.from(base64, 'base64'));
  } catch {
    throw new ValidationError({ [`anchor.${field}`]: 'comment.anchorPosition' });
  }
}

function absolute(doc: Y.Doc, position: Y.RelativePosition): Y.AbsolutePosition {
  const found = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!found) throw new ConflictError('anchor_not_synced', 'error.anchorNotSynced');
  return found;
}

function blockSegments(doc: Y.Doc, blockId: string): TextSegment[] {
  let block: Y.XmlElement | null = null;
  forEachXmlElement(doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
    if (element.getAttribute('id') !== blockId) return;
    block = element;
    return 'stop';
  });
  if (!block) throw new HttpError(404, 'anchor_missing', 'error.anchorMissing');
  return textNodes(block).map((text) => ({ text, index: 0, length: plainText(text).length }));
}

function rangeSegments(doc: Y.Doc, fromB64: string, toB64: string): TextSegment[] {
  let from = absolute(doc, decodePosition(fromB64, 'from'));
  let to = absolute(doc, decodePosition(toB64, 'to'));
  const texts = textNodes(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  let i = texts.indexOf(from.type as Y.XmlText);
  let j = texts.indexOf(to.type as Y.XmlText);
  if (i < 0 || j < 0) throw new ValidationError({ anchor: 'comment.anchorPosition' });
  if (j < i || (i === j && to.index < from.index)) {
    [from, to, i, j] = [to, from, j, i];
  }
  if (i === j) return [{ text: texts[i]!, index: from.index, length: to.index - from.index }];
  return [
    { text: texts[i]!, index: from.index, length: plainText(texts[i]!).length - from.index },
    ...texts.slice(i + 1, j).map((text) => ({ text, index: 0, length: plainText(text).length })),
    { text: texts[j]!, index: 0, length: to.index },
  ];
}

/** The live text the anchor covers; at least one character, or a 400. */
export function resolveAnchor(doc: Y.Doc, anchor: ThreadAnchor): TextSegment[] {
  const segments = ('blockId' in anchor ? blockSegments(doc, anchor.blockId) : rangeSegments(doc, anchor.from, anchor.to)).filter((s) => s.length > 0);
  if (segments.length === 0) throw new ValidationError({ anchor: 'error.anchorEmpty' }, 'error.anchorEmpty');
  return segments;
}
