/**
 * What a suggested change of a block's fields holds, checked against the block's own schema
 * (shared/blocks/attrs.ts): only the fields a suggestion may change (`suggestableFields`), each
 * with a value the schema takes, normalised as the schema stores it (a weight of "30" is 30, an
 * empty date is null). The changed fields are checked on their own, so an unrelated invalid
 * value already in the block does not stop a suggestion.
 */
import {
  blockDefaults,
  isSuggestableField,
  toRawAttrs,
  validateBlockAttrs,
  type BlockName,
  type StoredValue,
} from '../../shared/blocks/attrs';
import type { MessageKey } from '../../shared/i18n/translate';

export type FieldValues = Record<string, StoredValue>;

export type CheckedChanges = { ok: true; changes: FieldValues } | { ok: false; fields: Record<string, MessageKey> };

export function checkFieldChanges(kind: BlockName, proposed: Record<string, string | number | null>): CheckedChanges {
  const fields: Record<string, MessageKey> = {};
  for (const field of Object.keys(proposed)) {
    if (!isSuggestableField(kind, field)) fields[`changes.${field}`] = 'validation.notSuggestable';
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const validation = validateBlockAttrs(kind, { ...blockDefaults[kind], id: 'check', ...proposed });
  if (!validation.valid) {
    for (const [field, issue] of Object.entries(validation.issues)) fields[`changes.${field}`] = issue as MessageKey;
    return { ok: false, fields };
  }
  const normalised = validation.attrs as Record<string, unknown>;
  const changes: FieldValues = {};
  for (const field of Object.keys(proposed)) changes[field] = toRawAttrs({ value: normalised[field] ?? null }).value ?? null;
  return { ok: true, changes };
}

/** The values the block holds now for the fields a suggestion names (null for an absent one). */
export function currentValues(attributes: Record<string, unknown>, fields: readonly string[]): FieldValues {
  const raw = toRawAttrs(attributes);
  return Object.fromEntries(fields.map((field) => [field, raw[field] ?? null]));
}

/** True when a suggestion would leave every field as it is. */
export function changesNothing(changes: FieldValues, current: FieldValues): boolean {
  return Object.entries(changes).every(([field, value]) => current[field] === value);
}

/** A stored `changes` or `previous` column. */
export function parseFieldValues(json: string): FieldValues {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null ? (parsed as FieldValues) : {};
}
