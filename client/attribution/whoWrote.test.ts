import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../shared/editor/schema';
import type { DocumentAuthor } from '../../shared/api/attribution';
import { clientsInRange, writersOf } from './whoWrote';

const schema = documentSchema();
const isLeaf = (name: string) => schema.nodes[name]?.isLeaf ?? false;

const text = (value: string, marks?: { type: string }[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

/** Everything a document can hold between two runs of text: marks, breaks, lists, tables, a block. */
const richDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('De opgave')] },
    { type: 'paragraph', content: [text('Wij '), text('zoeken', [{ type: 'bold' }]), text(' samen'), { type: 'hardBreak' }, text('met bewoners.')] },
    { type: 'paragraph' },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Perceel noord')] }] }] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [text('Wie')] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [text('Gemeente')] }] }] },
      ],
    },
    { type: 'action', attrs: { id: 'a1', status: 'open', funding: 'unknown' }, content: [{ type: 'paragraph', content: [text('Werkplaats openen')] }] },
    { type: 'paragraph', content: [text('Slot.')] },
  ],
};

function docWithClient(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

const pmOf = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FRAGMENT), schema);

/** The position of `needle` in the document's text nodes. */
function positionOf(pm: PMNode, needle: string): number {
  let found = -1;
  pm.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? (node.text ?? '').indexOf(needle) : -1;
    if (at >= 0) found = pos + at;
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not in document`);
  return found;
}

const total = (counts: Map<number, number>) => [...counts.values()].reduce((n, c) => n + c, 0);

describe('clientsInRange', () => {
  it('counts exactly the characters of every text node, whatever structure surrounds it', () => {
    const doc = docWithClient(1);
    prosemirrorJSONToYXmlFragment(schema, richDoc, doc.getXmlFragment(DOCUMENT_FRAGMENT));
    const pm = pmOf(doc);
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    let checked = 0;
    pm.descendants((node, pos) => {
      if (!node.isText) return true;
      const counts = clientsInRange(fragment, pos, pos + node.nodeSize, isLeaf);
      expect([...counts.entries()]).toEqual([[1, node.nodeSize]]);
      checked += 1;
      return true;
    });
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(total(clientsInRange(fragment, 0, pm.content.size, isLeaf))).toBe(pm.textContent.length);
  });

  it('names the client that wrote each part of a selection, also after another formats it', () => {
    const anouk = docWithClient(11);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [text('De gemeente betaalt.')] }] }, anouk.getXmlFragment(DOCUMENT_FRAGMENT));
    const bram = docWithClient(22);
    sync(anouk, bram);
    const paragraph = bram.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement;
    const ytext = paragraph.get(0) as Y.XmlText;
    ytext.insert('De gemeente'.length, ' en de bewoners');
    // Bram makes Anouk's first word bold: still her characters.
    ytext.format(0, 2, { bold: {} });
    sync(bram, anouk);

    const pm = pmOf(anouk);
    expect(pm.textContent).toBe('De gemeente en de bewoners betaalt.');
    const fragment = anouk.getXmlFragment(DOCUMENT_FRAGMENT);
    const inserted = positionOf(pm, ' en de bewoners');
    expect(clientsInRange(fragment, inserted, inserted + ' en de bewoners'.length, isLeaf)).toEqual(new Map([[22, 15]]));
    expect(clientsInRange(fragment, 1, 3, isLeaf)).toEqual(new Map([[11, 2]]));
    const all = clientsInRange(fragment, 0, pm.content.size, isLeaf);
    expect(all.get(11)).toBe('De gemeente betaalt.'.length);
    expect(all.get(22)).toBe(15);
  });

  it('ignores deleted characters and returns nothing for an empty range', () => {
    const doc = docWithClient(5);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: [{ type: 'paragraph', content: [text('weg hier')] }] }, doc.getXmlFragment(DOCUMENT_FRAGMENT));
    const ytext = (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    ytext.delete(0, 4);
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    expect(clientsInRange(fragment, 1, 5, isLeaf)).toEqual(new Map([[5, 4]]));
    expect(clientsInRange(fragment, 3, 3, isLeaf).size).toBe(0);
  });
});

describe('writersOf', () => {
  const authors: DocumentAuthor[] = [
    { clientId: 1, userId: 'u1', userName: 'Anouk', partyId: 'p1', partyName: 'Gemeente', color: '#1f77b4' },
    { clientId: 2, userId: 'u1', userName: 'Anouk', partyId: 'p1', partyName: 'Gemeente', color: '#1f77b4' },
    { clientId: 3, userId: 'u2', userName: 'Bram', partyId: 'p2', partyName: 'Bewoners', color: '#2ca02c' },
  ];

  it('merges the clients of one person and orders by share', () => {
    const writers = writersOf(new Map([[1, 10], [2, 20], [3, 10]]), authors);
    expect(writers.map((w) => [w.userName, w.partyName, w.chars, w.share])).toEqual([
      ['Anouk', 'Gemeente', 30, 75],
      ['Bram', 'Bewoners', 10, 25],
    ]);
  });

  it('keeps characters of unknown clients as one unknown writer', () => {
    const writers = writersOf(new Map([[3, 5], [99, 5], [98, 10]]), authors);
    expect(writers[0]).toMatchObject({ userId: null, chars: 15, share: 75 });
    expect(writers[1]).toMatchObject({ userName: 'Bram', share: 25 });
  });
});
