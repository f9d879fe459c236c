/** The criteria check in words: the same sentences in the editor panel and the Criteria register. */
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import type { CriteriaCheck, CriteriaWarning } from './criteriaCheck';

export function CriteriaWarningText({ warning, withName = true }: { warning: CriteriaWarning; withName?: boolean }) {
  const t = useT();
  switch (warning.code) {
    case 'totalNot100':
      return <>{t('criteria.warn.totalNot100', { total: warning.total })}</>;
    case 'tooManyAward':
      return <>{t('criteria.warn.tooManyAward', { count: warning.count })}</>;
    case 'barrier':
      return (
        <>
          {withName && <strong>{warning.name || t('criteria.unnamed')}: </strong>}
          {t(`criteria.warn.${warning.category}`)}
        </>
      );
  }
}

interface CriteriaSummaryProps {
  check: CriteriaCheck;
  /** A link or button to the criterion a barrier warning is about. */
  renderJump?: (blockId: string) => ReactNode;
}

/** Total of the award weights, then the warnings; a calm line when there is nothing to say. */
export function CriteriaSummary({ check, renderJump }: CriteriaSummaryProps) {
  const t = useT();
  const totalWarning = check.warnings.find((w) => w.code === 'totalNot100');
  const others = check.warnings.filter((w) => w.code !== 'totalNot100');
  const barriers = check.warnings.filter((w) => w.code === 'barrier');
  return (
    <div className="criteria-summary">
      {check.awardCount === 0 ? (
        <p className="criteria-summary__total">{t('criteria.noAward')}</p>
      ) : (
        <p
          className={totalWarning ? 'criteria-summary__total criteria-summary__total--off' : 'criteria-summary__total criteria-summary__total--ok'}
          data-testid="award-total"
        >
          <strong>{t('criteria.total', { total: check.awardTotal })}</strong>
          <span className="criteria-summary__meter" aria-hidden="true">
            <span className="criteria-summary__fill" style={{ width: `${Math.min(check.awardTotal, 100)}%` }} />
          </span>
          <span>{totalWarning ? t('criteria.warn.totalNot100', { total: check.awardTotal }) : t('criteria.totalOk')}</span>
          {check.unweighted > 0 && <span className="muted">{t('criteria.unweighted', { count: check.unweighted })}</span>}
        </p>
      )}
      <ul className="criteria-summary__warnings" aria-label={t('criteria.barrierTitle')}>
        {others.map((warning, i) => (
          <li key={warning.code === 'barrier' ? warning.blockId : `${warning.code}-${i}`} className="criteria-warning" data-testid="criteria-warning">
            <CriteriaWarningText warning={warning} />
            {warning.code === 'barrier' && renderJump?.(warning.blockId)}
          </li>
        ))}
      </ul>
      {barriers.length === 0 && <p className="criteria-summary__ok">{t('criteria.barrierOk')}</p>}
    </div>
  );
}
