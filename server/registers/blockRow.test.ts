import { expect, test } from 'vitest';
import { parseBlockRow } from './blockRow';

const row = (kind: string, attrs: unknown, valid: number, issues: unknown = {}) => ({
  kind,
  attrs: JSON.stringify(attrs),
  valid,
  issues: JSON.stringify(issues),
});

test('a valid row reads back with its attributes and no issues', () => {
  const attrs = { id: 'a1', createdBy: null, createdByParty: 'p1', ownerPartyId: 'p1', ownerUserId: null, due: '2027-01-31', status: 'open', funding: 'extra' };
  expect(parseBlockRow(row('action', attrs, 1))).toEqual({ kind: 'action', valid: true, attrs, issues: {} });
});

test('an invalid row keeps what the document held, and its issues', () => {
  const parsed = parseBlockRow(row('criterion', { id: 'k1', kind: 'award', weight: 'veel', extra: true }, 0, { weight: 'Een weging is een getal van 0 tot 100.' }));
  expect(parsed).toEqual({
    kind: 'criterion',
    valid: false,
    attrs: { id: 'k1', kind: 'award', weight: 'veel', extra: true },
    issues: { weight: 'Een weging is een getal van 0 tot 100.' },
  });
});

test('JSON that is no object reads as no attributes and no issues', () => {
  expect(parseBlockRow(row('reflection', ['2027-01-31'], 0, 'kapot'))).toEqual({ kind: 'reflection', valid: false, attrs: {}, issues: {} });
});

test('a row of a kind no block has is refused', () => {
  expect(() => parseBlockRow(row('meeting', {}, 1))).toThrow(/unknown block kind 'meeting'/);
});
