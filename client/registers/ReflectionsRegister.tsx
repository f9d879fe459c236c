import type { ReflectionEntry } from '../../shared/api/registers';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { choiceLabel } from '../blocks/choiceLabel';
import { isIsoDate, localDate, todayIso } from '../blocks/dates';
import { useI18n } from '../i18n/I18n';
import { Attention, EntryLink, ProposedBy, rowClick } from './EntryParts';
import { TableScroll } from '../components/TableScroll';
import { CardTableHead } from './CardTableHead';

function dateOf(entry: ReflectionEntry): string | null {
  return isIsoDate(entry.date) && !entry.issues.date ? entry.date : null;
}

/** Upcoming: planned and today or later, soonest first. Past: held or dated before today, latest first. */
export function splitReflections(entries: readonly ReflectionEntry[], today: string) {
  const upcoming: ReflectionEntry[] = [];
  const past: ReflectionEntry[] = [];
  const undated: ReflectionEntry[] = [];
  for (const entry of entries) {
    const date = dateOf(entry);
    if (!date) undated.push(entry);
    else if (date >= today && entry.status !== 'held') upcoming.push(entry);
    else past.push(entry);
  }
  upcoming.sort((a, b) => dateOf(a)!.localeCompare(dateOf(b)!));
  past.sort((a, b) => dateOf(b)!.localeCompare(dateOf(a)!));
  return { upcoming, past, undated };
}

function ReflectionTable({ entries, workspace }: { entries: ReflectionEntry[]; workspace: WorkspaceDetail }) {
  const { t, formatDate } = useI18n();
  return (
    <TableScroll label={t('tabs.reflections')}>
      <table role="table" className="data-table reg-table reg-table--fixed reg-table--cards">
        <CardTableHead columns={[{ label: t('reg.col.date'), className: 'col--date' }, { label: t('reg.col.reflection'), className: 'col--text' }, { label: t('reg.col.status'), className: 'col--status' }, { label: t('reg.col.proposedBy'), className: 'col--who' }]} />
        <tbody role="rowgroup">
          {entries.map((entry) => {
            const date = dateOf(entry);
            return (
              <tr role="row" key={`${entry.documentId}:${entry.blockId}`} className={entry.valid ? 'row-link' : 'row-link reg-row--invalid'} onClick={rowClick(entry)} data-block-id={entry.blockId} data-testid="reflection-row">
                <td role="cell" className="reg-cell--date" data-label={t('reg.col.date')}>{date ? formatDate(localDate(date).toISOString()) : <span className="muted">{entry.date || '—'}</span>}</td>
                <td role="cell" className="reg-cell--text">
                  <EntryLink entry={entry} />
                </td>
                <td role="cell" data-label={t('reg.col.status')}>
                  <span className={`tag tag--reflection-${entry.status}`}>
                    {choiceLabel(t, 'reflection', 'status', entry.status)}
                  </span>
                </td>
                <td role="cell" data-label={t('reg.col.proposedBy')}>
                  <ProposedBy entry={entry} parties={workspace.parties} />
                </td>
                <td role="cell" className="reg-cell--flag">
                  <Attention entry={entry} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ReflectionsRegister({ entries, workspace }: { entries: ReflectionEntry[]; workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="empty">{t('reg.empty.reflections')}</p>;
  const { upcoming, past, undated } = splitReflections(entries, todayIso());
  return (
    <div className="reg-groups">
      <section className="reg-group" aria-labelledby="refl-upcoming" data-testid="reflections-upcoming">
        <h3 id="refl-upcoming" className="reg-group__title">{t('reg.upcoming')}</h3>
        {upcoming.length ? <ReflectionTable entries={upcoming} workspace={workspace} /> : <p className="empty">{t('reg.noneUpcoming')}</p>}
      </section>
      {undated.length > 0 && (
        <section className="reg-group" aria-labelledby="refl-undated">
          <h3 id="refl-undated" className="reg-group__title">{t('reg.noDate')}</h3>
          <ReflectionTable entries={undated} workspace={workspace} />
        </section>
      )}
      <section className="reg-group" aria-labelledby="refl-past" data-testid="reflections-past">
        <h3 id="refl-past" className="reg-group__title">{t('reg.past')}</h3>
        {past.length ? <ReflectionTable entries={past} workspace={workspace} /> : <p className="empty">{t('reg.nonePast')}</p>}
      </section>
    </div>
  );
}
