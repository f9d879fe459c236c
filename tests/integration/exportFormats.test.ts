/**
 * Exports of a document with every block type, in the five formats, checked the way a reader's
 * tools see them: the DOCX unzipped, the ODT unzipped and its XML parsed, the PDF through
 * pdftotext and pdfinfo, the Markdown parsed back, the HTML parsed by a DOM.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { columns } from '../../server/export/labels';
import { renderExport } from '../../server/export/renderExport';
import { buildFixtureDoc, buildFixtureInput, buildFixtureJson } from '../helpers/exportFixture';
import { firstZipEntry, headings, lists, readOdt, tables } from '../helpers/odt';

const leakedIds = /pty_|usr_|blk_/;
const fixtureJson = buildFixtureJson();
const input = () => buildFixtureInput({ doc: buildFixtureDoc(fixtureJson) });

const textOf = (node: JSONContent): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');
const nodesOf = (type: string, node: JSONContent = fixtureJson): JSONContent[] =>
  (node.type === type ? [node] : []).concat((node.content ?? []).flatMap((child) => nodesOf(type, child)));

const tmp = mkdtempSync(join(tmpdir(), 'werktafel-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The texts of each row of each table in a WordprocessingML body: tables -> rows -> cells. */
function docxTables(xml: string): string[][][] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const cellText = (cell: string) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => cellText(c[1] ?? ''))),
  );
}

