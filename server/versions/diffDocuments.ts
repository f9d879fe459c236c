/**
 * A readable diff of two states of a document: passages inserted, deleted or changed (with
 * word-level marks), and for structured blocks the fields that changed, in words:
 * "actie 'Werkplaats openen': eigenaar niet ingevuld -> Stichting Al Amal". Blocks are worded with
 * the catalogue keys the editor shows them with, in the language of whoever asked.
 */
import type { JSONContent } from '@tiptap/core';
import { exampleAttr, isBlockName, partyAttrs, userAttrs, type BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey, blockFieldKey } from '../../shared/i18n/blockWording';
import { translate, type Language, type MessageKey } from '../../shared/i18n/translate';
import type { NameBook } from '../presenters/registers';
import type { DiffEntry, FieldChange } from '../../shared/api/versions';
import { alignKeys, DiffTooLargeError, diffWords } from './wordDiff';

export { DiffTooLargeError };

/** More changed passages than anyone reads in one page; the answer would run to megabytes. */
export const MAX_DIFF_ENTRIES = 5_000;

export type { DiffEntry, FieldChange };

interface Unit {
  key: string;
  node: JSONContent;
  text: string;
}

function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  const parts = (node.content ?? []).map(plainText);
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem' ? parts.join('') : parts.filter(Boolean).join('\n');
}

const kindOf = (node: JSONContent): BlockName | undefined => (node.type && isBlockName(node.type) ? node.type : undefined);

function units(doc: JSONContent): Unit[] {
  return (doc.content ?? []).map((node) => {
    const text = plainText(node);
    const id = node.attrs?.id;
    const key = kindOf(node) && typeof id === 'string' ? `block:${id}` : `${node.type}:${text}`;
    return { key, node, text };
  });
}

/** Not compared: who made a block, and the example mark (the edit that cleared it shows itself). */
const untrackedAttrs: ReadonlySet<string> = new Set(['id', 'createdBy', 'createdByParty', exampleAttr]);
const trackedAttrs = (node: JSONContent) => Object.entries(node.attrs ?? {}).filter(([name]) => !untrackedAttrs.has(name));

/** A unit as compared: the example mark alone going or coming is no change of what it says. */
function comparable(node: JSONContent): string {
  if (!node.attrs || !(exampleAttr in node.attrs)) return JSON.stringify(node);
  const { [exampleAttr]: _mark, ...attrs } = node.attrs;
  return JSON.stringify({ ...node, attrs });
}

/** The words of the block catalogue, which the editor shows capitalised, inside a sentence. */
const inSentence = (lang: Language, key: MessageKey) => translate(lang, key).toLocaleLowerCase(lang);

function describeValue(lang: Language, kind: BlockName | undefined, field: string, value: unknown, names: NameBook): string {
  if (value === null || value === undefined || value === '') return translate(lang, 'block.notSet');
  if (partyAttrs.has(field)) return names.parties.get(String(value))?.name ?? inSentence(lang, 'block.unknownParty');
  if (userAttrs.has(field)) return names.users.get(String(value)) ?? translate(lang, 'block.unknownPersonInText');
  const key = kind && blockChoiceKey(kind, field, value);
  return key ? inSentence(lang, key) : String(value);
}

/** A field's name as its block's kind names it (a block may change kind and keep its id). */
function fieldLabel(lang: Language, kinds: (BlockName | undefined)[], field: string): string {
  for (const kind of kinds) {
    const key = kind && blockFieldKey(kind, field);
    if (key) return inSentence(lang, key);
  }
  return field;
}

function fieldChanges(lang: Language, before: JSONContent, after: JSONContent, names: NameBook): FieldChange[] {
  const fields = new Set([...trackedAttrs(before), ...trackedAttrs(after)].map(([name]) => name));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before.attrs?.[field] ?? null;
    const to = after.attrs?.[field] ?? null;
    if (from === to) continue;
    changes.push({
      field,
      label: fieldLabel(lang, [kindOf(after), kindOf(before)], field),
      from: describeValue(lang, kindOf(before), field, from, names),
      to: describeValue(lang, kindOf(after), field, to, names),
    });
  }
  return changes;
}

