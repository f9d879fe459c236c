/**
 * A readable diff of two states of a document: passages inserted, deleted or changed (with
 * word-level marks), and for structured blocks the fields that changed, in words:
 * "actie 'Werkplaats openen': eigenaar leeg -> Stichting Al Amal".
 */
import type { JSONContent } from '@tiptap/core';
import { exampleAttr, isBlockName, partyAttrs, userAttrs, type BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey, blockFieldKey } from '../../shared/i18n/blockWording';
import { nlBlocks } from '../../shared/i18n/nlBlocks';
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
const inSentence = (words: string) => words.toLocaleLowerCase('nl');

function describeValue(kind: BlockName | undefined, field: string, value: unknown, names: NameBook): string {
  if (value === null || value === undefined || value === '') return 'leeg';
  if (partyAttrs.has(field)) return names.parties.get(String(value))?.name ?? inSentence(nlBlocks['block.unknownParty']);
  if (userAttrs.has(field)) return names.users.get(String(value)) ?? nlBlocks['block.unknownPersonInText'];
  const key = kind && blockChoiceKey(kind, field, value);
  return key ? inSentence(nlBlocks[key]) : String(value);
}

/** A field's name as its block's kind names it (a block may change kind and keep its id). */
function fieldLabel(kinds: (BlockName | undefined)[], field: string): string {
  for (const kind of kinds) {
    const key = kind && blockFieldKey(kind, field);
    if (key) return inSentence(nlBlocks[key]);
  }
  return field;
}

function fieldChanges(before: JSONContent, after: JSONContent, names: NameBook): FieldChange[] {
  const fields = new Set([...trackedAttrs(before), ...trackedAttrs(after)].map(([name]) => name));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before.attrs?.[field] ?? null;
    const to = after.attrs?.[field] ?? null;
    if (from === to) continue;
    changes.push({
      field,
      label: fieldLabel([kindOf(after), kindOf(before)], field),
      from: describeValue(kindOf(before), field, from, names),
      to: describeValue(kindOf(after), field, to, names),
    });
  }
  return changes;
}

function shortText(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function describeNode(unit: Unit): string {
  const kind = kindOf(unit.node);
  return `${kind ? inSentence(nlBlocks[`block.kind.${kind}`]) : 'tekst'} '${shortText(unit.text)}'`;
}

function entry(op: DiffEntry['op'], before: Unit | undefined, after: Unit | undefined, names: NameBook): DiffEntry {
  const unit = (after ?? before)!;
  const blockId = kindOf(unit.node) ? (unit.node.attrs?.id as string) : undefined;
  const segments = diffWords(before?.text ?? '', after?.text ?? '');
  const changes = before && after && blockId ? fieldChanges(before.node, after.node, names) : [];
  const verb = op === 'insert' ? 'toegevoegd' : op === 'delete' ? 'verwijderd' : 'gewijzigd';
  const fieldText = changes.map((c) => `${c.label} ${c.from} -> ${c.to}`).join('; ');
  const textChanged = segments.some((s) => s.op !== 'equal');
  const summary =
    op === 'change' && fieldText
      ? `${describeNode(unit)}: ${fieldText}${textChanged ? '; tekst gewijzigd' : ''}`
      : `${describeNode(unit)} ${verb}`;
  return { op, nodeType: unit.node.type ?? 'unknown', ...(blockId ? { blockId } : {}), segments, fieldChanges: changes, summary };
}

export function diffDocuments(before: JSONContent, after: JSONContent, names: NameBook): DiffEntry[] {
  const a = units(before);
  const b = units(after);
  const entries: DiffEntry[] = [];
  let deleted: Unit[] = [];
  let inserted: Unit[] = [];
  // A run of deleted passages followed by inserted ones of the same type reads as "changed".
  const flush = () => {
    while (deleted.length && inserted.length && deleted[0]!.node.type === inserted[0]!.node.type && !deleted[0]!.key.startsWith('block:')) {
      entries.push(entry('change', deleted.shift(), inserted.shift(), names));
    }
    for (const unit of deleted) entries.push(entry('delete', unit, undefined, names));
    for (const unit of inserted) entries.push(entry('insert', undefined, unit, names));
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
      if (comparable(before.node) !== comparable(after.node)) entries.push(entry('change', before, after, names));
    } else if (i >= 0) {
      if (blockKeysAfter.has(a[i]!.key)) continue; // moved: reported where it now stands
      deleted.push(a[i]!);
    } else {
      const unit = b[j]!;
      const moved = blockKeysBefore.has(unit.key) ? a.find((u) => u.key === unit.key) : undefined;
      if (moved) {
        flush();
        if (comparable(moved.node) !== comparable(unit.node)) entries.push(entry('change', moved, unit, names));
        continue;
      }
      inserted.push(unit);
    }
  }
  flush();
  if (entries.length > MAX_DIFF_ENTRIES) {
    throw new DiffTooLargeError(
      `Deze vergelijking is te groot om te tonen: ${entries.length} passages zijn veranderd (de grens is ${MAX_DIFF_ENTRIES}). Vergelijk met een versie die er dichter bij ligt.`,
    );
  }
  return entries;
}
