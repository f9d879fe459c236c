import { describe, expect, it } from 'vitest';
import { filterSlashItems } from './slashItems';

const kinds = (query: string) => filterSlashItems(query).map((item) => item.kind);

describe('filterSlashItems', () => {
  it('offers every block for a bare slash', () => {
    expect(kinds('')).toEqual(['action', 'commitment', 'reflection', 'criterion']);
  });

  it('finds the blocks by their Dutch and English names', () => {
    expect(kinds('actie')).toEqual(['action']);
    expect(kinds('toez')).toEqual(['commitment']);
    expect(kinds('Reflectie')).toEqual(['reflection']);
    expect(kinds('criterium')).toEqual(['criterion']);
    expect(kinds('commit')).toEqual(['commitment']);
  });

  it('puts prefix matches before matches inside a word', () => {
    expect(kinds('e')).toEqual(['reflection', 'criterion', 'action', 'commitment']);
  });

  it('offers nothing for an unknown word', () => {
    expect(kinds('tabel')).toEqual([]);
  });
});
