import { generateHTML, generateJSON } from '@tiptap/html';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { baseExtensions } from '../editor/extensions';
import { readJsonFromDoc, writeJsonToDoc } from '../editor/schema';
import { validateBlockAttrs } from './attrs';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** One of every block, with every attribute set to a non-default value. */
const documentWithEveryBlock = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Plan van aanpak' }] },
    {
      type: 'action',
      attrs: { id: 'a-1', createdBy: 'u-1', createdByParty: 'p-1', ownerPartyId: 'p-2', ownerUserId: 'u-2', due: '2027-03-31', status: 'in_progress', funding: 'extra' },
      content: [paragraph('Werkplaats openen in de wijk')],
    },
    {
      type: 'commitment',
      attrs: { id: 'c-1', createdBy: 'u-1', createdByParty: 'p-1', partyId: 'p-1', status: 'confirmed', confirmedBy: 'u-1', confirmedAt: '2026-11-20T10:00:00.000Z' },
      content: [paragraph('Wij stellen twee ruimtes beschikbaar')],
    },
    {
      type: 'reflection',
      attrs: { id: 'r-1', createdBy: 'u-2', createdByParty: 'p-2', date: '2027-01-15', status: 'held' },
      content: [paragraph('Doen we de goede dingen?'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Bijsturen: vaker overleg')] }] }],
    },
    {
      type: 'criterion',
      attrs: { id: 'k-1', createdBy: 'u-1', createdByParty: 'p-1', kind: 'award', weight: 40, category: 'social_value' },
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
});
