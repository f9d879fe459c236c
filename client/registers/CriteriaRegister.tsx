import type { CriterionEntry } from '../../shared/api/registers';
import { choiceLabel } from '../blocks/choiceLabel';
import { checkCriteria } from '../blocks/criteriaCheck';
import { CriteriaSummary } from '../blocks/CriteriaWarnings';
import { useI18n } from '../i18n/I18n';
import { Link } from '../router';
import { blockPath, documentPath } from '../routes';
import { Attention, EntryLink, rowClick } from './EntryParts';
import { TableScroll } from '../components/TableScroll';
import { CardTableHead } from './CardTableHead';

function byDocument(entries: readonly CriterionEntry[]): { documentId: string; title: string; archived: boolean; entries: CriterionEntry[] }[] {
  const groups = new Map<string, { documentId: string; title: string; archived: boolean; entries: CriterionEntry[] }>();
  for (const entry of entries) {
    const group = groups.get(entry.documentId) ?? { documentId: entry.documentId, title: entry.documentTitle, archived: entry.documentArchived, entries: [] };
    group.entries.push(entry);
    groups.set(entry.documentId, group);
  }
  // Archived documents last.
  return [...groups.values()].sort((a, b) => Number(a.archived) - Number(b.archived));
}

export function CriteriaRegister({ entries }: { entries: CriterionEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="empty">{t('reg.empty.criteria')}</p>;
  return (
    <div className="reg-groups">
      {byDocument(entries).map((group) => {
        const check = checkCriteria(group.entries.map((e) => ({ blockId: e.blockId, kind: e.kind, weight: e.weight, category: e.category, text: e.text })));
        return (
          <section key={group.documentId} className="reg-group reg-group--criteria" aria-labelledby={`crit-${group.documentId}`} data-testid="criteria-document">
            <h3 id={`crit-${group.documentId}`} className="reg-group__title">
              <Link to={documentPath(group.documentId)}>{group.title}</Link>
              {group.archived && <span className="status-badge status-badge--archived">{t('reg.archived')}</span>}
            </h3>
            <div className="reg-criteria">
              <TableScroll label={group.title}>
                <table role="table" className="data-table reg-table reg-table--cards">
                  <CardTableHead columns={[{ label: t('reg.col.criterion') }, { label: t('reg.col.kind') }, { label: t('reg.col.weight'), className: 'reg-cell--num' }, { label: t('reg.col.category') }]} />
                  <tbody role="rowgroup">
                    {group.entries.map((entry) => (
                      <tr role="row" key={entry.blockId} className={entry.valid ? 'row-link' : 'row-link reg-row--invalid'} onClick={rowClick(entry)} data-block-id={entry.blockId} data-testid="criterion-row">
                        <td role="cell" className="reg-cell--text">
                          <EntryLink entry={entry} />
                        </td>
                        <td role="cell" data-label={t('reg.col.kind')}>{choiceLabel(t, 'criterion', 'kind', entry.kind)}</td>
                        <td role="cell" className="reg-cell--num" data-label={t('reg.col.weight')}>{entry.kind === 'award' ? (entry.weight ?? '—') : ''}</td>
                        <td role="cell" data-label={t('reg.col.category')}>{choiceLabel(t, 'criterion', 'category', entry.category)}</td>
                        <td role="cell" className="reg-cell--flag">
                          <Attention entry={entry} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <div className="reg-criteria__check">
                <CriteriaSummary
                  check={check}
                  renderJump={(blockId) => (
                    <Link to={blockPath(group.documentId, blockId)} className="criteria-warning__jump-link">
                      {t('criteria.jump')}
                    </Link>
                  )}
                />
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}