function shortText(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function describeNode(lang: Language, unit: Unit): string {
  const kind = kindOf(unit.node);
  return translate(lang, 'diff.subject', { kind: inSentence(lang, kind ? `block.kind.${kind}` : 'diff.text'), text: shortText(unit.text) });
}

const verbs: Record<DiffEntry['op'], MessageKey> = { insert: 'diff.inserted', delete: 'diff.deleted', change: 'diff.changed' };

function entry(lang: Language, op: DiffEntry['op'], before: Unit | undefined, after: Unit | undefined, names: NameBook): DiffEntry {
  const unit = (after ?? before)!;
  const blockId = kindOf(unit.node) ? (unit.node.attrs?.id as string) : undefined;
  const segments = diffWords(before?.text ?? '', after?.text ?? '');
  const changes = before && after && blockId ? fieldChanges(lang, before.node, after.node, names) : [];
  const fieldText = changes.map((c) => translate(lang, 'diff.fieldChange', { label: c.label, from: c.from, to: c.to })).join('; ');
  const textChanged = segments.some((s) => s.op !== 'equal');
  const subject = describeNode(lang, unit);
  const summary =
    op === 'change' && fieldText
      ? translate(lang, textChanged ? 'diff.fieldsAndTextChanged' : 'diff.fieldsChanged', { subject, fields: fieldText })
      : translate(lang, verbs[op], { subject });
  return { op, nodeType: unit.node.type ?? 'unknown', ...(blockId ? { blockId } : {}), segments, fieldChanges: changes, summary };
}

export function diffDocuments(before: JSONContent, after: JSONContent, names: NameBook, lang: Language = 'nl'): DiffEntry[] {
  const a = units(before);
  const b = units(after);
  const entries: DiffEntry[] = [];
  let deleted: Unit[] = [];
  let inserted: Unit[] = [];
  // A run of deleted passages followed by inserted ones of the same type reads as "changed".
  const flush = () => {
    while (deleted.length && inserted.length && deleted[0]!.node.type === inserted[0]!.node.type && !deleted[0]!.key.startsWith('block:')) {
      entries.push(entry(lang, 'change', deleted.shift(), inserted.shift(), names));
    }
    for (const unit of deleted) entries.push(entry(lang, 'delete', unit, undefined, names));
    for (const unit of inserted) entries.push(entry(lang, 'insert', undefined, unit, names));
    deleted = [];
    inserted = [];
  };
  // Blocks are matched by id wherever they moved; passages by their type and text.
  const blockKeysAfter = new Set(b.filter((u) => u.key.startsWith('block:')).map((u) => u.key));
  const blockKeysBefore = new Set(a.filter((u) => u.key.startsWith('block:')).map((u) => u.key));
  for (const [i, j] of alignKeys(a.map((u) => u.key), b.map((u) => u.key))) {
    if (i >= 0 && j >= 0) {
      flush();
      const before = a[i]!;
      const after = b[j]!;
      if (comparable(before.node) !== comparable(after.node)) entries.push(entry(lang, 'change', before, after, names));
    } else if (i >= 0) {
      if (blockKeysAfter.has(a[i]!.key)) continue; // moved: reported where it now stands
      deleted.push(a[i]!);
    } else {
      const unit = b[j]!;
      const moved = blockKeysBefore.has(unit.key) ? a.find((u) => u.key === unit.key) : undefined;
      if (moved) {
        flush();
        if (comparable(moved.node) !== comparable(unit.node)) entries.push(entry(lang, 'change', moved, unit, names));
        continue;
      }
      inserted.push(unit);
    }
  }
  flush();
  if (entries.length > MAX_DIFF_ENTRIES) {
    throw new DiffTooLargeError({ key: 'error.diff.tooManyEntries', params: { entries: entries.length, max: MAX_DIFF_ENTRIES } });
  }
  return entries;
}
