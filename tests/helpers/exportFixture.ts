/**
 * A document with every block type and the awkward cases the export must survive, for the
 * export tests: owners and confirmations set, an unknown party, a missing party, an invalid
 * weight, a javascript: link and HTML in the text. Ids are recognisable (`pty_`, `usr_`,
 * `blk_`) so tests can assert that none leaks into an export.
 */
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { writeJsonToDoc } from '../../shared/editor/schema';
import { buildTemplate } from '../../shared/templates';
import type { NameBook } from '../../server/presenters/registers';
import type { ExportInput } from '../../server/export/types';

export const ids = {
  alAmal: 'pty_alamal_91c2',
  gemeente: 'pty_gemeente_77aa',
  buurt: 'pty_buurt_3e4f',
  ghost: 'pty_ghost_0000',
  fatima: 'usr_fatima_5d21',
  jan: 'usr_jan_8b03',
} as const;

export const names: NameBook = {
  parties: new Map([
    [ids.alAmal, { name: 'Stichting Al Amal', color: '#d9480f' }],
    [ids.gemeente, { name: 'Gemeente Zaanstad', color: '#1971c2' }],
    [ids.buurt, { name: 'Bewonersgroep De Kolk', color: 'red; background:url(javascript:alert(1))' }],
  ]),
  users: new Map([
    [ids.fatima, 'Fatima El Idrissi'],
    [ids.jan, 'Jan de Vries'],
  ]),
};

const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const h = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });

function ofType(json: JSONContent, type: string): JSONContent[] {
  return (json.content ?? []).filter((node) => node.type === type);
}

function commitment(id: string, attrs: Record<string, unknown>, value: string): JSONContent {
  return {
    type: 'commitment',
    attrs: { id, createdBy: ids.jan, createdByParty: ids.gemeente, partyId: null, status: 'proposed', confirmedBy: null, confirmedAt: null, ...attrs },
    content: [p(text(value))],
  };
}

/** The plan of approach template with commitments, criteria and rich text added. */
export function buildFixtureJson(title = 'Plan van aanpak Buurtkamer De Kolk'): JSONContent {
  let n = 0;
  const ctx = { newId: () => `blk_${++n}`, userId: ids.jan, partyId: ids.gemeente, title };
  const plan = buildTemplate('plan-van-aanpak', ctx);
  const criteria = buildTemplate('criteria', ctx);

  const [a1, a2, a3] = ofType(plan, 'action');
  Object.assign(a1!.attrs!, { ownerPartyId: ids.alAmal, ownerUserId: ids.fatima, due: '2025-06-01', status: 'in_progress' });
  Object.assign(a2!.attrs!, { ownerPartyId: ids.gemeente, status: 'blocked', due: '2025-13-45' });
  Object.assign(a3!.attrs!, { ownerPartyId: ids.ghost });

  const [r1] = ofType(plan, 'reflection');
  Object.assign(r1!.attrs!, { date: '2025-09-15', status: 'held' });

  const [requirement, selection, award1, award2, price] = ofType(criteria, 'criterion');
  Object.assign(price!.attrs!, { weight: 120 });

  const extra: JSONContent[] = [
    h(2, 'Bronnen en opmerkingen'),
    p(
      text('Zie '),
      text('de wijkagenda', [{ type: 'link', attrs: { href: 'https://example.org/wijkagenda?a=1&b=2' } }]),
      text(' en '),
      text('klik hier', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
      text(' of mail '),
      text('de coördinator', [{ type: 'link', attrs: { href: 'mailto:coordinator@example.org' } }]),
      text('. '),
      text('Vet', [{ type: 'bold' }]),
      text(' en '),
      text('schuin', [{ type: 'italic' }]),
      text('.'),
    ),
    p(text('<script>alert("xss")</script> <img src=x onerror=alert(1)> | pijp * ster _ streep # hekje')),
    h(2, 'Toezeggingen'),
    commitment('blk_c1', { partyId: ids.alAmal, status: 'confirmed', confirmedBy: ids.fatima, confirmedAt: '2025-03-03T13:05:00Z' }, 'Wij openen de werkplaats drie ochtenden per week.'),
    commitment('blk_c2', { partyId: ids.gemeente }, 'Wij betalen de kok voor het eerste jaar.'),
    commitment('blk_c3', { partyId: ids.alAmal, status: 'proposed' }, 'Wij werven tien vrijwilligers uit de buurt.'),
    commitment('blk_c4', {}, 'Iemand verzorgt het vervoer.'),
    commitment('blk_c5', { partyId: ids.buurt, status: 'withdrawn', confirmedBy: ids.jan, confirmedAt: '2025-03-04T16:00:00Z' }, 'Wij houden elke maand een buurtavond.'),
    h(2, 'Criteria'),
    h(3, 'Eisen en selectie'),
    requirement!,
    selection!,
    h(3, 'Gunning'),
    award1!,
    award2!,
    price!,
  ];
  const content = [...(plan.content ?? []), ...extra];
  // The parties have worked through this document: none of its blocks is a template's example
  // any more (the server clears the mark at a person's first edit).
  for (const node of content) if (node.attrs && 'example' in node.attrs) node.attrs.example = false;
  return { ...plan, content };
}

export function buildFixtureDoc(json = buildFixtureJson()): Y.Doc {
  const doc = new Y.Doc();
  writeJsonToDoc(doc, json);
  return doc;
}

export function buildFixtureInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    doc: buildFixtureDoc(),
    title: 'Plan van aanpak Buurtkamer De Kolk',
    workspaceName: 'Buurtkamer De Kolk',
    versionLabel: 'Concept bijeenkomst 2',
    adoption: {
      status: 'pending',
      parties: [
        { name: 'Stichting Al Amal', color: '#d9480f', signedBy: 'Fatima El Idrissi', signedAt: '2025-03-04T09:30:00Z', declined: null },
        { name: 'Gemeente Zaanstad', color: '#1971c2', signedBy: null, signedAt: null, declined: { by: 'Jan de Vries', reason: 'Begroting klopt nog niet.' } },
        { name: 'Bewonersgroep De Kolk', color: '#2f9e44', signedBy: null, signedAt: null },
      ],
    },
    names,
    exportedAt: new Date('2025-03-05T10:00:00Z'),
    ...overrides,
  };
}
