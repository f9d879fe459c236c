/**
 * Dutch wording of the export: block field values, column headings and dates. The same words
 * the editor shows (client/i18n/nl.ts), kept here because the server does not import client code.
 */
import type { BlockName } from '../../shared/blocks/attrs';

export const actionStatusLabels: Record<string, string> = {
  open: 'Open',
  in_progress: 'Bezig',
  done: 'Klaar',
  blocked: 'Vastgelopen',
};

export const fundingLabels: Record<string, string> = {
  existing: 'Bestaand werk en budget',
  extra: 'Extra financiering nodig',
  unknown: 'Nog onbekend',
};

export const commitmentStatusLabels: Record<string, string> = {
  proposed: 'Voorgesteld',
  confirmed: 'Bevestigd',
  withdrawn: 'Ingetrokken',
};

export const reflectionStatusLabels: Record<string, string> = { planned: 'Gepland', held: 'Gehouden' };

export const criterionKindLabels: Record<string, string> = {
  selection: 'Selectiecriterium',
  award: 'Gunningscriterium',
  requirement: 'Eis (knock-out)',
};

export const criterionCategoryLabels: Record<string, string> = {
  quality: 'Kwaliteit',
  price: 'Prijs',
  social_value: 'Maatschappelijke waarde',
  experience: 'Ervaring',
  turnover: 'Omzet',
  legal_form: 'Rechtsvorm',
  other: 'Anders',
};

/** Names of the block attributes, for "Let op: Weging: Maximaal 100." */
const fieldLabels: Record<string, string> = {
  id: 'Id',
  partyId: 'Partij',
  status: 'Status',
  confirmedBy: 'Bevestigd door',
  confirmedAt: 'Bevestigd op',
  ownerPartyId: 'Eigenaar',
  ownerUserId: 'Trekker',
  due: 'Klaar op',
  funding: 'Financiering',
  date: 'Datum',
  kind: 'Soort',
  weight: 'Weging',
  category: 'Categorie',
  createdBy: 'Voorgesteld door',
  createdByParty: 'Partij van de indiener',
};

export const blockKindLabels: Record<BlockName, string> = {
  action: 'Acties',
  commitment: 'Toezeggingen',
  reflection: 'Reflectiemomenten',
  criterion: 'Criteria en weging',
};

export const columns = {
  actions: ['Actie', 'Eigenaar', 'Trekker', 'Klaar op', 'Status', 'Financiering'],
  criteria: ['Criterium', 'Soort', 'Categorie', 'Weging'],
} as const;

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
  noOwner: 'Nog geen eigenaar',
  noOwnerUser: 'Nog niemand',
  noParty: 'Nog geen partij',
  unknownParty: 'Onbekende partij',
  unknownPerson: 'onbekende persoon',
  notSet: 'niet ingevuld',
  noDate: 'Nog geen datum',
  invalid: 'ongeldig',
  overview: 'Overzicht',
  overviewIntro: 'Alle blokken van dit document bij elkaar, in de volgorde van het document.',
  page: (n: number, total: number) => `pagina ${n} van ${total}`,
} as const;

/**
 * "Let op: Weging: Maximaal 100." for each invalid attribute. The schemas word their own checks
 * in Dutch, but a value of the wrong type (a missing party is null) gets zod's English default
 * message; that one is replaced.
 */
export function noticesOf(issues: Record<string, string>, raw: Record<string, unknown> = {}): string[] {
  return Object.entries(issues).map(([field, message]) => {
    const dutch = /^Invalid input|expected /i.test(message)
      ? raw[field] === null || raw[field] === undefined
        ? 'Niet ingevuld.'
        : 'Deze waarde klopt niet.'
      : message;
    return field === '_' ? `Let op: ${dutch}` : `Let op: ${fieldLabels[field] ?? field}: ${dutch}`;
  });
}

/** A known value's label, or the raw value marked invalid (raw values are user text: never trusted as labels). */
export function labelOf(labels: Record<string, string>, value: unknown): string {
  if (typeof value === 'string' && Object.hasOwn(labels, value)) return labels[value] as string;
  if (value === null || value === undefined || value === '') return words.notSet;
  return `${String(value)} (${words.invalid})`;
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
  return `${String(value)} (${words.invalid})`;
}

/** An ISO time (or Date) -> "3 maart 2025 om 14:05", Amsterdam time. */
export function formatTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return value ? `${String(value)} (${words.invalid})` : words.notSet;
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
