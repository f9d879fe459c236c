/**
 * The criteria check of a document: the total of the award weights and the barrier warnings
 * (requirements that shut out small resident and social-entrepreneur bidders). Pure, so the
 * editor panel and the Criteria register say exactly the same thing.
 */

export interface CriterionInput {
  blockId: string;
  kind: unknown;
  weight: unknown;
  category: unknown;
  /** The criterion's text; its first line is its name. */
  text: string;
}

/** Categories that, as a requirement or selection criterion, keep small parties out. */
export const barrierCategories = ['turnover', 'legal_form', 'experience'] as const;
export type BarrierCategory = (typeof barrierCategories)[number];

/** More award criteria than this is more than a small bidder can reasonably answer to. */
export const maxAwardCriteria = 5;

export type CriteriaWarning =
  | { code: 'totalNot100'; total: number }
  | { code: 'tooManyAward'; count: number }
  | { code: 'barrier'; category: BarrierCategory; blockId: string; name: string };

export interface CriteriaCheck {
  awardCount: number;
  /** Sum of the award weights that are numbers; empty weights count as 0. */
  awardTotal: number;
  /** Award criteria still without a weight. */
  unweighted: number;
  warnings: CriteriaWarning[];
}

function isBarrier(category: unknown): category is BarrierCategory {
  return (barrierCategories as readonly unknown[]).includes(category);
}

/** First line of a criterion's text, shortened: how people name it. */
export function criterionName(text: string, max = 60): string {
  const first = text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

function weightOf(weight: unknown): number | null {
  if (typeof weight === 'number' && Number.isFinite(weight)) return weight;
  if (typeof weight === 'string' && weight.trim() !== '' && Number.isFinite(Number(weight))) return Number(weight);
  return null;
}

export function checkCriteria(criteria: readonly CriterionInput[]): CriteriaCheck {
  const award = criteria.filter((c) => c.kind === 'award');
  let awardTotal = 0;
  let unweighted = 0;
  for (const c of award) {
    const weight = weightOf(c.weight);
    if (weight === null) unweighted += 1;
    else awardTotal += weight;
  }
  const warnings: CriteriaWarning[] = [];
  if (award.length > 0 && awardTotal !== 100) warnings.push({ code: 'totalNot100', total: awardTotal });
  if (award.length > maxAwardCriteria) warnings.push({ code: 'tooManyAward', count: award.length });
  for (const c of criteria) {
    if ((c.kind === 'requirement' || c.kind === 'selection') && isBarrier(c.category)) {
      warnings.push({ code: 'barrier', category: c.category, blockId: c.blockId, name: criterionName(c.text) });
    }
  }
  return { awardCount: award.length, awardTotal, unweighted, warnings };
}
