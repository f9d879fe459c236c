import type { ReactNodeViewProps } from '@tiptap/react';
import { actionStatuses, fundingKinds } from '../../../shared/blocks/attrs';
import type { Member } from '../../../shared/api/workspaces';
import { isOverdue, localDate } from '../../blocks/dates';
import { useI18n } from '../../i18n/I18n';
import { BlockCard, useBlockIssues } from './BlockCard';
import { useBlockEnv } from './BlockContext';
import { useFieldWriter } from './fieldWriter';
import { BlockField, DateInput, EnumSelect, PartySelect, PartyValue, enumLabel, membersFor } from './fields';

const fieldNames = ['ownerPartyId', 'ownerUserId', 'due', 'status', 'funding'] as const;

interface PersonSelectProps {
  id: string;
  describedBy: string | undefined;
  value: unknown;
  owner: Member | undefined;
  candidates: Member[];
  onChange: (userId: string | null) => void;
}

/** Members of the owning party; a lead person outside it stays visible, marked. */
function PersonSelect({ id, describedBy, value, owner, candidates, onChange }: PersonSelectProps) {
  const { t } = useI18n();
  const current = typeof value === 'string' ? value : '';
  return (
    <select id={id} className="input select block-select" value={current} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t('action.noOwnerUser')}</option>
      {candidates.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name}
        </option>
      ))}
      {owner && !candidates.includes(owner) && (
        <option value={owner.userId}>
          {owner.name} {t('action.otherParty')}
        </option>
      )}
      {current && !owner && <option value={current}>{t('block.invalidValue', { value: t('block.unknownPerson') })}</option>}
    </select>
  );
}

function ActionBadges({ overdue, unowned, done }: { overdue: boolean; unowned: boolean; done: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {overdue && <span className="block-badge block-badge--overdue">{t('action.overdue')}</span>}
      {unowned && <span className="block-badge block-badge--unowned">{t('action.unowned')}</span>}
      {done && <span className="block-badge block-badge--done">{t('action.status.done')}</span>}
    </>
  );
}

export function ActionView(view: ReactNodeViewProps) {
  const { t, formatDate } = useI18n();
  const { parties, members } = useBlockEnv();
  const writer = useFieldWriter(view);
  const attrs = view.node.attrs as Record<string, unknown>;
  const issues = useBlockIssues('action', attrs);
  const update = writer.write;
  const { ownerPartyId, ownerUserId, due, status, funding } = attrs;

  const overdue = !issues.due && isOverdue(due, status);
  const unowned = !ownerPartyId;
  const candidates = membersFor(members, ownerPartyId);
  const owner = members.find((m) => m.userId === ownerUserId);
  const statusLabel = (s: (typeof actionStatuses)[number]) => t(`action.status.${s}`);
  const fundingLabel = (f: (typeof fundingKinds)[number]) => t(`action.funding.${f}`);
  const dueText = typeof due === 'string' && due && !issues.due ? formatDate(localDate(due).toISOString()) : null;
  const notSet = <span className="block-field__none">{t('block.notSet')}</span>;

  const chooseParty = (partyId: string | null) => {
    // The lead person belongs to the owning party; clear them when they do not.
    const keepsPerson = !!owner && (!partyId || owner.partyId === partyId);
    update({ ownerPartyId: partyId, ...(keepsPerson ? {} : { ownerUserId: null }) });
  };

  const fields = (
    <>
      <BlockField
        label={t('action.ownerParty')}
        issue={issues.ownerPartyId}
        className="block-field--party"
        value={<PartyValue partyId={ownerPartyId} parties={parties} emptyLabel={t('action.noOwner')} />}
        control={writer.editable ? (id, d) => <PartySelect id={id} describedBy={d} value={ownerPartyId} parties={parties} emptyLabel={t('action.noOwner')} onChange={chooseParty} /> : null}
      />
      <BlockField
        label={t('action.ownerUser')}
        issue={issues.ownerUserId}
        value={owner?.name ?? <span className="block-field__none">{t('action.noOwnerUser')}</span>}
        control={writer.editable ? (id, d) => <PersonSelect id={id} describedBy={d} value={ownerUserId} owner={owner} candidates={candidates} onChange={(v) => update({ ownerUserId: v })} /> : null}
      />
      <BlockField
        label={t('action.due')}
        issue={issues.due}
        className={overdue ? 'block-field--overdue' : undefined}
        value={dueText ?? (typeof due === 'string' && due ? due : notSet)}
        control={writer.editable ? (id, d) => <DateInput id={id} describedBy={d} label={t('action.due')} value={due} onChange={(v) => update({ due: v })} /> : null}
      />
      <BlockField
        label={t('action.status')}
        issue={issues.status}
        value={enumLabel(status, actionStatuses, statusLabel)}
        control={writer.editable ? (id, d) => <EnumSelect id={id} describedBy={d} value={status} options={actionStatuses} labelOf={statusLabel} onChange={(v) => update({ status: v })} /> : null}
      />
      <BlockField
        label={t('action.funding')}
        issue={issues.funding}
        className="block-field--wide"
        value={enumLabel(funding, fundingKinds, fundingLabel)}
        control={writer.editable ? (id, d) => <EnumSelect id={id} describedBy={d} value={funding} options={fundingKinds} labelOf={fundingLabel} onChange={(v) => update({ funding: v })} /> : null}
      />
    </>
  );

  return (
    <BlockCard
      kind="action"
      view={view}
      issues={issues}
      fieldNames={fieldNames}
      badges={<ActionBadges overdue={overdue} unowned={unowned} done={status === 'done'} />}
      fields={fields}
      className={[overdue ? 'block-card--overdue' : '', unowned ? 'block-card--unowned' : ''].filter(Boolean).join(' ')}
      note={overdue && dueText ? <p className="block-card__warning">{t('action.overdueLong', { date: dueText })}</p> : undefined}
    />
  );
}
