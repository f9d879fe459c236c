/**
 * One structured block (Tiptap JSON node) to its export row, with the shared attribute schemas
 * of shared/blocks. Ids become names through the NameBook; an id the workspace does not know
 * reads "Onbekende partij", never the id. Attributes that do not validate become "Let op: …"
 * lines and the fields still show what can be shown.
 */
import type { JSONContent } from '@tiptap/core';
import { isExample, validateBlockAttrs, type BlockName } from '../../../shared/blocks/attrs';
import type { NameBook } from '../../presenters/registers';
import { choiceLabel, formatDay, formatTime, invalidValue, noticesOf, safeColor, say, words } from '../labels';
import type { ActionRow, CommitmentItem, CriterionRow, ReflectionItem } from '../types';
import { linesOf } from './inline';

interface Checked {
  attrs: Record<string, unknown>;
  /** Names of the attributes that do not validate. */
  invalid: Set<string>;
  notices: string[];
}

/**
 * Raw attributes with "" read as null (as the schemas do), plus the notices: a template's
 * example says so first (it counts nowhere yet), then one per invalid attribute.
 */
function check(name: BlockName, node: JSONContent): Checked {
  const raw: Record<string, unknown> = { ...(node.attrs ?? {}) };
  for (const [key, value] of Object.entries(raw)) if (value === '') raw[key] = null;
  const exampleNotice = isExample(raw) ? [words.example] : [];
  const result = validateBlockAttrs(name, raw);
  if (result.valid) return { attrs: result.attrs as Record<string, unknown>, invalid: new Set(), notices: exampleNotice };
  return { attrs: raw, invalid: new Set(Object.keys(result.issues)), notices: [...exampleNotice, ...noticesOf(name, result.issues, raw)] };
}

export interface PartyRef {
  id: string | null;
  name: string;
  color: string | null;
}

export function partyOf(book: NameBook, id: unknown, emptyLabel: string): PartyRef {
  if (typeof id !== 'string' || id === '') return { id: null, name: emptyLabel, color: null };
  const party = book.parties.get(id);
  return party ? { id, name: party.name, color: safeColor(party.color) } : { id, name: words.unknownParty, color: null };
}

function personOf(book: NameBook, id: unknown, emptyLabel: string): string {
  if (typeof id !== 'string' || id === '') return emptyLabel;
  return book.users.get(id) ?? words.unknownPerson;
}

export function toActionRow(node: JSONContent, book: NameBook): ActionRow {
  const { attrs, notices } = check('action', node);
  const owner = partyOf(book, attrs.ownerPartyId, words.noOwner);
  if (owner.id && owner.name === words.unknownParty) notices.push(say('exportDoc.ownerNotInWorkspace'));
  return {
    text: linesOf(node.content),
    ownerParty: owner.name,
    ownerPartyColor: owner.color,
    ownerUser: personOf(book, attrs.ownerUserId, words.noOwnerUser),
    due: formatDay(attrs.due),
    status: choiceLabel('action', 'status', attrs.status),
    funding: choiceLabel('action', 'funding', attrs.funding),
    notices,
  };
}

export function toCommitment(node: JSONContent, book: NameBook): { party: PartyRef; item: CommitmentItem } {
  const { attrs, notices } = check('commitment', node);
  const party = partyOf(book, attrs.partyId, words.noParty);
  const by = attrs.confirmedBy ? personOf(book, attrs.confirmedBy, words.unknownPerson) : null;
  const when = attrs.confirmedAt ? formatTime(attrs.confirmedAt) : null;
  let confirmation: string | null = null;
  if ((attrs.status === 'confirmed' || attrs.status === 'withdrawn') && (by || when)) {
    const verb = choiceLabel('commitment', 'status', attrs.status);
    confirmation = `${verb}${by ? ` door ${by}` : ''}${when ? ` op ${when}` : ''}`;
  }
  return {
    party,
    item: { text: linesOf(node.content), status: choiceLabel('commitment', 'status', attrs.status), confirmation, notices },
  };
}

/** `sortKey` is the ISO date, or null when the moment has no (valid) date yet. */
export function toReflection(node: JSONContent): { sortKey: string | null; item: ReflectionItem } {
  const { attrs, invalid, notices } = check('reflection', node);
  const validDate = typeof attrs.date === 'string' && !invalid.has('date');
  return {
    sortKey: validDate ? (attrs.date as string) : null,
    item: {
      date: attrs.date ? formatDay(attrs.date) : words.noDate,
      status: choiceLabel('reflection', 'status', attrs.status),
      text: linesOf(node.content),
      notices,
    },
  };
}

/** `award` is the weight that counts towards the total: only a valid weight of an award criterion. */
export function toCriterion(node: JSONContent): { award: { weight: number | null } | null; row: CriterionRow } {
  const { attrs, invalid, notices } = check('criterion', node);
  const weightInvalid = invalid.has('weight');
  const raw = attrs.weight;
  const counted = !weightInvalid && raw !== null && raw !== undefined && Number.isFinite(Number(raw)) ? Number(raw) : null;
  const weight =
    raw === null || raw === undefined
      ? attrs.kind === 'award'
        ? words.notSet
        : '–'
      : weightInvalid
        ? invalidValue(raw)
        : String(raw);
  const isAward = attrs.kind === 'award';
  return {
    award: isAward ? { weight: counted } : null,
    row: {
      text: linesOf(node.content),
      kind: choiceLabel('criterion', 'kind', attrs.kind),
      category: choiceLabel('criterion', 'category', attrs.category),
      weight,
      notices,
    },
  };
}
