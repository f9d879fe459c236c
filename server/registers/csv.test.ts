import { describe, expect, test } from 'vitest';
import { readCells } from '../../tests/helpers/spreadsheet';
import { toCsv } from './csv';

/** What Excel or LibreOffice would run: a cell whose text, leading spaces and quotes aside, starts a formula. */
const isFormula = (value: string) => /^(?:[\t\r]|[\s"]*[=+\-@])/.test(value);

const hostile = [
  'Overleg;=1+1',
  'Pauze\t=2+2',
  '=HYPERLINK("https://aanvaller.example")',
  '+31 6 1234',
  '-5',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '  =1+1',
  '"=1+1"',
  'Eerste regel\n-2+3',
  'Eerste regel\r\n @A1',
  'a;  "+1',
  'a "citaat", en meer',
  'Gewoon - tekst, € 10,- en e-mail@example.nl',
];

describe('CSV', () => {
  const csv = toCsv(hostile.map((text, i) => ({ text, n: i, leeg: null })), ['text', 'n', 'leeg']);

  test.each([',', ';', '\t'])('read with separator %j, no cell starts a formula', (separator) => {
    const cells = readCells(csv, separator).flat();
    expect(cells.length).toBeGreaterThan(hostile.length);
    expect(cells.filter(isFormula)).toEqual([]);
  });

  test('read with its own separator, every row has its three cells and every text its words', () => {
    const rows = readCells(csv, ',');
    expect(rows[0]).toEqual(['text', 'n', 'leeg']);
    expect(rows.slice(1).map((r) => r.length)).toEqual(hostile.map(() => 3));
    expect(rows[1]).toEqual(['Overleg;\'=1+1', '0', '']);
    expect(rows.slice(1).map((r) => r[0]!.replace(/'/g, ''))).toEqual(hostile.map((t) => t.replace(/'/g, '')));
    // Text without a formula trigger after a split point is left exactly as it was.
    expect(rows.at(-1)![0]).toBe('Gewoon - tekst, € 10,- en e-mail@example.nl');
  });

  test('the format is otherwise as before: comma, CRLF, quotes only where RFC 4180 needs them', () => {
    expect(toCsv([{ a: 'x', b: 'y, z', c: 'zei "ja"' }], ['a', 'b', 'c'])).toBe('a,b,c\r\nx,"y, z","zei ""ja"""\r\n');
  });
});
