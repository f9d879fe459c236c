/**
 * Request bodies of the HTTP API. The server validates with these; the client forms use
 * the same limits. Messages are Dutch because they are shown to the user as they are.
 */
import { z } from 'zod';
import { documentTemplates, partyKinds, roles } from './roles';
import { languages } from '../i18n/messages';

/** Line breaks and other control characters, line and paragraph separators, broken UTF-16. */
const controlCharacter = /[\p{Cc}\u2028\u2029]|\p{Cs}/u;
/** Embeddings, overrides and isolates: they turn the text after them around on screen. */
const directionOverride = /[\u202A-\u202E\u2066-\u2069]/u;
/** Spaces of any width, zero-width and other format characters, fillers: nothing to see. */
const invisibleOnly = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/**
 * A name or title people read in lists, exports and calendars. Refused: control characters (a
 * line break in a name forges lines in a calendar or a CSV), direction overrides (a name that
 * reads differently than it is spelled), and names of nothing visible (someone you cannot point
 * at). Right-to-left scripts, accents and emoji with joiners are ordinary names.
 */
function displayText(required: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, required)
    .max(max, `Maximaal ${max} tekens.`)
    .refine((value) => !controlCharacter.test(value), 'Gebruik geen regeleinden of andere stuurtekens.')
    .refine((value) => !directionOverride.test(value), 'Gebruik geen tekens die de leesrichting omdraaien.')
    .refine((value) => !invisibleOnly.test(value), required);
}

const name = displayText('Vul een naam in.', 120);
const documentTitle = displayText('Geef het document een titel.', 200);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Dit e-mailadres is te lang.')
  .pipe(z.email('Vul een geldig e-mailadres in.'));
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Kies een kleur als #rrggbb.');
const id = z.string().min(1).max(64);

const newPassword = z
  .string()
  .min(10, 'Een wachtwoord heeft minstens 10 tekens.')
  .max(256, 'Een wachtwoord heeft hoogstens 256 tekens.');
const currentPassword = z.string().min(1, 'Vul je huidige wachtwoord in.').max(256, 'Een wachtwoord heeft hoogstens 256 tekens.');

/** The language of the person's mails; without it, the request's Accept-Language decides. */
const language = z.enum(languages, 'Kies nl of en.');

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
  password: z.string().min(1, 'Vul je wachtwoord in.').max(256, 'Een wachtwoord heeft hoogstens 256 tekens.'),
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
  .object({ name: name.optional(), email: email.optional(), language: language.optional(), workspaceMails: z.boolean('Kies aan of uit.').optional(), currentPassword: currentPassword.optional() })
  .refine(({ currentPassword: _password, ...changes }) => Object.values(changes).some((value) => value !== undefined), {
    message: 'Geef een nieuwe naam, een nieuw e-mailadres of een taal.',
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
  kind: z.enum(partyKinds, 'Kies een soort partij.'),
  color: hexColor.optional(),
});
export type CreatePartyReq = z.infer<typeof createPartyReq>;

export const updatePartyReq = z
  .object({ name, kind: z.enum(partyKinds, 'Kies een soort partij.'), color: hexColor })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Geef minstens één veld om te wijzigen.');
export type UpdatePartyReq = z.infer<typeof updatePartyReq>;

export const updateMemberReq = z
  .object({ role: z.enum(roles, 'Kies een rol.'), partyId: id })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Geef minstens één veld om te wijzigen.');
export type UpdateMemberReq = z.infer<typeof updateMemberReq>;

export const createInviteReq = z.object({
  role: z.enum(roles, 'Kies een rol.'),
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
  template: z.enum(documentTemplates, 'Kies een sjabloon.').default('blank'),
});
export type CreateDocumentReq = z.input<typeof createDocumentReq>;

export const updateDocumentReq = z
  .object({
    title: documentTitle,
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Geef minstens één veld om te wijzigen.');
export type UpdateDocumentReq = z.infer<typeof updateDocumentReq>;

export const createVersionReq = z.object({
  label: displayText('Geef de versie een naam.', 200),
});
export type CreateVersionReq = z.infer<typeof createVersionReq>;

export const requestAdoptionReq = z.object({
  partyIds: z.array(id).min(1, 'Kies minstens één partij die moet tekenen.').max(50),
});
export type RequestAdoptionReq = z.infer<typeof requestAdoptionReq>;

export const signAdoptionReq = z
  .object({
    decision: z.enum(['sign', 'decline'], 'Kies akkoord of niet akkoord.'),
    reason: z.string().trim().max(2000, 'Maximaal 2000 tekens.').optional(),
  })
  .refine((v) => v.decision === 'sign' || (v.reason?.length ?? 0) > 0, {
    message: 'Geef een reden als je partij niet akkoord gaat.',
    path: ['reason'],
  });
export type SignAdoptionReq = z.infer<typeof signAdoptionReq>;

/**
 * What werktafel takes from an OpenID provider's claims for a new account: the same rules as
 * sign-up, so a provider cannot hand in a name or address the form would refuse.
 */
export const providerProfile = z.object({ email, name });
