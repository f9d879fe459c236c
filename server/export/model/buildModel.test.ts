import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, writeJsonToDoc } from '../../../shared/editor/schema';
import { buildTemplate } from '../../../shared/templates';
import { buildFixtureInput, names } from '../../../tests/helpers/exportFixture';
import type { ExportBlock, ExportInput } from '../types';
import { buildExportModel } from './buildModel';
import { plainText } from './inline';

const ofKind = <K extends ExportBlock['kind']>(blocks: ExportBlock[], kind: K) =>
  blocks.filter((b): b is Extract<ExportBlock, { kind: K }> => b.kind === kind);
const headings = (blocks: ExportBlock[]) => ofKind(blocks, 'heading').map((h) => plainText(h.runs));
const lineText = (lines: { text: string }[][]) => lines.map((l) => l.map((r) => r.text).join('')).join('\n');

describe('buildExportModel', () => {
  const model = buildExportModel(buildFixtureInput());

  it('prints the title once, with workspace, version, adoption status and the signing parties', () => {
    expect(model.title).toBe('Plan van aanpak Buurtkamer De Kolk');
    expect(headings(model.body)).not.toContain(model.title);
    expect(model.meta).toEqual([
      { label: 'Werkruimte', value: 'Buurtkamer De Kolk' },
      { label: 'Versie', value: 'Concept bijeenkomst 2' },
      { label: 'Vaststelling', value: 'Voorgesteld ter vaststelling, nog niet door alle partijen ondertekend' },
      { label: 'Geëxporteerd op', value: '5 maart 2025 om 11:00' },
    ]);
    expect(model.parties.map((p) => p.state)).toEqual([
      'Akkoord door Fatima El Idrissi op 4 maart 2025 om 10:30',
      'Niet akkoord, door Jan de Vries: Begroting klopt nog niet.',
      'Nog niet getekend',
    ]);
  });

  it('turns the run of actions into one table at its place, with names instead of ids', () => {
    const index = model.body.findIndex((b) => b.kind === 'actions');
    const before = model.body.slice(0, index);
    expect(headings(before).at(-1)).toBe('Acties');
    const [actions, ...more] = ofKind(model.body, 'actions');
    expect(more).toHaveLength(0);
    expect(actions!.rows.map((r) => [r.ownerParty, r.ownerUser, r.due, r.status, r.funding])).toEqual([
      ['Stichting Al Amal', 'Fatima El Idrissi', '1 juni 2025', 'Bezig', 'Bestaand werk en budget'],
      ['Gemeente Zaanstad', 'Nog niemand', '2025-13-45 (ongeldig)', 'Vastgelopen', 'Extra financiering nodig'],
      ['Onbekende partij', 'Nog niemand', 'niet ingevuld', 'Open', 'Nog onbekend'],
    ]);
    expect(actions!.rows[1]!.notices).toEqual(['Let op: Klaar op: Dit is geen bestaande datum.']);
    expect(actions!.rows[2]!.notices).toEqual(['Let op: de eigenaar is geen partij van deze werkruimte.']);
    expect(actions!.rows[0]!.ownerPartyColor).toBe('#d9480f');
  });

  it('groups commitments per party in order of appearance, without a party last', () => {
    const [commitments] = ofKind(model.body, 'commitments');
    expect(commitments!.groups.map((g) => [g.party, g.color, g.items.length])).toEqual([
      ['Stichting Al Amal', '#d9480f', 2],
      ['Gemeente Zaanstad', '#1971c2', 1],
      // A colour that is not plain hex is dropped, not passed on into CSS or PDF.
      ['Bewonersgroep De Kolk', null, 1],
      ['Nog geen partij', null, 1],
    ]);
    const [confirmed, proposed] = commitments!.groups[0]!.items;
    expect(confirmed!.confirmation).toBe('Bevestigd door Fatima El Idrissi op 3 maart 2025 om 14:05');
    expect(proposed!.status).toBe('Voorgesteld');
    expect(commitments!.groups[2]!.items[0]!.confirmation).toBe('Ingetrokken door Jan de Vries op 4 maart 2025 om 17:00');
    expect(commitments!.groups[3]!.items[0]!.notices).toEqual(['Let op: Partij: Kies de partij die dit toezegt.']);
  });

  it('lists reflection moments by date, undated ones after', () => {
    const [reflections] = ofKind(model.body, 'reflections');
    expect(reflections!.items.map((i) => [i.date, i.status])).toEqual([
      ['15 september 2025', 'Gehouden'],
      ['Nog geen datum', 'Gepland'],
    ]);
    expect(lineText(reflections!.items[0]!.text)).toContain('• Doen we de goede dingen');
  });

  it('keeps spread criteria in place and totals the award weights in the overview', () => {
    const criteria = ofKind(model.body, 'criteria');
    expect(criteria).toHaveLength(3);
    const [first, second, overview] = criteria;
    expect(first!.total).toBeNull();
    expect(second!.total).toBeNull();
    expect(headings(model.body).slice(-2)).toEqual(['Overzicht', 'Criteria en weging']);
    expect(overview!.rows.map((r) => [r.kind, r.weight])).toEqual([
      ['Eis (knock-out)', '–'],
      ['Selectiecriterium', '–'],
      ['Gunningscriterium', '40'],
      ['Gunningscriterium', '40'],
      ['Gunningscriterium', '120 (ongeldig)'],
    ]);
    expect(overview!.rows[4]!.notices).toEqual(['Let op: Weging: Maximaal 100.']);
    expect(overview!.total).toEqual({
      label: 'Totaal gunningsweging: 80 van 100',
      notices: [
        'Let op: 1 gunningscriterium heeft geen geldige weging en telt niet mee.',
        'Let op: de wegingen van de gunningscriteria tellen op tot 80. Samen moeten ze precies 100 zijn.',
      ],
    });
  });

  it('puts the total under the criteria table when all criteria stand together, without an overview', () => {
    const doc = new Y.Doc();
    let n = 0;
    const json = buildTemplate('uitvraag', { newId: () => `b${++n}`, userId: null, partyId: null, title: 'Uitvraag' });
    writeJsonToDoc(doc, json);
    const uitvraag = buildExportModel({ ...buildFixtureInput(), doc, title: 'Uitvraag' });
    const criteria = ofKind(uitvraag.body, 'criteria');
    expect(criteria).toHaveLength(1);
    expect(criteria[0]!.total?.label).toMatch(/^Totaal gunningsweging: \d+ van 100$/);
    expect(headings(uitvraag.body)).not.toContain('Overzicht');
  });

  it("marks a template's examples as examples, and only those", () => {
    const doc = new Y.Doc();
    let n = 0;
    writeJsonToDoc(doc, buildTemplate('plan-van-aanpak', { newId: () => `b${++n}`, userId: null, partyId: null, title: 'Plan' }));
    const first = doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'action') as Y.XmlElement;
    first.removeAttribute('example');
    const plan = buildExportModel({ ...buildFixtureInput(), doc, title: 'Plan' });
    const rows = ofKind(plan.body, 'actions').flatMap((table) => table.rows);
    const reflections = ofKind(plan.body, 'reflections').flatMap((list) => list.items);
    expect(rows.length).toBeGreaterThan(1);
    expect(reflections.length).toBeGreaterThan(0);
    const example = 'Voorbeeld uit het sjabloon: telt niet mee tot iemand het aanpast of overneemt.';
    expect(rows.map((row) => row.notices.includes(example))).toEqual(rows.map((_, i) => i > 0));
    for (const item of reflections) expect(item.notices[0]).toBe(example);
    // The fixture was written by people: no block of it is an example.
    expect(JSON.stringify(model.body)).not.toContain(example);
  });

  it('keeps only http, https and mailto links', () => {
    const paragraph = ofKind(model.body, 'paragraph').find((p) => plainText(p.runs).startsWith('Zie de wijkagenda'));
    expect(paragraph!.runs.filter((r) => r.href).map((r) => [r.text, r.href])).toEqual([
      ['de wijkagenda', 'https://example.org/wijkagenda?a=1&b=2'],
      ['de coördinator', 'mailto:coordinator@example.org'],
    ]);
    expect(paragraph!.runs.find((r) => r.text === 'klik hier')).toEqual({ text: 'klik hier' });
    expect(paragraph!.runs.find((r) => r.text === 'Vet')).toEqual({ text: 'Vet', bold: true });
  });

  it('survives blocks without attributes and nodes it does not know', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const bare = new Y.XmlElement('action');
    const criterion = new Y.XmlElement('criterion');
    const mystery = new Y.XmlElement('mysteryWidget');
    fragment.insert(0, [bare, criterion, mystery]);
    const text = new Y.XmlText();
    mystery.insert(0, [text]);
    text.insert(0, 'Tekst uit een nieuwer schema');
    criterion.setAttribute('kind', 'award');
    criterion.setAttribute('weight', 'veel' as unknown as string);
    const input: ExportInput = { ...buildFixtureInput(), doc, names };
    const broken = buildExportModel(input);
    const [actions] = ofKind(broken.body, 'actions');
    expect(actions!.rows[0]!.notices).toContain('Let op: Id: Blok zonder id.');
    expect(actions!.rows[0]!.status).toBe('niet ingevuld');
    const [criteria] = ofKind(broken.body, 'criteria');
    expect(criteria!.rows[0]!.weight).toBe('veel (ongeldig)');
    expect(criteria!.total?.label).toBe('Totaal gunningsweging: 0 van 100');
    expect(ofKind(broken.body, 'paragraph').map((p) => plainText(p.runs))).toContain('Tekst uit een nieuwer schema');
  });
});