describe('export formats', () => {
  it('names the file after the title and the version', async () => {
    const result = await renderExport('docx', input());
    expect(result.filename).toBe('plan-van-aanpak-buurtkamer-de-kolk-concept-bijeenkomst-2.docx');
    expect(result.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('DOCX: a zip whose document.xml holds the texts, real headings, links and the actions table', async () => {
    const { body } = await renderExport('docx', input());
    const zip = await JSZip.loadAsync(body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const footer = await zip.file('word/footer1.xml')!.async('string');

    for (const text of ['Plan van aanpak Buurtkamer De Kolk', 'Concept bijeenkomst 2', 'Buurtkamer De Kolk', 'Ondertekenende partijen', 'Let op: Weging: Maximaal 100.', 'Totaal gunningsweging: 80 van 100', 'Overzicht']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>[\s\S]*?Plan van aanpak Buurtkamer De Kolk/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*?Acties/);
    expect(xml).toMatch(/<w:numPr>/);
    expect(rels).toContain('Target="https://example.org/wijkagenda?a=1&amp;b=2" TargetMode="External"');
    expect(rels).toContain('Target="mailto:coordinator@example.org"');
    expect(`${xml}${rels}`).not.toMatch(/javascript/i);
    expect(footer).toMatch(/pagina [\s\S]*PAGE[\s\S]*van [\s\S]*NUMPAGES/);
    expect(`${xml}${rels}`).not.toMatch(leakedIds);

    const actions = docxTables(xml).find((t) => t[0]?.join('|') === columns.actions.join('|'));
    expect(actions).toBeDefined();
    expect(actions!.slice(1).map((row) => row.slice(1).map((c) => c.replace(/^■ /, '')))).toEqual([
      ['Stichting Al Amal', 'Fatima El Idrissi', '1 juni 2025', 'Bezig', 'Bestaand werk en budget'],
      ['Gemeente Zaanstad', 'Nog niemand', '2025-13-45 (ongeldig)', 'Vastgelopen', 'Extra financiering nodig'],
      ['Onbekende partij', 'Nog niemand', 'niet ingevuld', 'Open', 'Nog onbekend'],
    ]);
    expect(actions![1]![0]).toContain('Twee ochtenden per week inloop');
  });

  it('ODT: an OpenDocument package whose content.xml holds the headings, lists and tables of the document', async () => {
    const { body, contentType, filename } = await renderExport('odt', input());
    expect(contentType).toBe('application/vnd.oasis.opendocument.text');
    expect(filename).toBe('plan-van-aanpak-buurtkamer-de-kolk-concept-bijeenkomst-2.odt');
    expect(firstZipEntry(body as Buffer)).toMatchObject({ name: 'mimetype', method: 0, data: 'application/vnd.oasis.opendocument.text' });
    const { content } = await readOdt(body as Buffer);
    const xml = content.toString();
    expect(xml).not.toMatch(leakedIds);
    expect(xml).not.toMatch(/javascript/i);

    const docHeadings = nodesOf('heading').map((h) => [Number(h.attrs?.level), textOf(h)]);
    expect(headings(content)).toEqual([...docHeadings.slice(1), [2, 'Overzicht'], [3, 'Criteria en weging']]);

    const goals = nodesOf('orderedList')[0]!;
    expect(lists(content)).toContainEqual({ style: 'List_number', items: (goals.content ?? []).map(textOf) });
    expect(lists(content)).toContainEqual({ style: 'List_bullet', items: ['Wij openen de werkplaats drie ochtenden per week. (Bevestigd door Fatima El Idrissi op 3 maart 2025 om 14:05)', 'Wij werven tien vrijwilligers uit de buurt. (Voorgesteld)'] });

    const odtTables = tables(content);
    const docTables = nodesOf('table').map((t) => (t.content ?? []).map((row) => (row.content ?? []).map((cell) => textOf(cell))));
    for (const expected of docTables) expect(odtTables).toContainEqual(expected);

    const actions = odtTables.find((t) => t[0]?.join('|') === columns.actions.join('|'));
    expect(actions!.slice(1).map((row) => row.slice(1).map((c) => c.replace(/^■ /, '')))).toEqual([
      ['Stichting Al Amal', 'Fatima El Idrissi', '1 juni 2025', 'Bezig', 'Bestaand werk en budget'],
      ['Gemeente Zaanstad', 'Nog niemand', '2025-13-45 (ongeldig)', 'Vastgelopen', 'Extra financiering nodig'],
      ['Onbekende partij', 'Nog niemand', 'niet ingevuld', 'Open', 'Nog onbekend'],
    ]);
    expect(actions!.slice(1).map((row) => row[0]!.split('\n')[0])).toEqual(nodesOf('action').map(textOf));
    const overview = odtTables.filter((t) => t[0]?.join('|') === columns.criteria.join('|')).at(-1)!;
    expect(overview.slice(1).map((row) => row[3])).toEqual(['–', '–', '40', '40', '120 (ongeldig)']);
    expect(overview.at(-1)![0]).toContain('Let op: Weging: Maximaal 100.');
    expect(xml).toContain('Totaal gunningsweging: 80 van 100');
    expect(xml).toContain('15 september 2025');
  });

  it('PDF: pdftotext extracts the texts and the page numbers', async (ctx) => {
    if (!existsSync('/usr/bin/pdftotext')) {
      if (process.env.CI) throw new Error('pdftotext (poppler-utils) is missing; .ci/run installs it.');
      ctx.skip();
    }
    const { body, contentType } = await renderExport('pdf', input());
    expect(contentType).toBe('application/pdf');
    const file = join(tmp, 'export.pdf');
    writeFileSync(file, body);
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = Number(/pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    for (const expected of [
      'Plan van aanpak Buurtkamer De Kolk',
      'Versie: Concept bijeenkomst 2',
      'Stichting Al Amal: Akkoord door Fatima El Idrissi op 4 maart 2025 om 10:30',
      'Financiering',
      'Vastgelopen',
      'Gemeente Zaanstad',
      'Bevestigd door Fatima El Idrissi',
      '15 september 2025 (Gehouden)',
      'Totaal gunningsweging: 80 van 100',
      '<script>alert("xss")</script>',
      'de coördinator',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(leakedIds);
    const raw = (body as Buffer).toString('latin1');
    expect(raw).toContain('/URI (https://example.org/wijkagenda?a=1&b=2)');
    expect(raw).not.toMatch(/javascript/i);
  });

  it('Markdown: headings and tables parse back to what the document holds', async () => {
    const { body } = await renderExport('md', input());
    const md = body as string;
    const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>|~&#.\-+=])/g, '$1');

    const parsedHeadings = md.split('\n').flatMap((line) => {
      const m = /^(#{1,4}) (.*)$/.exec(line);
      return m ? [[m[1]!.length, unescape(m[2]!)] as const] : [];
    });
    const docHeadings = nodesOf('heading').map((h) => [Number(h.attrs?.level), textOf(h)] as const);
    expect(parsedHeadings).toEqual([
      [1, 'Plan van aanpak Buurtkamer De Kolk'],
      ...docHeadings.slice(1),
      [2, 'Overzicht'],
      [3, 'Criteria en weging'],
    ]);

    const tables: string[][][] = [];
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('|') || !/^\|( --- \|)+$/.test(lines[i + 1] ?? '')) continue;
      const table: string[][] = [];
      for (; lines[i]?.startsWith('|'); i++) {
        if (/^\|( --- \|)+$/.test(lines[i]!)) continue;
        const cells = lines[i]!.slice(2, -2).split(/(?<!\\) \| /);
        table.push(cells.map((c) => unescape(c.replace(/\*\*/g, '').replace(/<br>/g, '\n').trim())));
      }
      tables.push(table);
    }

    const docTables = nodesOf('table').map((t) => (t.content ?? []).map((row) => (row.content ?? []).map((cell) => textOf(cell))));
    for (const expected of docTables) expect(tables).toContainEqual(expected);

    const actions = tables.find((t) => t[0]?.join('|') === columns.actions.join('|'))!;
    expect(actions.slice(1).map((row) => row[0]!.split('\n')[0])).toEqual(nodesOf('action').map(textOf));
    expect(actions.map((row) => row[1])).toEqual(['Eigenaar', 'Stichting Al Amal', 'Gemeente Zaanstad', 'Onbekende partij']);

    const overview = tables.filter((t) => t[0]?.join('|') === columns.criteria.join('|')).at(-1)!;
    expect(overview.slice(1).map((row) => row[3])).toEqual(['–', '–', '40', '40', '120 (ongeldig)']);
    expect(md).toContain('**Totaal gunningsweging: 80 van 100**');
    expect(md).toContain('\\<script\\>alert("xss")\\</script\\>');
    expect(md).toContain('[de wijkagenda](https://example.org/wijkagenda?a=1&b=2)');
    expect(md).not.toMatch(/javascript/i);
    expect(md).not.toMatch(leakedIds);
  });

  it('HTML: a standalone page where rich text cannot execute', async () => {
    const { body, contentType } = await renderExport('html', input());
    const html = body as string;
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(leakedIds);

    const window = new Window();
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, iframe, object, embed, img, form')).toHaveLength(0);
    for (const element of doc.querySelectorAll('*')) {
      for (const attr of element.getAttributeNames()) expect(attr).not.toMatch(/^on/i);
      const style = element.getAttribute('style');
      if (style !== null) expect(style).toMatch(/^background:#[0-9a-f]{6}$/);
    }
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/wijkagenda?a=1&b=2', 'mailto:coordinator@example.org']);
    expect(doc.body.textContent).toContain('<script>alert("xss")</script>');
    expect(doc.querySelector('h1')?.textContent).toBe('Plan van aanpak Buurtkamer De Kolk');
    expect([...doc.querySelectorAll('table')[0]!.querySelectorAll('th')].map((th) => th.textContent)).toEqual([...columns.actions]);
    await window.happyDOM.close();
  });

  it('exports a version as it was, not as the document is now', async () => {
    const current = buildFixtureDoc(fixtureJson);
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(current));

    // Edit the live document after the version was taken: a new first paragraph.
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'Toegevoegd na de versie');
    current.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [paragraph]);

    const ofVersion = (await renderExport('md', { ...input(), doc: version })).body as string;
    const ofNow = (await renderExport('md', { ...input(), doc: current, versionLabel: null })).body as string;
    expect(ofVersion).not.toContain('Toegevoegd na de versie');
    expect(ofNow).toContain('Toegevoegd na de versie');
    expect(ofNow).toContain('**Versie:** Huidige stand (geen opgeslagen versie)');
  });
});
