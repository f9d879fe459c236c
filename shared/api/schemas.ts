/**
 * Request bodies of the HTTP API. The server validates with these; the client forms use
 * the same limits. Messages are keys of the catalogue (shared/i18n), worded in the person's
 * language where they are shown (`server/http/validate.ts`, `client/forms.ts`); a limit in a
 * message (`{count}`) comes from the zod issue.
 */
import { z } from 'zod';
import { documentTemplates, partyKinds, roles } from './roles';
import { languages } from '../i18n/messages';
import { blockIdPattern } from '../blocks/attrs';

/** Line breaks and other control characters, line and paragraph separators, broken UTF-16. */
const controlCharacter = /[\p{Cc}\u2028\u2029]|\p{Cs}/u;
/** Control characters but line breaks and tabs, and broken UTF-16 (PostgreSQL's text refuses U+0000 and lone surrogates). */
const controlInProse = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
/** Embeddings, overrides and isolates: they turn the text after them around on screen. */
const directionOverride = /[\u202A-\u202E\u2066-\u2069]/u;
/** Spaces of any width, zero-width and other format characters, fillers: nothing to see. */
const invisibleOnly = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/**
 * Text of several lines (a comment, an instruction): line breaks and tabs allowed, other control
 * characters not. `required`: the message when it is missing or empty; without it, empty is fine.
 */
export function proseText(max: number, required?: string) {
  return z
    .string(required)
    .trim()
    .min(required ? 1 : 0, required)
    .max(max, 'validation.maxChars')
    .refine((value) => !controlInProse.test(value), 'validation.noControl');
}

/**
 * A name or title people read in lists, exports and calendars. Refused: control characters (a
 * line break in a name forges lines in a calendar or a CSV), direction overrides (a name that
 * reads differently than it is spelled), and names of nothing visible (someone you cannot point
 * at). Right-to-left scripts, accents and emoji with joiners are ordinary names.
 */
export function displayText(required: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, required)
    .max(max, 'validation.maxChars')
    .refine((value) => !controlCharacter.test(value), 'validation.noControl')
    .refine((value) => !directionOverride.test(value), 'validation.noDirectionOverride')
    .refine((value) => !invisibleOnly.test(value), required);
}

const name = displayText('validation.nameRequired', 120);
const documentTitle = displayText('validation.titleRequired', 200);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'validation.emailTooLong')
  .pipe(z.email('validation.email'));
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'validation.hexColor');
const id = z.string().min(1).max(64);

const newPassword = z
  .string()
  .min(10, 'validation.passwordMin')
  .max(256, 'validation.passwordMax');
const currentPassword = z.string().min(1, 'validation.currentPasswordRequired').max(256, 'validation.passwordMax');

/** The language of the person's mails; without it, the request's Accept-Language decides. */
const language = z.enum(languages, 'validation.language');

export const signupReq = z.object({
  email,
  name,
  password: newPassword,
  language: language.optional(),
  /** The token of the invite link the person signs up from: lets them in when `SIGNUP` limits sign-up. */
  inviteToken: z.string().min(1).max(200).optional(),
});
export type SignupReq = z.infer<typeof signupReq>;

export const loginReq = z.object({
  email,
  password: z.string().min(1, 'validation.passwordRequired').max(256, 'validation.passwordMax'),
});
export type LoginReq = z.infer<typeof loginReq>;

export const passwordResetRequestReq = z.object({ email });
export type PasswordResetRequestReq = z.infer<typeof passwordResetRequestReq>;
export const passwordResetReq = z.object({ password: newPassword });
export type PasswordResetReq = z.infer<typeof passwordResetReq>;

/**
 * `PATCH /api/me`: a new name, address, mail language or mail setting. A new address needs the
 * current password (an account without one: a sign-in at its provider moments ago).
 */
export const updateMeReq = z
  .object({ name: name.optional(), email: email.optional(), language: language.optional(), workspaceMails: z.boolean('validation.onOrOff').optional(), currentPassword: currentPassword.optional() })
  .refine(({ currentPassword: _password, ...changes }) => Object.values(changes).some((value) => value !== undefined), {
    message: 'validation.meNothing',
    path: ['_'],
  });
export type UpdateMeReq = z.infer<typeof updateMeReq>;

export const changePasswordReq = z.object({ current: currentPassword, password: newPassword });
export type ChangePasswordReq = z.infer<typeof changePasswordReq>;

