import { commitmentStatuses, isChoice } from '../../shared/blocks/attrs';
import type { CommitmentEntry } from '../../shared/api/registers';
import type { Party, WorkspaceDetail } from '../../shared/api/workspaces';
import { choiceLabel } from '../blocks/choiceLabel';
import { PartyChip } from '../components/PartyChip';
import { useI18n } from '../i18n/I18n';
import { Attention, EntryLink, ProposedBy, rowClick } from './EntryParts';
import { TableScroll } from '../components/TableScroll';
import { CardTableHead } from './CardTableHead';

interface Group {
  key: string;
  party: Party | null;
  /** A party name from the register when the party is no longer in the workspace. */
  name: string | null;
  entries: CommitmentEntry[];
}

/** One group per party, in the workspace's party order; commitments without (known) party last. */
function groupByParty(entries: readonly CommitmentEntry[], parties: readonly Party[]): Group[] {
  const groups: Group[] = parties.map((party) => ({ key: party.id, party, name: party.name, entries: [] }));
  const rest: Group = { key: '__none', party: null, name: null, entries: [] };
  for (const entry of entries) {
    const group = groups.find((g) => g.key === entry.partyId) ?? rest;
    group.entries.push(entry);
  }
  return [...groups, rest].filter((g) => g.entries.length > 0);
}

function StatusCell({ entry }: { entry: CommitmentEntry }) {
  const { t } = useI18n();
  const { status } = entry;
  const known = isChoice(commitmentStatuses, status);
  return (
    <span className={`commitment-status commitment-status--${known ? status : 'proposed'}`}>
      {choiceLabel(t, 'commitment', 'status', status)}
    </span>
  );
}

function CommitmentRow({ entry, parties }: { entry: CommitmentEntry; parties: readonly Party[] }) {
  const { t, formatDate } = useI18n();
  const decided = entry.status === 'confirmed' || entry.status === 'withdrawn';
  return (
    <tr role="row" className={entry.valid ? 'row-link' : 'row-link reg-row--invalid'} onClick={rowClick(entry)} data-block-id={entry.blockId} data-testid="commitment-row">
      <td role="cell" className="reg-cell--text">
        <EntryLink entry={entry} />
      </td>
      <td role="cell" data-label={t('reg.col.status')}>
        <StatusCell entry={entry} />
      </td>
      <td role="cell" data-label={t('reg.col.confirmed')}>
        {decided && typeof entry.confirmedAt === 'string' && entry.confirmedAt ? (
          <span className="confirmed-by">
            {entry.confirmedByName ?? t('block.unknownPerson')}
            <span className="muted"> · {formatDate(entry.confirmedAt, true)}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td role="cell" data-label={t('reg.col.proposedBy')}>
        <ProposedBy entry={entry} parties={parties} />
      </td>
      <td role="cell" className="reg-cell--flag">
        <Attention entry={entry} />
      </td>
    </tr>
  );
}

export function CommitmentsRegister({ entries, workspace }: { entries: CommitmentEntry[]; workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="empty">{t('reg.empty.commitments')}</p>;
  return (
    <div className="reg-groups">
      {groupByParty(entries, workspace.parties).map((group) => {
        const count = (status: string) => group.entries.filter((e) => e.status === status).length;
        return (
          <section key={group.key} className="reg-group" aria-labelledby={`group-${group.key}`} data-testid="commitment-group">
            <h3 id={`group-${group.key}`} className="reg-group__title">
              {group.party ? <PartyChip name={group.party.name} color={group.party.color} /> : t('reg.noParty')}
              <span className="reg-group__summary">
                {t('reg.partySummary', { confirmed: count('confirmed'), proposed: count('proposed'), withdrawn: count('withdrawn') })}
              </span>
            </h3>
            <TableScroll label={group.party?.name ?? t('reg.noParty')}>
              <table role="table" className="data-table reg-table reg-table--fixed reg-table--cards">
                <CardTableHead columns={[{ label: t('reg.col.commitment'), className: 'col--text' }, { label: t('reg.col.status'), className: 'col--status' }, { label: t('reg.col.confirmed'), className: 'col--who' }, { label: t('reg.col.proposedBy'), className: 'col--who' }]} />
                <tbody role="rowgroup">
                  {group.entries.map((entry) => (
                    <CommitmentRow key={`${entry.documentId}:${entry.blockId}`} entry={entry} parties={workspace.parties} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </div>
  );
}
