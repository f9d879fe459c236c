/**
 * Default party colours, chosen to stay apart from each other and readable as a caret label
 * with white text. A new party gets the next one in line.
 */
export const partyColors = [
  '#1f6feb', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0f766e', '#a16207', '#be185d', '#4d7c0f', '#475569',
] as const;

export function defaultPartyColor(index: number): string {
  return partyColors[index % partyColors.length]!;
}
