import { useState } from 'react';
import { api } from '../api';
import type { Party, WorkspaceDetail } from '../../shared/api/workspaces';
import { nextPartyColor } from '../color';
import { FormError } from '../components/Field';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';
import { PartyForm, partyFormValues, type PartyValues } from './PartyForm';
import { useConfirm } from '../components/ConfirmDialog';
import { focusHeading } from '../a11y/focusHeading';

interface Props {
  workspace: WorkspaceDetail;
  onChanged: () => void;
}

/** Only the fields that differ, because PATCH takes a partial party. */
function changedFields(party: Party, values: PartyValues): Partial<PartyValues> {
  const changes: Partial<PartyValues> = {};
  if (values.name !== party.name) changes.name = values.name;
  if (values.kind !== party.kind) changes.kind = values.kind;
  if (values.color.toLowerCase() !== party.color.toLowerCase()) changes.color = values.color;
  return changes;
}

function PartyRow({ party, workspace, onChanged }: { party: Party } & Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const save = useAction();
  const remove = useAction();
  const confirm = useConfirm();
  const memberCount = workspace.members.filter((m) => m.partyId === party.id).length;

  if (editing) {
    return (
      <li className="party-row party-row--editing">
        <PartyForm
          initial={partyFormValues(party)}
          submitLabel={t('common.save')}
          busy={save.busy}
          error={save.error}
          fields={save.fields}
          onCancel={() => {
            setEditing(false);
            save.reset();
          }}
          onSubmit={async (values) => {
            const changes = changedFields(party, values);
            if (Object.keys(changes).length === 0) {
              setEditing(false);
              return true;
            }
            const ok = await save.run(() => api.updateParty(workspace.id, party.id, changes));
            if (ok) {
              setEditing(false);
              onChanged();
            }
            return ok;
          }}
        />
      </li>
    );
  }

  const handleDelete = async () => {
    const yes = await confirm.ask({ title: t('parties.confirmDelete', { name: party.name }), confirmLabel: t('parties.delete', { name: party.name }), danger: true });
    if (!yes) return;
    if (!(await remove.run(() => api.deleteParty(workspace.id, party.id)))) return;
    onChanged();
    focusHeading('parties-title');
  };

  return (
    <li className="party-row" data-party-id={party.id}>
      {confirm.dialog}
      <div className="party-row__main">
        <PartyChip name={party.name} color={party.color} />
        <span className="party-row__meta">
          {t(`kind.${party.kind}`)} ·{' '}
          {t('parties.members', { count: memberCount })}
        </span>
      </div>
      {workspace.abilities.manageParties && (
        <div className="row-actions">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={t('parties.edit', { name: party.name })}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="button button--danger-ghost button--small"
            aria-label={t('parties.delete', { name: party.name })}
            disabled={remove.busy}
            onClick={() => void handleDelete()}
          >
            {t('common.delete')}
          </button>
        </div>
      )}
      <FormError message={remove.error} />
    </li>
  );
}

export function PartiesSection({ workspace, onChanged }: Props) {
  const t = useT();
  const add = useAction();
  const suggestedColor = nextPartyColor(workspace.parties.map((p) => p.color));

  return (
    <section className="panel" aria-labelledby="parties-title">
      <h2 id="parties-title">{t('parties.title')}</h2>
      <p className="panel__intro">{t('parties.intro')}</p>
      {workspace.parties.length === 0 ? (
        <p className="empty">{t('parties.empty')}</p>
      ) : (
        <ul className="plain-list">
          {workspace.parties.map((party) => (
            <PartyRow key={party.id} party={party} workspace={workspace} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {workspace.abilities.manageParties && (
        <div className="panel__sub">
          <h3>{t('parties.addTitle')}</h3>
          <PartyForm
            key={workspace.parties.length}
            initial={{ name: '', kind: '', color: suggestedColor }}
            submitLabel={t('parties.add')}
            busy={add.busy}
            error={add.error}
            fields={add.fields}
            onSubmit={async (values) => {
              const ok = await add.run(() => api.createParty(workspace.id, values));
              if (ok) onChanged();
              return ok;
            }}
          />
        </div>
      )}
    </section>
  );
}
