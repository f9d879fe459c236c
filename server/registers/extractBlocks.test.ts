import * as Y from 'yjs';
import { expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { extractBlocks } from './extractBlocks';

/** Builds blocks straight in Yjs, the way an outside integration would write them. */
function block(name: string, attrs: Record<string, unknown>, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

test('extracts blocks in document order with attributes and plain text, flagging invalid values', () => {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const heading = new Y.XmlElement('heading');
  heading.insert(0, [new Y.XmlText('Acties')]);
  fragment.insert(0, [
    heading,
    block('action', { id: 'a1', status: 'open', funding: 'existing', due: '2027-01-31', ownerPartyId: 'p1' }, 'Buurtkamer openen'),
    block('action', { id: 'a2', status: 'someday', funding: 'extra' }, 'Ongeldige status'),
    block('criterion', { id: 'k1', kind: 'award', weight: 'veel', category: 'quality' }, 'Kwaliteit'),
    block('commitment', { id: 'a1', partyId: 'p1', status: 'proposed' }, 'Dubbel id'),
  ]);

  const blocks = extractBlocks(doc);
  expect(blocks.map((b) => [b.kind, b.blockId, b.valid])).toEqual([
    ['action', 'a1', true],
    ['action', 'a2', false],
    ['criterion', 'k1', false],
    ['commitment', 'a1#3', false],
  ]);
  expect(blocks[0]!.text).toBe('Buurtkamer openen');
  expect(blocks[0]!.attrs).toMatchObject({ ownerPartyId: 'p1', due: '2027-01-31' });
  expect(blocks[1]!.issues.status).toBeDefined();
  expect(blocks[2]!.issues.weight).toBeDefined();
  expect(blocks[3]!.issues.id).toBe('block.issue.duplicateId');
});

test('a block without any attributes is reported, not thrown', () => {
  const doc = new Y.Doc();
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [block('reflection', {}, 'Terugblik')]);
  const [reflection] = extractBlocks(doc);
  expect(reflection!.valid).toBe(false);
  expect(reflection!.text).toBe('Terugblik');
});

test('attribute values JSON cannot hold are reported as invalid, not thrown', () => {
  const doc = new Y.Doc();
  const element = block('action', { id: 'a9', status: 'open', funding: 'extra' }, 'Vreemde waarden');
  element.setAttribute('due', 12n as unknown as string);
  element.setAttribute('ownerPartyId', new Uint8Array([1, 2]) as unknown as string);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [element]);
  const [action] = extractBlocks(doc);
  expect(action!.valid).toBe(false);
  expect(() => JSON.stringify(action!.attrs)).not.toThrow();
  expect(action!.issues.due).toBeDefined();
});
