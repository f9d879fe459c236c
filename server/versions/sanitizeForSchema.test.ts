import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT, documentSchema, readJsonFromDoc, writeJsonToDoc } from '../../shared/editor/schema';
import { buildTemplate } from '../../shared/templates';
import { sanitizeForSchema } from './sanitizeForSchema';
import { jsonFromState } from './versionContent';

const schema = documentSchema();
const text = (value: string, marks?: { type: string }[]): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/** What a restore does with it: parse, and check it against the content rules too. */
function restorable(json: JSONContent) {
  const node = schema.nodeFromJSON(json);
  node.check();
  return node;
}

describe('sanitizeForSchema', () => {
  const stored: JSONContent = {
    type: 'doc',
    content: [
      { type: 'iframe', attrs: { src: 'https://aanvaller.example' }, content: [paragraph(text('in een iframe'))] },
      { type: 'script', content: [text('losse tekst in een onbekend blok')] },
      paragraph(text('vet', [{ type: 'bold' }]), text(' knipperend', [{ type: 'blink' }, { type: 'italic' }]), text(''), { type: 'mention', attrs: { id: 'u1' }, content: [text(' @Fatima')] }),
      paragraph(paragraph(text('een blok in een regel'))),
      { type: 'bulletList', content: [{ type: 'details', content: [text('punt zonder lijstitem')] }] },
      { type: 'action', attrs: { id: 'a1', status: 'open', funding: 'unknown' }, content: [paragraph(text('Ruimte huren'))] },
      { type: 'widget' },
    ],
  };

  test('a document with unknown nodes and marks does not parse as it is, and does after', () => {
    expect(() => schema.nodeFromJSON(stored)).toThrow(/Unknown node type|no mark type/i);
    const node = restorable(sanitizeForSchema(stored, schema));
    expect(node.textContent).toBe('in een iframelosse tekst in een onbekend blokvet knipperend @Fatimaeen blok in een regelpunt zonder lijstitemRuimte huren');
  });

  test('their text keeps its known marks and finds a place the schema allows; known blocks keep their attributes', () => {
    const json = sanitizeForSchema(stored, schema);
    expect(json.content![0]).toEqual(paragraph(text('in een iframe')));
    expect(json.content![1]).toEqual(paragraph(text('losse tekst in een onbekend blok')));
    expect(json.content![2]).toEqual(paragraph(text('vet', [{ type: 'bold' }]), text(' knipperend', [{ type: 'italic' }]), text(' @Fatima')));
    expect(json.content![3]).toEqual(paragraph(text('een blok in een regel')));
    expect(json.content![4]).toEqual({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('punt zonder lijstitem'))] }] });
    expect(json.content![5]).toEqual(stored.content![5]);
    expect(json.content).toHaveLength(6);
  });

  test('a document the schema already fits comes back unchanged', () => {
    let n = 0;
    const template = buildTemplate('uitvraag', { newId: () => `b${++n}`, userId: null, partyId: null, title: 'Uitvraag' });
    expect(sanitizeForSchema(template, schema)).toEqual(template);
    const doc = new Y.Doc();
    writeJsonToDoc(doc, template);
    const read = readJsonFromDoc(doc);
    expect(sanitizeForSchema(read, schema)).toEqual(read);
  });

  test('a stored Yjs state with an element and a formatting attribute no editor knows restores', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const unknown = new Y.XmlElement('marquee');
    const inner = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    words.insert(0, 'Oude tekst', { glitter: true, bold: true });
    inner.insert(0, [words]);
    unknown.insert(0, [inner]);
    fragment.insert(0, [unknown]);
    const json = jsonFromState(Y.encodeStateAsUpdate(doc));
    expect(() => schema.nodeFromJSON(json)).toThrow();
    expect(restorable(sanitizeForSchema(json, schema)).toJSON()).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { suggestion: null }, content: [{ type: 'text', text: 'Oude tekst', marks: [{ type: 'bold' }] }] }],
    });
  });
});
