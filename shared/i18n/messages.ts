/** The languages werktafel speaks (the catalogues and `translate` are in ./translate.ts). */

/** Dutch by default, English second. */
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'nl';

/** Values for a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