/**
 * `DELETE /api/me`: the password once more, so a forgotten open laptop cannot delete an account.
 * An account without a password (single sign-on) confirms with a fresh sign-in instead.
 */
export const deleteMeReq = z.object({ password: currentPassword.optional() });
export type DeleteMeReq = z.infer<typeof deleteMeReq>;

export const createWorkspaceReq = z.object({ name });
export type CreateWorkspaceReq = z.infer<typeof createWorkspaceReq>;

export const updateWorkspaceReq = z.object({ name });
export type UpdateWorkspaceReq = z.infer<typeof updateWorkspaceReq>;

export const createPartyReq = z.object({
  name,
  kind: z.enum(partyKinds, 'validation.partyKind'),
  color: hexColor.optional(),
});
export type CreatePartyReq = z.infer<typeof createPartyReq>;

export const updatePartyReq = z
  .object({ name, kind: z.enum(partyKinds, 'validation.partyKind'), color: hexColor })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'validation.someField');
export type UpdatePartyReq = z.infer<typeof updatePartyReq>;

export const updateMemberReq = z
  .object({ role: z.enum(roles, 'validation.role'), partyId: id })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'validation.someField');
export type UpdateMemberReq = z.infer<typeof updateMemberReq>;

export const createInviteReq = z.object({
  role: z.enum(roles, 'validation.role'),
  partyId: id,
  /** Days until the link expires. */
  expiresInDays: z.number().int().min(1).max(90).default(14),
  /** How many people may use the link. */
  maxUses: z.number().int().min(1).max(500).default(25),
  /** Mail the link to this address as well (the link is returned either way). */
  email: email.optional(),
  /** The language of that mail; the inviting person's own by default. */
  language: language.optional(),
});
export type CreateInviteReq = z.input<typeof createInviteReq>;

export const createDocumentReq = z.object({
  title: documentTitle,
  template: z.enum(documentTemplates, 'validation.template').default('blank'),
});
export type CreateDocumentReq = z.input<typeof createDocumentReq>;

export const updateDocumentReq = z
  .object({
    title: documentTitle,
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'validation.someField');
export type UpdateDocumentReq = z.infer<typeof updateDocumentReq>;

export const createVersionReq = z.object({
  label: displayText('validation.versionLabel', 200),
});
export type CreateVersionReq = z.infer<typeof createVersionReq>;

export const requestAdoptionReq = z.object({
  partyIds: z.array(id).min(1, 'validation.partiesMin').max(50),
});
export type RequestAdoptionReq = z.infer<typeof requestAdoptionReq>;

export const signAdoptionReq = z
  .object({
    decision: z.enum(['sign', 'decline'], 'validation.decision'),
    reason: z.string().trim().max(2000, 'validation.maxChars').optional(),
  })
  .refine((v) => v.decision === 'sign' || (v.reason?.length ?? 0) > 0, {
    message: 'validation.reasonRequired',
    path: ['reason'],
  });
export type SignAdoptionReq = z.infer<typeof signAdoptionReq>;

/** All open suggestions of one person (`userId`) or of one party (`partyId`) at once. */
export const decideSuggestionsReq = z
  .object({
    decision: z.enum(['accept', 'reject'], 'validation.suggestionDecision'),
    userId: id.optional(),
    partyId: id.optional(),
  })
  .refine((v) => (v.userId === undefined) !== (v.partyId === undefined), {
    message: 'validation.suggestionsOfWhom',
    path: ['userId'],
  });
export type DecideSuggestionsReq = z.infer<typeof decideSuggestionsReq>;

/**
 * What werktafel takes from an OpenID provider's claims for a new account: the same rules as
 * sign-up, so a provider cannot hand in a name or address the form would refuse.
 */
export const providerProfile = z.object({ email, name });

/**
 * A suggested change of a block's fields (issue 15): `changes` maps attribute names to the
 * proposed values; which names a block takes and what values are valid is its schema's call
 * (shared/blocks/attrs.ts), checked against the block as the server holds it.
 */
export const proposeFieldChangeReq = z.object({
  blockId: z.string('validation.required').regex(blockIdPattern, 'validation.blockId'),
  changes: z
    .record(z.string().max(64), z.union([z.string().max(200, 'validation.maxChars'), z.number(), z.null()], 'validation.fieldValue'), 'validation.changes')
    .refine((changes) => Object.keys(changes).length > 0 && Object.keys(changes).length <= 8, 'validation.changes'),
});
export type ProposeFieldChangeReq = z.infer<typeof proposeFieldChangeReq>;
