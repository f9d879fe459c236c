import { generateHTML, generateJSON } from '@tiptap/html';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { baseExtensions } from '../editor/extensions';
import { documentSchema, readJsonFromDoc, writeJsonToDoc } from '../editor/schema';
import { validateBlockAttrs } from './attrs';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** One of every block, with every attribute set to a non-default value. */
const documentWithEveryBlock = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan van aanpak' }] },
    {
      type: 'action',
      attrs: { id: 'a-1', createdBy: 'u-1', createdByParty: 'p-1', example: true, ownerPartyId: 'p-2', ownerUserId: 'u-2', due: '2027-03-31', status: 'in_progress', funding: 'extra' },
      content: [paragraph('Werkplaats openen in de wijk')],
    },
    {
      type: 'commitment',
      attrs: { id: 'c-1', createdBy: 'u-1', createdByParty: 'p-1', example: false, partyId: 'p-1', status: 'confirmed', confirmedBy: 'u-1', confirmedAt: '2026-11-20T10:00:00.000Z' },
      content: [paragraph('Wij stellen twee ruimtes beschikbaar')],
    },
    {
      type: 'reflection',
      attrs: { id: 'r-1', createdBy: 'u-2', createdByParty: 'p-2', example: false, date: '2027-01-15', status: 'held' },
      content: [paragraph('Doen we de goede dingen?'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Bijsturen: vaker overleg')] }] }],
    },
    {
      type: 'criterion',
      attrs: { id: 'k-1', createdBy: 'u-1', createdByParty: 'p-1', example: false, kind: 'award', weight: 40, category: 'social_value' },
      content: [paragraph('Maatschappelijke waarde')],
    },
  ],
};

type Json = { type?: string; attrs?: Record<string, unknown>; content?: Json[] };

function blockAttrs(json: Json): Record<string, Record<string, unknown>> {
  const found: Record<string, Record<string, unknown>> = {};
  const walk = (node: Json) => {
    if (node.attrs && typeof node.attrs.id === 'string') found[node.type!] = node.attrs;
    node.content?.forEach(walk);
  };
  walk(json);
  return found;
}

describe('block schema round-trips', () => {
  test('Tiptap JSON -> Yjs -> Tiptap JSON keeps every attribute and the text', () => {
    const doc = new Y.Doc();
    writeJsonToDoc(doc, documentWithEveryBlock);
    const back = readJsonFromDoc(doc) as Json;
    expect(blockAttrs(back)).toEqual(blockAttrs(documentWithEveryBlock));
    expect(JSON.stringify(back)).toContain('Bijsturen: vaker overleg');
  });

  test('Tiptap JSON -> HTML -> Tiptap JSON keeps every attribute as data-* attributes', () => {
    const extensions = baseExtensions();
    const html = generateHTML(documentWithEveryBlock, extensions);
    expect(html).toContain('data-block="action"');
    expect(html).toContain('data-owner-party-id="p-2"');
    // Only an example carries the mark in HTML.
    expect(html.match(/data-example="true"/g)).toHaveLength(1);
    expect(html).not.toContain('data-example="false"');
    const back = generateJSON(html, extensions) as Json;
    const expected = blockAttrs(documentWithEveryBlock);
    const actual = blockAttrs(back);
    for (const kind of Object.keys(expected)) {
      for (const [name, value] of Object.entries(expected[kind]!)) expect(actual[kind]?.[name], `${kind}.${name}`).toEqual(value);
    }
  });

  test('every example attribute set validates', () => {
    for (const [kind, attrs] of Object.entries(blockAttrs(documentWithEveryBlock))) {
      expect(validateBlockAttrs(kind as 'action', attrs).valid, kind).toBe(true);
    }
  });

  test('invalid values are reported per field, never thrown', () => {
    const result = validateBlockAttrs('action', { id: 'a', status: 'later', funding: 'extra', due: '2027-02-30' });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(Object.keys(result.issues).sort()).toEqual(['due', 'status']);
    const criterion = validateBlockAttrs('criterion', { id: 'k', kind: 'award', weight: 140, category: 'turnover' });
    expect(criterion.valid).toBe(false);
    if (!criterion.valid) expect(criterion.issues.weight).toMatch(/100/);
  });

  test('a block without the example mark (every block from before it existed) is no example', () => {
    const doc = new Y.Doc();
    const { example: _mark, ...older } = documentWithEveryBlock.content[1]!.attrs as Record<string, unknown>;
    // Written as a Yjs element, the way documents from before the mark hold their blocks.
    const element = new Y.XmlElement('action');
    for (const [name, value] of Object.entries(older)) element.setAttribute(name, value as string);
    const text = new Y.XmlElement('paragraph');
    text.insert(0, [new Y.XmlText('Zonder merk')]);
    element.insert(0, [text]);
    doc.getXmlFragment('default').insert(0, [element]);
    // The editor's schema reads the missing mark as false (the exports' validation too, below).
    expect(blockAttrs(documentSchema().nodeFromJSON(readJsonFromDoc(doc)).toJSON() as Json).action).toMatchObject({ example: false });
    expect(validateBlockAttrs('action', element.getAttributes())).toMatchObject({ valid: true, attrs: { example: false } });
    // A mark that is not a boolean is shown as needing attention, like any other bad value.
    expect(validateBlockAttrs('action', { ...older, example: 'ja' })).toMatchObject({ valid: false, issues: { example: expect.any(String) } });
  });
});
