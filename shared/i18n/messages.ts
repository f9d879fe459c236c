/**
 * The languages werktafel speaks and how a message's placeholders are filled. The client's
 * catalogue and the block wording the server writes into exports and diffs share both.
 */

/** Dutch by default, English second. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders from `params`; a placeholder without a value stays visible. */
export function fillPlaceholders(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
