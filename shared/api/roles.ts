/** Roles of a member in a workspace, strongest first. */
export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * What a membership can be: one of the assignable roles, or a guest of a werksessie who joined
 * with a code (issue 14 item 7). A guest is never assigned or invited, which is why `roles`,
 * the list the role pickers offer, leaves it out.
 */
export const guestRole = 'guest';
export type MemberRole = Role | typeof guestRole;

/** Kinds of organisation around the table (see docs/domain.md). */
export const partyKinds = [
  'municipality',
  'residents',
  'social_entrepreneur',
  'care_welfare',
  'housing_corporation',
  'school',
  'business',
  'other',
] as const;
export type PartyKind = (typeof partyKinds)[number];

/** Document templates offered at creation; their content is in shared/templates. */
export { templateNames as documentTemplates } from '../templates';
export type { TemplateName as DocumentTemplate } from '../templates';
