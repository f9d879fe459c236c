/**
 * "Wie schreef dit?": which Yjs clients inserted the characters between two ProseMirror
 * positions, and who those clients are. Pure functions over the Y.XmlFragment the editor is
 * bound to, so they can be tested without a browser.
 *
 * The walk mirrors how y-prosemirror lays a document out: an element is a ProseMirror node
 * (opening token, content, closing token; a leaf such as a hard break counts 1), and a run of
 * text is one Y.XmlText whose live string items count one position per UTF-16 unit, the same
 * unit ProseMirror counts in. Marks are formatting items, which take no position.
 */
import * as Y from 'yjs';
import type { DocumentAuthor } from '../../shared/api/attribution';

/** Whether a node type has no content (hard break, horizontal rule): it takes one position. */
export type IsLeaf = (nodeName: string) => boolean;

interface Walk {
  from: number;
  to: number;
  isLeaf: IsLeaf;
  counts: Map<number, number>;
}

function walkText(text: Y.XmlText, start: number, walk: Walk): number {
  let pos = start;
  for (let item = text._start; item && pos < walk.to; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const overlap = Math.min(pos + item.length, walk.to) - Math.max(pos, walk.from);
    if (overlap > 0) walk.counts.set(item.id.client, (walk.counts.get(item.id.client) ?? 0) + overlap);
    pos += item.length;
  }
  return pos;
}

/** Walks the children of `parent` whose content starts at `start`; returns the end position. */
function walkChildren(parent: Y.XmlFragment | Y.XmlElement, start: number, walk: Walk): number {
  let pos = start;
  for (const child of parent.toArray()) {
    if (pos >= walk.to) break;
    if (child instanceof Y.XmlText) pos = walkText(child, pos, walk);
    else if (child instanceof Y.XmlElement) {
      pos = walk.isLeaf(child.nodeName) ? pos + 1 : walkChildren(child, pos + 1, walk) + 1;
    }
  }
  return pos;
}

/**
 * Characters per Yjs client id in the ProseMirror range [from, to) of the document bound to
 * `fragment` (the client that inserted each character, whoever formatted it later).
 */
export function clientsInRange(fragment: Y.XmlFragment, from: number, to: number, isLeaf: IsLeaf): Map<number, number> {
  const walk: Walk = { from, to, isLeaf, counts: new Map() };
  if (to > from) walkChildren(fragment, 0, walk);
  return walk.counts;
}

export interface Writer {
  /** null for characters of clients the server does not know (a template, a restore). */
  userId: string | null;
  userName: string | null;
  partyId: string | null;
  partyName: string | null;
  color: string | null;
  chars: number;
  /** Whole percent of the selected characters. */
  share: number;
}

/** The people behind the clients, one row per person (a person may have had many clients). */
export function writersOf(counts: ReadonlyMap<number, number>, authors: readonly DocumentAuthor[]): Writer[] {
  const byClient = new Map(authors.map((a) => [a.clientId, a]));
  const byPerson = new Map<string, Writer>();
  let total = 0;
  for (const [clientId, chars] of counts) {
    total += chars;
    const author = byClient.get(clientId);
    const key = author ? `user:${author.userId}` : 'unknown';
    const row = byPerson.get(key) ?? {
      userId: author?.userId ?? null,
      userName: author?.userName ?? null,
      partyId: author?.partyId ?? null,
      partyName: author?.partyName ?? null,
      color: author?.color ?? null,
      chars: 0,
      share: 0,
    };
    row.chars += chars;
    byPerson.set(key, row);
  }
  return [...byPerson.values()]
    .map((row) => ({ ...row, share: total === 0 ? 0 : Math.round((row.chars / total) * 100) }))
    .sort((a, b) => b.chars - a.chars || (a.userName ?? '').localeCompare(b.userName ?? ''));
}
