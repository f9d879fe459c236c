import { describe, expect, test } from 'vitest';
import type { SuggestionRes } from '../../shared/api/suggestions';
import { translate } from '../../shared/i18n/translate';
import { fieldChangeLines, type Wording } from './fieldChangeText';

const words: Wording = {
  t: (key, params) => translate('nl', key, params),
  formatDate: (iso) => iso.slice(0, 10),
  parties: [{ id: 'p-bew', name: 'Bewoners', color: '#aa3300', kind: 'other' } as Wording['parties'][number]],
  members: [{ userId: 'u-cora', name: 'Cora', partyId: 'p-bew' } as Wording['members'][number]],
};

type Values = Record<string, string | number | null>;

const suggestion = (blockKind: string, changes: Values, previous: Values = {}): SuggestionRes => ({
  id: 's1',
  documentId: 'd1',
  kind: 'field',
  field: { blockId: 'b1', blockKind, changes, previous },
  status: 'open',
  suggester: { id: 'u-cora', name: 'Cora', partyId: 'p-bew', partyName: 'Bewoners', partyColor: '#aa3300' },
  createdAt: '2027-01-01T00:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
});

describe('a suggested change of block fields in words', () => {
  test('names parties and people, words choices, and says what was not set', () => {
    const lines = fieldChangeLines(words, suggestion('action', { ownerPartyId: 'p-bew', ownerUserId: 'u-cora', status: 'in_progress' }, { ownerPartyId: null, ownerUserId: null, status: 'open' }));
    expect(lines).toEqual(['Eigenaar: niet ingevuld → Bewoners', 'Trekker: niet ingevuld → Cora', 'Status: Open → Bezig']);
  });

  test('a weight is a number, and a kind of block it does not know says nothing', () => {
    expect(fieldChangeLines(words, suggestion('criterion', { weight: 35 }, { weight: 20 }))).toEqual(['Weging: 20 → 35']);
    expect(fieldChangeLines(words, suggestion('table', { weight: 35 }))).toEqual([]);
  });

  test('a text suggestion has no field lines', () => {
    expect(fieldChangeLines(words, { ...suggestion('action', {}), kind: 'insert', field: undefined })).toEqual([]);
  });
});
