import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findNonPlainValue } from './plainValues';

/** The structs of the update a change to a fresh document makes, as the room decodes them. */
function structsOf(change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  change(doc);
  const structs = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs;
  doc.destroy();
  return structs;
}

const withAttribute = (value: unknown) =>
  structsOf((doc) => {
    const element = new Y.XmlElement('action');
    doc.getXmlFragment('default').insert(0, [element]);
    element.setAttribute('ownerPartyId', value as string);
  });

describe('findNonPlainValue', () => {
  it.each([
    ['a string', 'p1'],
    ['a number', 40],
    ['a boolean', true],
    ['null', null],
    ["a table cell's column widths", [120, 80]],
    ['an object of plain values', { href: 'https://example.nl', target: null }],
  ])('lets %s through', (_name, value) => {
    expect(findNonPlainValue(withAttribute(value))).toBeNull();
  });

  it.each([
    ['an object whose toString is a number', { toString: 1 }],
    ['an object whose valueOf is a string', { valueOf: 'x' }],
    ['a constructor key deep inside', [{ a: [{ constructor: 1 }] }]],
    ['a bigint', 12n],
    ['bytes inside an object', { bytes: new Uint8Array([1, 2]) }],
    ['nesting deeper than any editor writes', JSON.parse('['.repeat(40) + ']'.repeat(40))],
  ])('finds %s', (_name, value) => {
    expect(findNonPlainValue(withAttribute(value))).toBeInstanceOf(Y.ID);
  });

  it('checks mark values on text, and embeds', () => {
    const mark = structsOf((doc) => doc.getText('t').insert(0, 'tekst', { link: { toString: 1 } }));
    expect(findNonPlainValue(mark)).toBeInstanceOf(Y.ID);
    const link = structsOf((doc) => doc.getText('t').insert(0, 'tekst', { link: { href: 'https://example.nl' } }));
    expect(findNonPlainValue(link)).toBeNull();
    const embed = structsOf((doc) => doc.getText('t').insertEmbed(0, { valueOf: 2 } as unknown as object));
    expect(findNonPlainValue(embed)).toBeInstanceOf(Y.ID);
  });

  it('does not read a decoded object whose prototype was swapped as plain', () => {
    // lib0 decodes keys by assignment, so a "__proto__" key replaces the prototype.
    const forged = Object.defineProperty({}, '__proto__', { value: { toString: 1 }, enumerable: true });
    expect(findNonPlainValue(withAttribute(forged))).toBeInstanceOf(Y.ID);
  });
});
