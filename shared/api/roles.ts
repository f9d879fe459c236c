/** Roles of a member in a workspace, strongest first. */
export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof roles)[number];

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
