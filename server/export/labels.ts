/**
 * Dutch wording of the export: block names, fields and values from the shared block catalogue
 * (shared/i18n/nlBlocks.ts, the words the editor shows), and the export's own words, column
 * headings and dates.
 */
import type { BlockAttrs, BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey, blockFieldKey, type ChoiceAttr } from '../../shared/i18n/blockWording';
import { fillPlaceholders } from '../../shared/i18n/messages';
import { nlBlocks } from '../../shared/i18n/nlBlocks';

const fieldName = (kind: BlockName, field: string): string => {
  const key = blockFieldKey(kind, field);
  return key ? nlBlocks[key] : field;
};

/** The heading of a kind of block in the overview: "Acties", "Criteria en weging", … */
export const blockHeading = (kind: BlockName): string => nlBlocks[`block.kinds.${kind}`];

/** Headings of an overview table: the block's name, then the names of the fields shown. */
function tableHeadings<N extends BlockName>(kind: N, fields: readonly (keyof BlockAttrs<N> & string)[]): readonly string[] {
  return [nlBlocks[`block.kind.${kind}`], ...fields.map((field) => fieldName(kind, field))];
}

/** The export's own words are Dutch, so a reader's tools should read it as Dutch. */
export const exportLanguage = 'nl-NL';

export const columns = {
  actions: tableHeadings('action', ['ownerPartyId', 'ownerUserId', 'due', 'status', 'funding']),
  criteria: tableHeadings('criterion', ['kind', 'category', 'weight']),
};

export const words = {
  workspace: 'Werkruimte',
  version: 'Versie',
  currentVersion: 'Huidige stand (geen opgeslagen versie)',
  adoption: 'Vaststelling',
  exportedAt: 'Geëxporteerd op',
  adopted: 'Vastgesteld: alle partijen hebben ingestemd',
  pending: 'Voorgesteld ter vaststelling, nog niet door alle partijen ondertekend',
  notAdopted: 'Niet vastgesteld',
  signingParties: 'Ondertekenende partijen',
  notSigned: 'Nog niet getekend',
  noOwner: nlBlocks['action.noOwner'],
  noOwnerUser: nlBlocks['action.noOwnerUser'],
  noParty: 'Nog geen partij',
  unknownParty: nlBlocks['block.unknownParty'],
  unknownPerson: nlBlocks['block.unknownPersonInText'],
  notSet: nlBlocks['block.notSet'],
  noDate: 'Nog geen datum',
  overview: 'Overzicht',
  overviewIntro: 'Alle blokken van dit document bij elkaar, in de volgorde van het document.',
  page: (n: number, total: number) => `pagina ${n} van ${total}`,
  example: 'Voorbeeld uit het sjabloon: telt niet mee tot iemand het aanpast of overneemt.',
} as const;

/** "2025-13-45 (ongeldig)": a stored value shown as it is, marked invalid. */
export const invalidValue = (value: unknown): string => fillPlaceholders(nlBlocks['block.invalidValue'], { value: String(value) });

/**
 * "Let op: Weging: Maximaal 100." for each invalid attribute. The schemas word their own checks
 * in Dutch, but a value of the wrong type (a missing party is null) gets zod's English default
 * message; that one is replaced.
 */
export function noticesOf(kind: BlockName, issues: Record<string, string>, raw: Record<string, unknown> = {}): string[] {
  return Object.entries(issues).map(([field, message]) => {
    const dutch = /^Invalid input|expected /i.test(message)
      ? raw[field] === null || raw[field] === undefined
        ? nlBlocks['block.missingValue']
        : nlBlocks['block.invalidGeneric']
      : message;
    return fillPlaceholders(nlBlocks['block.attention'], { message: field === '_' ? dutch : `${fieldName(kind, field)}: ${dutch}` });
  });
}

/** A choice's name, or the raw value marked invalid (raw values are user text: never trusted as names). */
export function choiceLabel<N extends BlockName>(kind: N, field: ChoiceAttr<N>, value: unknown): string {
  const key = blockChoiceKey(kind, field, value);
  if (key) return nlBlocks[key];
  if (value === null || value === undefined || value === '') return words.notSet;
  return invalidValue(value);
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2025-03-03` -> "3 maart 2025"; anything else is returned as given, marked invalid. */
export function formatDay(value: unknown): string {
  if (value === null || value === undefined || value === '') return words.notSet;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return dayFormat.format(date);
  }
  return invalidValue(value);
}

/** An ISO time (or Date) -> "3 maart 2025 om 14:05", Amsterdam time. */
export function formatTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return value ? invalidValue(value) : words.notSet;
  return timeFormat.format(date);
}

/** A party colour as `#rrggbb`, or null: colours end up in CSS, DOCX and PDF, so only plain hex passes. */
export function safeColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return `#${hex.toLowerCase()}`;
}
