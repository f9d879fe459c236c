/** Colour helpers for party colours (always "#rrggbb"). */
import { partyColors } from '../shared/api/partyColors';

export { noPartyColor } from '../shared/collab/presence';

/** Colours offered for new parties: the same line-up the server gives parties by default. */
export const partyPalette: readonly string[] = partyColors;

const hexPattern = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && hexPattern.test(value);
}

/** The first palette colour no party uses yet (or the first, when all are taken). */
export function nextPartyColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return partyPalette.find((c) => !taken.has(c.toLowerCase())) ?? partyColors[0];
}

function channel(value: number): number {
  const s = value / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Black or white, whichever reads better on `background`. */
export function readableTextColor(background: string): '#111827' | '#ffffff' {
  if (!isHexColor(background)) return '#111827';
  const l = luminance(background);
  const contrastWhite = 1.05 / (l + 0.05);
  const contrastDark = (l + 0.05) / (luminance('#111827') + 0.05);
  return contrastWhite >= contrastDark ? '#ffffff' : '#111827';
}
