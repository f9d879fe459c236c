import { describe, expect, it } from 'vitest';
import { all, firstZipEntry, headings, lists, ns, readOdt, tables, textOf } from '../../../tests/helpers/odt';
import type { ExportModel } from '../types';
import { odfText } from './odtInline';
import { renderOdt } from './renderOdt';

const model = (body: ExportModel['body'], title = 'Test'): ExportModel => ({ title, language: 'nl-NL', meta: [{ label: 'Werkruimte', value: 'W' }], parties: [], body });
const createdAt = new Date('2025-03-05T10:00:00Z');

describe('renderOdt', () => {
  it('is an OpenDocument package: mimetype first, stored, no extra field; a manifest of every part', async () => {
    const body = await renderOdt(model([]), createdAt);
    expect(firstZipEntry(body)).toEqual({ name: 'mimetype', method: 0, extraLength: 0, data: 'application/vnd.oasis.opendocument.text' });
    const { zip, manifest, meta } = await readOdt(body);
    const listed = all(manifest, ns.manifest, 'file-entry').map((e) => [e.getAttributeNS(ns.manifest, 'full-path'), e.getAttributeNS(ns.manifest, 'media-type')]);
    expect(listed).toEqual([
      ['/', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', 'text/xml'],
      ['styles.xml', 'text/xml'],
      ['meta.xml', 'text/xml'],
    ]);
    expect(Object.keys(zip.files).sort()).toEqual(['META-INF/manifest.xml', 'content.xml', 'meta.xml', 'mimetype', 'styles.xml']);
    expect(textOf(all(meta, ns.dc, 'language')[0]!)).toBe('nl-NL');
    expect(textOf(all(meta, ns.dc, 'title')[0]!)).toBe('Test');
  });

  it('escapes markup, quotes and ampersands and drops control characters, in text, title and links', async () => {
    const nasty = 'a < b & "c" \'d\' </text:p><x/> \u0000\u0007\u001f]]>';
    const body = await renderOdt(
      model([{ kind: 'paragraph', runs: [{ text: nasty }, { text: 'link', href: 'https://example.org/?a=1&b="2"' }, { text: 'weg', href: 'javascript:alert(1)' }] }], nasty),
      createdAt,
    );
    const { content, meta } = await readOdt(body);
    const cleaned = 'a < b & "c" \'d\' </text:p><x/> ]]>';
    expect(textOf(all(meta, ns.dc, 'title')[0]!)).toBe(cleaned);
    const paragraphs = all(content, ns.text, 'p').map(textOf);
    expect(paragraphs[0]).toBe(cleaned);
    expect(paragraphs).toContain(`${cleaned}linkweg`);
    const links = all(content, ns.text, 'a').map((a) => a.getAttributeNS(ns.xlink, 'href'));
    expect(links).toEqual(['https://example.org/?a=1&b="2"']);
  });

  it('keeps repeated spaces, tabs and hard breaks that ODF would collapse', () => {
    expect(odfText(' a  b\tc\nd')).toBe('<text:s/>a <text:s text:c="1"/>b<text:tab/>c<text:line-break/>d');
  });

  it('writes headings with outline levels, numbered lists from their start, tables with a header row', async () => {
    const body = await renderOdt(
      model([
        { kind: 'heading', level: 2, runs: [{ text: 'Doelen' }] },
        { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'paragraph', runs: [{ text: 'derde', bold: true }] }], [{ kind: 'paragraph', runs: [{ text: 'vierde' }] }]] },
        { kind: 'table', rows: [{ header: true, cells: [[[{ text: 'Rol' }]], [[{ text: 'Wie' }]]] }, { header: false, cells: [[[{ text: 'Trekker' }]], [[{ text: 'Łukasz' }]]] }] },
      ]),
      createdAt,
    );
    const { content } = await readOdt(body);
    expect(headings(content)).toEqual([[2, 'Doelen']]);
    expect(lists(content)).toEqual([{ style: 'List_number', items: ['derde', 'vierde'] }]);
    expect(all(content, ns.text, 'list-item')[0]!.getAttributeNS(ns.text, 'start-value')).toBe('3');
    expect(tables(content)).toEqual([[['Rol', 'Wie'], ['Trekker', 'Łukasz']]]);
    expect(all(content, ns.table, 'table-header-rows')).toHaveLength(1);
  });

  it('moves a table met inside a list item to after the list (ODF allows none there)', async () => {
    const table = { kind: 'table' as const, rows: [{ header: false, cells: [[[{ text: 'cel' }]]] }] };
    const body = await renderOdt(model([{ kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', runs: [{ text: 'punt' }] }, table]] }]), createdAt);
    const { content } = await readOdt(body);
    const officeText = all(content, ns.office, 'text')[0]!;
    const top = Array.from(officeText.childNodes).map((n) => (n as { localName?: string }).localName);
    expect(top.slice(-2)).toEqual(['list', 'table']);
    expect(tables(content)).toEqual([[['cel']]]);
  });
});
