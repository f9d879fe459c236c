import { describe, expect, it } from 'vitest';
import { composeTitle } from './pageTitle';

describe('composeTitle', () => {
  it('puts the most specific part first and the app last', () => {
    expect(composeTitle(['Acties', 'Dagactivering 2027'], 'werktafel')).toBe('Acties — Dagactivering 2027 — werktafel');
  });

  it('leaves out parts that are still loading or blank', () => {
    expect(composeTitle(['Acties', undefined, '  ', null], 'werktafel')).toBe('Acties — werktafel');
    expect(composeTitle([], 'werktafel')).toBe('werktafel');
  });
});
