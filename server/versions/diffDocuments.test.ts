import type { JSONContent } from '@tiptap/core';
import { expect, test } from 'vitest';
import type { NameBook } from '../presenters/registers';
import { diffDocuments } from './diffDocuments';

const names: NameBook = {
  parties: new Map([['p1', { name: 'Stichting Al Amal', color: '#d9480f' }]]),
  users: new Map([['u1', 'Fatima El Idrissi']]),
};

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const block = (type: string, attrs: Record<string, unknown>, text: string): JSONContent => ({
  type,
  attrs: { id: 'b1', createdBy: null, createdByParty: null, ...attrs },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const action = (attrs: Record<string, unknown>) =>
  block('action', { ownerPartyId: null, ownerUserId: null, due: null, status: 'open', funding: 'unknown', ...attrs }, 'Werkplaats openen');

test('a changed block is summarised in the words the editor shows for its fields and values', () => {
  const [entry] = diffDocuments(doc(action({})), doc(action({ ownerPartyId: 'p1', ownerUserId: 'u1', status: 'blocked', funding: 'existing' })), names);
  expect(entry?.summary).toBe(
    "actie 'Werkplaats openen': eigenaar niet ingevuld -> Stichting Al Amal; trekker niet ingevuld -> Fatima El Idrissi; status open -> vastgelopen; financiering nog onbekend -> bestaand werk en budget",
  );
});

test('values that are no choice, and ids nobody knows, are named as such', () => {
  const before = block('criterion', { kind: 'award', weight: 10, category: 'other' }, 'Prijs');
  const after = block('criterion', { kind: 'requirement', weight: 10, category: 'someday' }, 'Prijs');
  expect(diffDocuments(doc(before), doc(after), names)[0]?.fieldChanges).toEqual([
    { field: 'kind', label: 'soort', from: 'gunningscriterium', to: 'eis (knock-out)' },
    { field: 'category', label: 'categorie', from: 'anders', to: 'someday' },
  ]);
  const [unknown] = diffDocuments(doc(action({})), doc(action({ ownerPartyId: 'p9', ownerUserId: 'u9' })), names);
  expect(unknown?.fieldChanges.map((c) => c.to)).toEqual(['onbekende partij', 'onbekende persoon']);
});

test('an example taken over shows the change that took it over, not the example mark', () => {
  const [entry] = diffDocuments(doc(action({ example: true })), doc(action({ example: false, ownerPartyId: 'p1' })), names);
  expect(entry?.fieldChanges.map((c) => c.field)).toEqual(['ownerPartyId']);
  expect(entry?.summary).toBe("actie 'Werkplaats openen': eigenaar niet ingevuld -> Stichting Al Amal");
  // Only the mark going (cleared by hand) is no change of what the block says.
  expect(diffDocuments(doc(action({ example: true })), doc(action({})), names)).toEqual([]);
});

test('in English the same change reads in the English words of the editor', () => {
  const [entry] = diffDocuments(doc(action({})), doc(action({ ownerPartyId: 'p1', status: 'blocked' })), names, 'en');
  expect(entry?.summary).toBe("action 'Werkplaats openen': owner not set -> Stichting Al Amal; status open -> blocked");
  const [added] = diffDocuments(doc(), doc(action({})), names, 'en');
  expect(added?.summary).toBe("action 'Werkplaats openen' added");
});
