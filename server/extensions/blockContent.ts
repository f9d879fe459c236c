/**
 * What a block says, as one hash: its kind, its attributes (but the ones named) and its text.
 * A commitment's confirmation covers this, and a deleted block brought back (undo, cut and
 * paste) keeps its id and author only when it comes back saying the same.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { toRawAttrs } from '../../shared/blocks/attrs';
import { textsUnder } from '../../shared/editor/yxml';

/** `texts`: how the block's text is read (a commitment leaves proposed insertions out). */
export function blockContentHash(element: Y.XmlElement, ignore: ReadonlySet<string>, texts: (root: Y.XmlElement) => string[] = textsUnder): string {
  const attrs = Object.entries(toRawAttrs(element.getAttributes() as Record<string, unknown>))
    .filter(([name]) => !ignore.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([element.nodeName, attrs, texts(element)])).digest('hex');
}

/** The attributes that say who made a block and what became of it, not what it says. */
export const identityAttrs: ReadonlySet<string> = new Set(['id', 'createdBy', 'createdByParty']);
