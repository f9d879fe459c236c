import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfCatalog, pdfStructure, structureTypes } from '../../../tests/helpers/pdf';
import type { ExportModel } from '../types';
import { renderPdf } from './renderPdf';

const tmp = mkdtempSync(join(tmpdir(), 'werktafel-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfText(body: Buffer): string {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, body);
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const model = (body: ExportModel['body']): ExportModel => ({ title: 'Test', language: 'nl-NL', meta: [], parties: [], body });
const hasPdftotext = existsSync('/usr/bin/pdftotext');

describe.skipIf(!hasPdftotext && !process.env.CI)('renderPdf', () => {
  it('splits a table row taller than a page between words and loses no text', async () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Zin${i} loopt door.`);
    const row = { text: [[{ text: sentences.join(' ') }]], ownerParty: 'P', ownerPartyColor: '#123456', ownerUser: 'U', due: 'd', status: 's', funding: 'f', notices: [] };
    const text = pdfText(await renderPdf(model([{ kind: 'actions', rows: [row, { ...row, text: [[{ text: 'Laatste actie' }]] }] }])));
    const found = new Set([...text.matchAll(/Zin(\d+)/g)].map((m) => Number(m[1])));
    expect(found.size).toBe(300);
    expect(text).toContain('Laatste actie');
    expect(text).toMatch(/pagina 1 van [3-9]/);
  });

  it('keeps hard breaks and writes letters outside Windows-1252 as they are', async () => {
    const text = pdfText(await renderPdf(model([{ kind: 'paragraph', runs: [{ text: 'eerste regel\ntweede regel ≥ Şahin, Łukasz, Nguyễn' }] }])));
    expect(text).toMatch(/eerste regel\ntweede regel ≥ Şahin, Łukasz, Nguyễn/);
    expect(text).toContain('pagina 1 van 1');
  });

  it('embeds its fonts: no standard font is left for a viewer to substitute', async () => {
    const body = await renderPdf(model([{ kind: 'paragraph', runs: [{ text: 'vet', bold: true }, { text: ' code', code: true }] }]));
    const fonts = [...body.toString('latin1').matchAll(/\/BaseFont \/(\S+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans/);
  });

  it('is tagged in the language of the export model, with the blocks as structure elements', async () => {
    const body = await renderPdf({
      ...model([
        { kind: 'heading', level: 2, runs: [{ text: 'Kop' }] },
        { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', runs: [{ text: 'punt' }] }]] },
        { kind: 'table', rows: [{ header: true, cells: [[[{ text: 'Rol' }]]] }, { header: false, cells: [[[{ text: 'Trekker' }]]] }] },
      ]),
      language: 'en-GB',
    });
    expect(pdfCatalog(body)).toEqual({ lang: 'en-GB', marked: true, structTreeRoot: true });
    expect(structureTypes(pdfStructure(body))).toEqual(['Document', 'H1', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'P', 'Table', 'TR', 'TH', 'TR', 'TD']);
  });
});
