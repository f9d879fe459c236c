import { describe, expect, it } from 'vitest';
import { luminance, nextPartyColor, partyPalette, readableTextColor } from './color';

describe('party colours', () => {
  it('offers palette colours that carry white text at 4.5:1', () => {
    for (const color of partyPalette) {
      expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('picks dark text on light colours and white on dark ones', () => {
    expect(readableTextColor('#ffee58')).toBe('#111827');
    expect(readableTextColor('#1d4ed8')).toBe('#ffffff');
    expect(readableTextColor('not a colour')).toBe('#111827');
  });

  it('suggests a colour that is not taken yet', () => {
    expect(nextPartyColor([])).toBe(partyPalette[0]);
    expect(nextPartyColor([partyPalette[0]!.toUpperCase()])).toBe(partyPalette[1]);
  });
});
