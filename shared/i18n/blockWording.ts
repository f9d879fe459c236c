/**
 * Which key of the block catalogue (`nlBlocks`, `enBlocks`) names which attribute and which
 * choice, so that every reader of block attributes words them the same way.
 */
import { blockChoices, isChoice, type BlockAttrs, type BlockName, type CommonAttr, type IdentityAttr } from '../blocks/attrs';
import type { nlBlocks } from './nlBlocks';

/** A key of the block catalogue. */
export type BlockMessageKey = keyof typeof nlBlocks;

type Choices = typeof blockChoices;
/** The choice attributes of one kind of block ('status' and 'funding' of an action, …). */
export type ChoiceAttr<N extends BlockName> = keyof Choices[N] & string;
type ChoiceKeysOf<N extends keyof Choices> = {
  [F in keyof Choices[N] & string]: Choices[N][F] extends readonly (infer V extends string)[] ? `${N}.${F}.${V}` : never;
}[keyof Choices[N] & string];

/** One key per choice of every choice attribute: 'action.status.blocked', 'criterion.kind.award', … */
export type BlockChoiceKey = { [N in keyof Choices]: ChoiceKeysOf<N> }[keyof Choices];

type KindAttr<N extends BlockName> = Exclude<keyof BlockAttrs<N>, CommonAttr>;

const fieldKeys: { [N in BlockName]: Record<KindAttr<N>, BlockMessageKey> } = {
  action: {
    ownerPartyId: 'action.ownerParty',
    ownerUserId: 'action.ownerUser',
    due: 'action.due',
    status: 'action.status',
    funding: 'action.funding',
  },
  commitment: {
    partyId: 'block.field.partyId',
    status: 'commitment.status',
    confirmedBy: 'block.field.confirmedBy',
    confirmedAt: 'block.field.confirmedAt',
  },
  reflection: { date: 'reflection.date', status: 'reflection.status' },
  criterion: { kind: 'criterion.kind', weight: 'criterion.weight', category: 'criterion.category' },
};

const identityFieldKeys: Record<IdentityAttr, BlockMessageKey> = {
  id: 'block.field.id',
  createdBy: 'block.proposedBy',
  createdByParty: 'block.field.createdByParty',
};

/** The key that names a block's attribute, or undefined for an attribute its schema does not know. */
export function blockFieldKey(kind: BlockName, field: string): BlockMessageKey | undefined {
  const keys: Record<string, BlockMessageKey> = { ...identityFieldKeys, ...fieldKeys[kind] };
  return Object.hasOwn(keys, field) ? keys[field] : undefined;
}

/** The key that names a stored choice, or undefined for a value that is none of the attribute's choices. */
export function blockChoiceKey(kind: BlockName, field: string, value: unknown): BlockChoiceKey | undefined {
  const choices: Record<string, readonly string[]> = blockChoices[kind];
  const list = Object.hasOwn(choices, field) ? choices[field] : undefined;
  // The key is built from the same lists the type is built from.
  return list && isChoice(list, value) ? (`${kind}.${field}.${value}` as BlockChoiceKey) : undefined;
}
