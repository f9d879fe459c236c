/**
 * A register as Dutch Excel and LibreOffice open it with a double click: UTF-8 with a byte
 * order mark (without it Excel reads the bytes as Windows-1252), `;` between cells (the list
 * separator of the Dutch regional settings, where `,` is the decimal sign), Dutch column names
 * and values in the words the editor shows (from the block catalogue), dates as dd-mm-jjjj and
 * decimal commas. `?dialect=rfc4180` keeps the machine-readable form with English keys.
 */
import type { BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey } from '../../shared/i18n/blockWording';
import { nlBlocks } from '../../shared/i18n/nlBlocks';
import { toCsv } from './csv';

type Format = 'text' | 'choice' | 'day' | 'time' | 'yesNo' | 'number';

interface Column {
  key: string;
  header: string;
  format: Format;
  /** For choices: the attribute whose words name the value. */
  field?: string;
}

const text = (key: string, header: string): Column => ({ key, header, format: 'text' });
const choice = (field: string, header: string): Column => ({ key: field, header, format: 'choice', field });

const leading: Column[] = [text('documentTitle', 'Document'), { key: 'blockId', header: 'Blok-id', format: 'text' }, text('text', 'Tekst')];
const trailing: Column[] = [{ key: 'valid', header: 'Volledig ingevuld', format: 'yesNo' }];

const registerColumns: Record<string, Column[]> = {
  action: [
    text('ownerPartyName', nlBlocks['action.ownerParty']),
    text('ownerUserName', nlBlocks['action.ownerUser']),
    { key: 'due', header: nlBlocks['action.due'], format: 'day' },
    choice('status', nlBlocks['action.status']),
    choice('funding', nlBlocks['action.funding']),
    { key: 'overdue', header: 'Te laat', format: 'yesNo' },
  ],
  commitment: [
    text('partyName', nlBlocks['block.field.partyId']),
    choice('status', nlBlocks['commitment.status']),
    text('confirmedByName', nlBlocks['block.field.confirmedBy']),
    { key: 'confirmedAt', header: nlBlocks['block.field.confirmedAt'], format: 'time' },
  ],
  reflection: [{ key: 'date', header: nlBlocks['reflection.date'], format: 'day' }, choice('status', nlBlocks['reflection.status'])],
  criterion: [choice('kind', nlBlocks['criterion.kind']), { key: 'weight', header: nlBlocks['criterion.weight'], format: 'number' }, choice('category', nlBlocks['criterion.category'])],
};

const timeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function cellValue(kind: BlockName, column: Column, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return '';
  switch (column.format) {
    case 'choice': {
      // A value outside the choices (an invalid block) is shown as it was stored.
      const key = blockChoiceKey(kind, column.field ?? column.key, value);
      return key ? nlBlocks[key] : value;
    }
    case 'day': {
      const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return match ? `${match[3]}-${match[2]}-${match[1]}` : value;
    }
    case 'time': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? value : timeFormat.format(date).replace(',', '');
    }
    case 'yesNo':
      return value === true ? 'ja' : value === false ? 'nee' : value;
    case 'number':
      // Block attributes arrive as the document holds them, often as text: "12.5".
      return /^-?\d+(\.\d+)?$/.test(String(value)) ? String(value).replace('.', ',') : value;
    default:
      return value;
  }
}

/** The register's rows as Dutch spreadsheet CSV, byte order mark included. */
export function toSpreadsheetCsv(kind: BlockName, rows: Record<string, unknown>[]): string {
  const columns = [...leading, ...(registerColumns[kind] ?? []), ...trailing];
  const dutchRows = rows.map((row) => Object.fromEntries(columns.map((column) => [column.header, cellValue(kind, column, row[column.key])])));
  return `\uFEFF${toCsv(dutchRows, columns.map((column) => column.header), ';')}`;
}
