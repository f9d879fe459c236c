import type { ReactNodeViewProps } from '@tiptap/react';
import { reflectionStatuses } from '../../../shared/blocks/attrs';
import { localDate, todayIso } from '../../blocks/dates';
import { useI18n } from '../../i18n/I18n';
import { BlockCard, useBlockIssues } from './BlockCard';
import { useBlockEnv } from './BlockContext';
import { useFieldWriter } from './fieldWriter';
import { BlockField, DateInput, EnumSelect, enumLabel } from './fields';

const fieldNames = ['date', 'status'] as const;
const dayMs = 24 * 60 * 60 * 1000;

export function ReflectionView(view: ReactNodeViewProps) {
  const { t, formatDate } = useI18n();
  const { canWrite } = useBlockEnv();
  const writer = useFieldWriter(view);
  const attrs = view.node.attrs as Record<string, unknown>;
  const issues = useBlockIssues('reflection', attrs);
  const { date, status } = attrs;
  const statusLabel = (s: (typeof reflectionStatuses)[number]) => t(`reflection.status.${s}`);
  const validDate = typeof date === 'string' && date && !issues.date ? date : null;
  const today = todayIso();
  const daysAway = validDate ? Math.round((localDate(validDate).getTime() - localDate(today).getTime()) / dayMs) : null;

  const badges = (
    <>
      {status === 'held' && <span className="block-badge block-badge--done">{t('reflection.status.held')}</span>}
      {status === 'planned' && daysAway === 0 && <span className="block-badge block-badge--soon">{t('reflection.today')}</span>}
      {status === 'planned' && daysAway !== null && daysAway > 0 && daysAway <= 14 && (
        <span className="block-badge block-badge--soon">{t('reflection.upcoming', { count: daysAway })}</span>
      )}
    </>
  );

  return (
    <BlockCard
      kind="reflection"
      view={view}
      issues={issues}
      fieldNames={fieldNames}
      badges={badges}
      fields={
        <>
          <BlockField
            label={t('reflection.date')}
            issue={issues.date}
            value={validDate ? formatDate(localDate(validDate).toISOString()) : <span className="block-field__none">{t('block.notSet')}</span>}
            control={writer.editable ? (id, describedBy) => <DateInput id={id} describedBy={describedBy} label={t('reflection.date')} value={date} onChange={(v) => writer.write({ date: v })} /> : null}
          />
          <BlockField
            label={t('reflection.status')}
            issue={issues.status}
            value={enumLabel(status, reflectionStatuses, statusLabel)}
            control={
              writer.editable
                ? (id, describedBy) => (
                    <EnumSelect
                      id={id}
                      describedBy={describedBy}
                      value={status}
                      options={reflectionStatuses}
                      labelOf={statusLabel}
                      onChange={(v) => writer.write({ status: v })}
                    />
                  )
                : null
            }
          />
        </>
      }
      note={canWrite ? <p className="block-card__hint">{t('reflection.hint')}</p> : undefined}
    />
  );
}
