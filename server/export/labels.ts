/**
 * Wording of the export, which is a Dutch public document: block names, fields, values and
 * their checks with the same catalogue keys the editor shows them with (shared/i18n), the
 * export's own words from the same catalogue, column headings and dates.
 */
import type { BlockAttrs, BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey, blockFieldKey, type ChoiceAttr } from '../../shared/i18n/blockWording';
import { wordIssue } from '../../shared/i18n/issues';
import { localeOf, translate, type Language, type MessageKey, type MessageParams } from '../../shared/i18n/translate';

/** The language of every export: its words are Dutch, as the public document is. */
const exportWordsIn: Language = 'nl';
/** A catalogue message in the export's language. */
export const say = (key: MessageKey, params?: MessageParams): string => translate(exportWordsIn, key, params);

const fieldName = (kind: BlockName, field: string): string => {
  const key = blockFieldKey(kind, field);
  return key ? say(key) : field;
};

/** The heading of a kind of block in the overview: "Acties", "Criteria en weging", … */
export const blockHeading = (kind: BlockName): string => say(`block.kinds.${kind}`);

/** Headings of an overview table: the block's name, then the names of the fields shown. */
function tableHeadings<N extends BlockName>(kind: N, fields: readonly (keyof BlockAttrs<N> & string)[]): readonly string[] {
  return [say(`block.kind.${kind}`), ...fields.map((field) => fieldName(kind, field))];
}

/** The export's own words are Dutch, so a reader's tools should read it as Dutch (BCP 47). */
export const exportLanguage = localeOf(exportWordsIn);

export const columns = {
  actions: tableHeadings('action', ['ownerPartyId', 'ownerUserId', 'due', 'status', 'funding']),
  criteria: tableHeadings('criterion', ['kind', 'category', 'weight']),
};

export const words = {
  workspace: say('exportDoc.workspace'),
  version: say('exportDoc.version'),
  currentVersion: say('exportDoc.currentVersion'),
  adoption: say('exportDoc.adoption'),
  exportedAt: say('exportDoc.exportedAt'),
  adopted: say('exportDoc.adopted'),
  pending: say('exportDoc.pending'),
  notAdopted: say('exportDoc.notAdopted'),
  signingParties: say('exportDoc.signingParties'),
  notSigned: say('exportDoc.notSigned'),
  noOwner: say('action.noOwner'),
  noOwnerUser: say('action.noOwnerUser'),
  noParty: say('exportDoc.noParty'),
  unknownParty: say('block.unknownParty'),
  unknownPerson: say('block.unknownPersonInText'),
  notSet: say('block.notSet'),
  noDate: say('exportDoc.noDate'),
  overview: say('exportDoc.overview'),
  overviewIntro: say('exportDoc.overviewIntro'),
  page: (n: number, total: number) => say('exportDoc.page', { n, total }),
  example: say('exportDoc.example'),
} as const;

/** "2025-13-45 (ongeldig)": a stored value shown as it is, marked invalid. */
export const invalidValue = (value: unknown): string => say('block.invalidValue', { value: String(value) });

/** "Let op: Weging: Maximaal 100." for each invalid attribute (the checks are catalogue keys). */
export function noticesOf(kind: BlockName, issues: Record<string, string>, raw: Record<string, unknown> = {}): string[] {
  return Object.entries(issues).map(([field, message]) => {
    const worded = /^Invalid input|expected /i.test(message)
      ? raw[field] === null || raw[field] === undefined
        ? say('block.missingValue')
        : say('block.invalidGeneric')
      : wordIssue(exportWordsIn, message);
    return say('block.attention', { message: field === '_' ? worded : `${fieldName(kind, field)}: ${worded}` });
  });
}

/** A choice's name, or the raw value marked invalid (raw values are user text: never trusted as names). */
export function choiceLabel<N extends BlockName>(kind: N, field: ChoiceAttr<N>, value: unknown): string {
  const key = blockChoiceKey(kind, field, value);
  if (key) return say(key);
  if (value === null || value === undefined || value === '') return words.notSet;
  return invalidValue(value);
}

const dayFormat = new Intl.DateTimeFormat(localeOf(exportWordsIn), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(localeOf(exportWordsIn), {
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
