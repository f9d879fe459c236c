import { describe, expect, it } from 'vitest';
import { checkCriteria, criterionName, type CriterionInput } from './criteriaCheck';

const award = (blockId: string, weight: unknown): CriterionInput => ({ blockId, kind: 'award', weight, category: 'quality', text: blockId });

describe('checkCriteria', () => {
  it('is quiet when the award weights add up to 100 and nothing shuts small parties out', () => {
    const check = checkCriteria([award('a', 60), award('b', 40), { blockId: 'c', kind: 'selection', weight: null, category: 'quality', text: 'c' }]);
    expect(check).toEqual({ awardCount: 2, awardTotal: 100, unweighted: 0, warnings: [] });
  });

  it('warns when the total is not 100 and counts empty weights', () => {
    const check = checkCriteria([award('a', 60), award('b', null)]);
    expect(check.awardTotal).toBe(60);
    expect(check.unweighted).toBe(1);
    expect(check.warnings).toEqual([{ code: 'totalNot100', total: 60 }]);
  });

  it('says nothing about the total while there are no award criteria', () => {
    expect(checkCriteria([]).warnings).toEqual([]);
  });

  it('warns about more than five award criteria', () => {
    const many = Array.from({ length: 6 }, (_, i) => award(`a${i}`, i === 0 ? 50 : 10));
    expect(checkCriteria(many).warnings).toContainEqual({ code: 'tooManyAward', count: 6 });
  });

  it('flags turnover, legal form and experience as requirement or selection, not as award', () => {
    const check = checkCriteria([
      { blockId: 'r', kind: 'requirement', weight: null, category: 'turnover', text: 'Omzet\nminstens een miljoen' },
      { blockId: 's', kind: 'selection', weight: null, category: 'experience', text: 'Ervaring' },
      { blockId: 'l', kind: 'requirement', weight: null, category: 'legal_form', text: '' },
      { blockId: 'x', kind: 'award', weight: 100, category: 'experience', text: 'Aanpak' },
    ]);
    expect(check.warnings.filter((w) => w.code === 'barrier')).toEqual([
      { code: 'barrier', category: 'turnover', blockId: 'r', name: 'Omzet' },
      { code: 'barrier', category: 'experience', blockId: 's', name: 'Ervaring' },
      { code: 'barrier', category: 'legal_form', blockId: 'l', name: '' },
    ]);
  });

  it('survives invalid values', () => {
    const check = checkCriteria([{ blockId: 'z', kind: 'award', weight: 'veel', category: 7, text: '' }]);
    expect(check).toMatchObject({ awardCount: 1, awardTotal: 0, unweighted: 1 });
  });
});

describe('criterionName', () => {
  it('takes the first non-empty line, shortened', () => {
    expect(criterionName('\n  Kwaliteit van de aanpak \nuitleg')).toBe('Kwaliteit van de aanpak');
    expect(criterionName('x'.repeat(80), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
