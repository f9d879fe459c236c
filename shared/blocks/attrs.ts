/**
 * THE attribute schemas of the structured blocks. Node names and attribute names are a public
 * contract: integrations read and write them in the Yjs document (`XmlFragment` `default`).
 * Values that do not validate are shown as "needs attention", never a crash. The checks are
 * worded as keys of the block catalogue (shared/i18n/nlBlocks.ts), so every reader shows them in
 * its own language.
 */
import { z } from 'zod';
import { isMessageKey } from '../i18n/translate';

const isoDate = z.string('block.issue.dateFormat').regex(/^\d{4}-\d{2}-\d{2}$/, 'block.issue.dateFormat').refine(
  (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  'block.issue.noSuchDate',
);
const isoTime = z.string('block.issue.time').refine((value) => !Number.isNaN(Date.parse(value)), 'block.issue.time');
/** Empty string and null both mean "not set": Yjs attributes written by hand may use either. */
const optionalId = z.string('block.issue.reference').max(64).nullable().optional().transform((v) => (v ? v : null));

/**
 * A block id goes into links, calendar UIDs and CSV cells, so only letters, digits, `-` and `_`
 * are valid: the editor's ids (UUIDs) and the server's (base32) are made of them, and an id with
 * a line break or a quote cannot be smuggled into any of those places.
 */
export const blockIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Attributes every block has: a stable id and who inserted it for which party. */
export const blockIdentityAttrs = z.object({
  id: z
    .string('block.issue.noId')
    .min(1, 'block.issue.noId')
    .max(64, 'block.issue.idTooLong')
    .regex(blockIdPattern, 'block.issue.idChars'),
  createdBy: optionalId,
  createdByParty: optionalId,
});

/**
 * `example`: the block is an example a template put into a new document, not something anyone
 * wrote or took on. Registers, their CSV, the calendar feed, reminders and who contributed leave
 * examples out. Only the server marks a block as an example (when it writes a template); a
 * person's first change to the block's text or fields, or taking it over (an owner, a party, a
 * date), clears the mark (server/extensions/exampleBlocks.ts). Absent means false.
 */
export const exampleAttr = 'example';
const exampleFlag = z
  .boolean('block.issue.example')
  .nullable()
  .optional()
  .transform((v) => v === true);

/** Attributes of every block that are not about what it says: identity, and the example mark. */
const blockCommonAttrs = blockIdentityAttrs.extend({ [exampleAttr]: exampleFlag });

export const commitmentStatuses = ['proposed', 'confirmed', 'withdrawn'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];
export const commitmentAttrs = blockCommonAttrs.extend({
  partyId: z.string('block.issue.commitmentParty').min(1, 'block.issue.commitmentParty').max(64),
  status: z.enum(commitmentStatuses, 'block.issue.status'),
  confirmedBy: optionalId,
  confirmedAt: isoTime.nullable().optional().transform((v) => v ?? null),
});
export type CommitmentAttrs = z.infer<typeof commitmentAttrs>;

export const actionStatuses = ['open', 'in_progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const fundingKinds = ['existing', 'extra', 'unknown'] as const;
export type FundingKind = (typeof fundingKinds)[number];
export const actionAttrs = blockCommonAttrs.extend({
  ownerPartyId: optionalId,
  ownerUserId: optionalId,
  due: isoDate.nullable().optional().or(z.literal('')).transform((v) => (v ? v : null)),
  status: z.enum(actionStatuses, 'block.issue.status'),
  funding: z.enum(fundingKinds, 'block.issue.funding'),
});
export type ActionAttrs = z.infer<typeof actionAttrs>;

export const reflectionStatuses = ['planned', 'held'] as const;
export type ReflectionStatus = (typeof reflectionStatuses)[number];
export const reflectionAttrs = blockCommonAttrs.extend({
  date: isoDate.nullable().optional().or(z.literal('')).transform((v) => (v ? v : null)),
  status: z.enum(reflectionStatuses, 'block.issue.status'),
});
export type ReflectionAttrs = z.infer<typeof reflectionAttrs>;

export const criterionKinds = ['selection', 'award', 'requirement'] as const;
export type CriterionKind = (typeof criterionKinds)[number];
export const criterionCategories = [
  'quality',
  'price',
  'social_value',
  'experience',
  'turnover',
  'legal_form',
  'other',
] as const;
export type CriterionCategory = (typeof criterionCategories)[number];
export const criterionAttrs = blockCommonAttrs
  .extend({
    kind: z.enum(criterionKinds, 'block.issue.criterionKind'),
    weight: z.coerce.number('block.issue.weightNumber').int('block.issue.weightInteger').min(0, 'block.issue.min0').max(100, 'block.issue.max100').nullable().optional().transform((v) => v ?? null),
    category: z.enum(criterionCategories, 'block.issue.category'),
  });
export type CriterionAttrs = z.infer<typeof criterionAttrs>;

/** Whether a value, as stored, is one of an attribute's choices (`actionStatuses`, `criterionKinds`, …). */
export function isChoice<V extends string>(choices: readonly V[], value: unknown): value is V {
  return (choices as readonly unknown[]).includes(value);
}

/** Node name -> attribute schema, for every structured block. */
export const blockAttrSchemas = {
  commitment: commitmentAttrs,
  action: actionAttrs,
  reflection: reflectionAttrs,
  criterion: criterionAttrs,
} as const;
export type BlockName = keyof typeof blockAttrSchemas;
/** The validated attributes of one kind of block. */
export type BlockAttrs<N extends BlockName> = z.infer<(typeof blockAttrSchemas)[N]>;
export const blockNames = Object.keys(blockAttrSchemas) as BlockName[];

export function isBlockName(name: string): name is BlockName {
  return Object.hasOwn(blockAttrSchemas, name);
}

/** Attributes every block has (`blockIdentityAttrs`), as opposed to those of one kind. */
export type IdentityAttr = keyof z.infer<typeof blockIdentityAttrs>;
/** Attributes every block has besides those of its kind: identity and the example mark. */
export type CommonAttr = IdentityAttr | typeof exampleAttr;

/** Whether a block's stored attributes mark it as a template's example (only `true` does). */
export function isExample(attrs: Record<string, unknown>): boolean {
  return attrs[exampleAttr] === true;
}

/** The attributes of each block that hold one of a fixed list of choices. */
export const blockChoices = {
  action: { status: actionStatuses, funding: fundingKinds },
  commitment: { status: commitmentStatuses },
  reflection: { status: reflectionStatuses },
  criterion: { kind: criterionKinds, category: criterionCategories },
} as const satisfies { [N in BlockName]: Partial<Record<keyof BlockAttrs<N>, readonly string[]>> };

/**
 * The fields of each block that a suggestion may propose to change (issue 15: "a criterion's
 * weight or an action's owner"). Never a block's identity or example mark, and none of a
 * commitment's: its party and its status are that party's own decision (confirm, withdraw).
 */
export const suggestableFields = {
  action: ['ownerPartyId', 'ownerUserId', 'due', 'status', 'funding'],
  commitment: [],
  reflection: ['date', 'status'],
  criterion: ['kind', 'weight', 'category'],
} as const satisfies { [N in BlockName]: readonly (keyof BlockAttrs<N>)[] };

/** Fields about which only an owner decides a suggestion: a criterion's weight decides the tender. */
export const ownerDecidedFields: { readonly [N in BlockName]?: readonly string[] } = { criterion: ['weight'] };

/** Whether only an owner decides a suggestion that changes these fields of a block of this kind. */
export function ownerDecides(kind: BlockName, fields: readonly string[]): boolean {
  return fields.some((field) => ownerDecidedFields[kind]?.includes(field));
}

export function isSuggestableField(kind: BlockName, field: string): boolean {
  return (suggestableFields[kind] as readonly string[]).includes(field);
}

/** Attributes whose values are party ids, and those whose values are user ids: shown as names. */
export const partyAttrs: ReadonlySet<string> = new Set(['ownerPartyId', 'partyId', 'createdByParty']);
export const userAttrs: ReadonlySet<string> = new Set(['ownerUserId', 'confirmedBy', 'createdBy']);

/** Default attributes of a freshly inserted block (identity filled in by the inserter). */
export const blockDefaults: { [K in BlockName]: Record<string, string | number | null> } = {
  commitment: { partyId: null, status: 'proposed', confirmedBy: null, confirmedAt: null },
  action: { ownerPartyId: null, ownerUserId: null, due: null, status: 'open', funding: 'unknown' },
  reflection: { date: null, status: 'planned' },
  criterion: { kind: 'award', weight: null, category: 'quality' },
};

export type BlockValidation<N extends BlockName> =
  | { valid: true; attrs: BlockAttrs<N> }
  | { valid: false; issues: Record<string, string> };

/** Checks a block's raw attributes; never throws. */
export function validateBlockAttrs<N extends BlockName>(name: N, raw: Record<string, unknown>): BlockValidation<N> {
  const result = blockAttrSchemas[name].safeParse(raw);
  if (result.success) return { valid: true, attrs: result.data as BlockAttrs<N> };
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    // zod's own (English) text, for a value of the wrong type written by hand, becomes ours.
    const missing = raw[field] === null || raw[field] === undefined;
    issues[field] ??= isMessageKey(issue.message) ? issue.message : missing ? 'block.missingValue' : 'block.invalidGeneric';
  }
  return { valid: false, issues };
}

/**
 * An attribute value as the registers store it. Outside clients may write any Yjs value into a
 * block (a BigInt, a Uint8Array, a nested map); those become strings, so that validation flags
 * them and the registers can store them, instead of JSON.stringify throwing on the whole document.
 */
export type StoredValue = string | number | boolean | null;

/** Attributes as the document held them, before (or without) validation. */
export type RawAttrs = Record<string, StoredValue>;

/** Any attribute values made storable (see `StoredValue`); keys with `undefined` are left out. */
export function toRawAttrs(attrs: Record<string, unknown>): RawAttrs {
  const raw: RawAttrs = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') raw[key] = value;
    else if (typeof value === 'number') raw[key] = Number.isFinite(value) ? value : String(value);
    else if (value === undefined) continue;
    else raw[key] = asText(value);
  }
  return raw;
}

/** Text for any value; one whose own `toString` is not a function (the socket refuses those now; older documents may hold one) gets its type's tag instead of throwing. */
function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
