import { useState } from 'react';
import type { ReactNodeViewProps } from '@tiptap/react';
import { api } from '../../api';
import { FormError } from '../../components/Field';
import { useI18n } from '../../i18n/I18n';
import { useAction } from '../../useAction';
import { BlockCard, useBlockIssues } from './BlockCard';
import { useBlockEnv } from './BlockContext';
import { BlockField, PartySelect, PartyValue } from './fields';

const fieldNames = ['partyId', 'status', 'confirmedBy', 'confirmedAt'] as const;

function StatusBadge({ attrs }: { attrs: Record<string, unknown> }) {
  const { t, formatDate } = useI18n();
  const { members } = useBlockEnv();
  const { status, confirmedBy, confirmedAt } = attrs;
  const name = members.find((m) => m.userId === confirmedBy)?.name ?? t('block.unknownPerson');
  const date = typeof confirmedAt === 'string' && confirmedAt ? formatDate(confirmedAt, true) : '';
  if (status === 'confirmed') {
    return (
      <span className="commitment-status commitment-status--confirmed" data-testid="commitment-status">
        {date ? t('commitment.confirmedBy', { name, date }) : t('commitment.status.confirmed')}
      </span>
    );
  }
  if (status === 'withdrawn') {
    return (
      <span className="commitment-status commitment-status--withdrawn" data-testid="commitment-status">
        {date ? t('commitment.withdrawnBy', { name, date }) : t('commitment.status.withdrawn')}
      </span>
    );
  }
  return (
    <span className="commitment-status commitment-status--proposed" data-testid="commitment-status">
      {status === 'proposed' ? t('commitment.status.proposed') : t('block.invalidValue', { value: String(status ?? '—') })}
    </span>
  );
}

/** Confirm and withdraw go through the API: the server records who and when, and writes it in. */
function Decision({ blockId, partyName, status }: { blockId: string; partyName: string; status: unknown }) {
  const { t } = useI18n();
  const { documentId } = useBlockEnv();
  const action = useAction();
  const [pending, setPending] = useState<'confirm' | 'withdraw' | null>(null);
  const decide = async (decision: 'confirm' | 'withdraw') => {
    setPending(decision);
    await action.run(() => api.decideCommitment(documentId, blockId, decision));
    setPending(null);
  };
  return (
    <div className="commitment-decision">
      {status !== 'confirmed' && (
        <button type="button" className="button button--primary button--small" disabled={action.busy} onClick={() => void decide('confirm')}>
          {pending === 'confirm' ? t('common.loading') : t('commitment.confirm', { party: partyName })}
        </button>
      )}
      {status !== 'withdrawn' && (
        <button type="button" className="button button--secondary button--small" disabled={action.busy} onClick={() => void decide('withdraw')}>
          {pending === 'withdraw' ? t('common.loading') : t('commitment.withdraw')}
        </button>
      )}
      <FormError message={action.error} />
    </div>
  );
}

export function CommitmentView(view: ReactNodeViewProps) {
  const { t } = useI18n();
  const { parties, me, canWrite, canDecide, frozen } = useBlockEnv();
  const attrs = view.node.attrs as Record<string, unknown>;
  const issues = useBlockIssues('commitment', attrs);
  const { partyId, status } = attrs;
  const party = parties.find((p) => p.id === partyId);
  const blockId = typeof attrs.id === 'string' ? attrs.id : '';
  const mine = !!party && me.partyId === party.id;
  // Changing the party of a decided commitment would put words in another party's mouth.
  const partyLocked = status === 'confirmed';

  const footer = party && !frozen ? (
    mine && canDecide && blockId ? (
      <Decision blockId={blockId} partyName={party.name} status={status} />
    ) : (
      <p className="muted block-card__small">{t('commitment.onlyParty', { party: party.name })}</p>
    )
  ) : null;

  return (
    <BlockCard
      kind="commitment"
      view={view}
      issues={issues}
      fieldNames={fieldNames}
      className={`block-card--status-${typeof status === 'string' ? status : 'invalid'}`}
      badges={<StatusBadge attrs={attrs} />}
      fields={
        <BlockField
          label={t('commitment.party')}
          issue={issues.partyId && (partyId ? issues.partyId : t('commitment.chooseParty'))}
          className="block-field--party"
          value={<PartyValue partyId={partyId} parties={parties} emptyLabel={t('commitment.chooseParty')} />}
          control={
            canWrite && !partyLocked
              ? (id, describedBy) => (
                  <PartySelect
                    id={id}
                    describedBy={describedBy}
                    value={partyId}
                    parties={parties}
                    emptyLabel={t('commitment.chooseParty')}
                    onChange={(next) => view.updateAttributes({ partyId: next })}
                  />
                )
              : null
          }
        />
      }
      note={issues.status || issues.confirmedAt || issues.confirmedBy ? (
        <p className="block-field__issue">{t('block.attention', { message: issues.status ?? issues.confirmedAt ?? issues.confirmedBy ?? '' })}</p>
      ) : undefined}
      footer={footer}
    />
  );
}
