import { useId, useState, type ReactNode } from 'react';
import { actionStatuses, fundingKinds } from '../../shared/blocks/attrs';
import type { ActionEntry } from '../../shared/api/registers';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { choiceLabel } from '../blocks/choiceLabel';
import { isIsoDate, localDate } from '../blocks/dates';
import { useI18n } from '../i18n/I18n';
import { filterActions, isFiltered, noActionFilters, type ActionFilters } from './actionFilters';
import { Attention, EntryLink, PartyOf, rowClick } from './EntryParts';
import { TableScroll } from '../components/TableScroll';
import { CardTableHead } from './CardTableHead';

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field reg-filter">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input select input--compact" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

function Filters({ filters, set, workspace }: { filters: ActionFilters; set: (f: ActionFilters) => void; workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  const people = workspace.members
    .filter((m) => !filters.party || filters.party === 'none' || m.partyId === filters.party)
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <fieldset className="reg-filters">
      <legend className="visually-hidden">{t('reg.filters')}</legend>
      <FilterSelect label={t('reg.filter.party')} value={filters.party} onChange={(party) => set({ ...filters, party, person: '' })}>
        <option value="">{t('reg.filter.all')}</option>
        <option value="none">{t('reg.filter.unowned')}</option>
        {workspace.parties.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('reg.filter.person')} value={filters.person} onChange={(person) => set({ ...filters, person })}>
        <option value="">{t('reg.filter.everyone')}</option>
        {people.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('reg.filter.status')} value={filters.status} onChange={(status) => set({ ...filters, status })}>
        <option value="">{t('reg.filter.all')}</option>
        {actionStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`action.status.${s}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('reg.filter.funding')} value={filters.funding} onChange={(funding) => set({ ...filters, funding })}>
        <option value="">{t('reg.filter.all')}</option>
        {fundingKinds.map((f) => (
          <option key={f} value={f}>
            {t(`action.funding.${f}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('reg.sort')} value={filters.sort} onChange={(sort) => set({ ...filters, sort: sort === 'desc' ? 'desc' : 'asc' })}>
        <option value="asc">{t('reg.sort.asc')}</option>
        <option value="desc">{t('reg.sort.desc')}</option>
      </FilterSelect>
      <label className="reg-filter reg-filter--check">
        <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => set({ ...filters, overdueOnly: e.target.checked })} />
        {t('reg.filter.overdue')}
      </label>
      {isFiltered(filters) && (
        <button type="button" className="button button--ghost button--small reg-filter__reset" onClick={() => set({ ...noActionFilters, sort: filters.sort })}>
          {t('reg.filter.reset')}
        </button>
      )}
    </fieldset>
  );
}

function ActionRow({ entry, workspace }: { entry: ActionEntry; workspace: WorkspaceDetail }) {
  const { t, formatDate } = useI18n();
  const due = isIsoDate(entry.due) && !entry.issues.due ? entry.due : null;
  // A due date that is no date cannot be late.
  const overdue = entry.overdue && due !== null;
  const classes = ['row-link', overdue ? 'reg-row--overdue' : '', entry.unowned ? 'reg-row--unowned' : '', entry.valid ? '' : 'reg-row--invalid'];
  return (
    <tr role="row" className={classes.filter(Boolean).join(' ')} onClick={rowClick(entry)} data-block-id={entry.blockId} data-testid="action-row">
      <td role="cell" className="reg-cell--text">
        <EntryLink entry={entry} />
      </td>
      <td role="cell" data-label={t('reg.col.owner')}>
        <div className="owner">
          <PartyOf id={entry.ownerPartyId} name={entry.ownerPartyName} parties={workspace.parties} empty={<span className="tag tag--unowned">{t('action.noOwner')}</span>} />
          {entry.ownerUserName && <span className="owner__person">{entry.ownerUserName}</span>}
        </div>
      </td>
      <td role="cell" className="reg-cell--date" data-label={t('reg.col.due')}>
        {due ? formatDate(localDate(due).toISOString()) : entry.due ? <span className="attention-value">{entry.due}</span> : <span className="muted">{t('reg.noDue')}</span>}
        {overdue && <span className="tag tag--overdue">{t('action.overdue')}</span>}
      </td>
      <td role="cell" data-label={t('reg.col.status')}>
        <span className={`tag tag--status-${entry.status}`}>{choiceLabel(t, 'action', 'status', entry.status)}</span>
      </td>
      <td role="cell" data-label={t('reg.col.funding')}>{choiceLabel(t, 'action', 'funding', entry.funding)}</td>
      <td role="cell" className="reg-cell--flag">
        <Attention entry={entry} />
      </td>
    </tr>
  );
}

export function ActionsRegister({ entries, workspace }: { entries: ActionEntry[]; workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<ActionFilters>(noActionFilters);
  if (entries.length === 0) return <p className="empty">{t('reg.empty.actions')}</p>;
  const shown = filterActions(entries, filters);
  return (
    <>
      <Filters filters={filters} set={setFilters} workspace={workspace} />
      <p className="reg-count" role="status">
        {t('reg.count', { shown: shown.length, total: entries.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{t('reg.noMatch')}</p>
      ) : (
        <TableScroll label={t('tabs.actions')}>
          {/* Explicit roles: on a phone the rows are shown as cards (CSS display), which must not cost the table its semantics. */}
          <table role="table" className="data-table reg-table reg-table--cards">
            <CardTableHead columns={[{ label: t('reg.col.action') }, { label: t('reg.col.owner') }, { label: t('reg.col.due') }, { label: t('reg.col.status') }, { label: t('reg.col.funding') }]} />
            <tbody role="rowgroup">
              {shown.map((entry) => (
                <ActionRow key={`${entry.documentId}:${entry.blockId}`} entry={entry} workspace={workspace} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
