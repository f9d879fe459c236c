import { useState, type FormEvent } from 'react';
import { updateWorkspaceReq } from '../../shared/api/schemas';
import { api } from '../api';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { FormError, TextField } from '../components/Field';
import { PartyChip } from '../components/PartyChip';
import { validate } from '../forms';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  workspace: WorkspaceDetail;
  onChanged: () => void;
}

export function WorkspaceHeading({ workspace, onChanged }: Props) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(workspace.name);
  const action = useAction();
  const myParty = workspace.parties.find((p) => p.id === workspace.partyId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(updateWorkspaceReq, { name });
    if (!checked.ok) return action.setFields(checked.fields);
    if (await action.run(() => api.updateWorkspace(workspace.id, checked.data))) {
      setEditing(false);
      onChanged();
    }
  };

  return (
    <div className="page__head">
      {editing ? (
        <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            name="name"
            label={t('ws.nameLabel')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={action.fields.name}
            maxLength={120}
            autoFocus
          />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('common.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setEditing(false);
              setName(workspace.name);
              action.reset();
            }}
          >
            {t('common.cancel')}
          </button>
          <FormError message={action.error} />
        </form>
      ) : (
        <div className="title-row">
          <h1>{workspace.name}</h1>
          {workspace.abilities.manageWorkspace && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setName(workspace.name);
                setEditing(true);
              }}
            >
              {t('ws.rename')}
            </button>
          )}
        </div>
      )}
      <p className="page__meta">
        {t('ws.yourRole', { role: t(`role.${workspace.role}`) })}
        {myParty && (
          <>
            {' '}
            {t('ws.yourParty')} <PartyChip name={myParty.name} color={myParty.color} />
          </>
        )}
      </p>
    </div>
  );
}
