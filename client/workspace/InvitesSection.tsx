import { useState, type FormEvent } from 'react';
import { roles, type Role } from '../../shared/api/roles';
import { createInviteReq } from '../../shared/api/schemas';
import { api } from '../api';
import type { CreatedInvite, Invite, WorkspaceDetail } from '../../shared/api/workspaces';
import { FormError, SelectField, TextField } from '../components/Field';
import { PartyChip } from '../components/PartyChip';
import { validate, type FieldErrors } from '../forms';
import { useI18n } from '../i18n/I18n';
import { useAction } from '../useAction';
import { inviteStatus } from './inviteStatus';
import { useConfirm } from '../components/ConfirmDialog';
import { focusHeading } from '../a11y/focusHeading';

interface Props {
  workspace: WorkspaceDetail;
  onChanged: () => void;
}

/** The link of a new invite, shown once: the server keeps only a hash of the token. */
function NewInviteLink({ invite, onDismiss }: { invite: CreatedInvite; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  const copy = async (input: HTMLInputElement | null) => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so Ctrl+C works.
      input?.select();
    }
  };

  return (
    <div className="new-link" role="status">
      <p className="new-link__title">{t('invites.newLink')}</p>
      {invite.email && <p className="new-link__hint">{t('invites.mailedTo', { email: invite.email })}</p>}
      <p className="new-link__hint">{t('invites.linkOnce')}</p>
      <div className="new-link__row">
        <input
          className="input new-link__url"
          name="url"
          readOnly
          value={invite.url}
          aria-label={t('invites.newLink')}
          onFocus={(e) => e.currentTarget.select()}
          id="new-invite-url"
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => void copy(document.getElementById('new-invite-url') as HTMLInputElement | null)}
        >
          {copied ? t('common.copied') : t('invites.copyLink')}
        </button>
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
        {t('invites.dismiss')}
      </button>
    </div>
  );
}

function InviteForm({ workspace, onCreated }: { workspace: WorkspaceDetail; onCreated: (invite: CreatedInvite) => void }) {
  // A mailed invite is written in the language the owner works in.
  const { t, lang } = useI18n();
  const action = useAction();
  const [values, setValues] = useState({
    role: 'editor' as Role,
    partyId: workspace.parties[0]?.id ?? '',
    expiresInDays: '14',
    maxUses: '25',
    email: '',
  });
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...action.fields, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(
      createInviteReq,
      { ...values, expiresInDays: Number(values.expiresInDays), maxUses: Number(values.maxUses), email: values.email.trim() || undefined, language: lang },
      { expiresInDays: t('invites.expiresRange'), maxUses: t('invites.maxUsesRange'), partyId: t('invites.needParty') },
    );
    if (!checked.ok) return setLocalErrors(checked.fields);
    setLocalErrors({});
    const created = await action.run(async () => onCreated(await api.createInvite(workspace.id, checked.data)));
    // The next invite goes to the next person: the address is not kept.
    if (created) setValues((current) => ({ ...current, email: '' }));
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={action.error} />
      <div className="form__row">
        <SelectField
          name="role"
          label={t('invites.role')}
          value={values.role}
          onChange={(e) => setValues({ ...values, role: e.target.value as Role })}
          error={errors.role}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="partyId"
          label={t('invites.party')}
          value={values.partyId}
          onChange={(e) => setValues({ ...values, partyId: e.target.value })}
          error={errors.partyId}
        >
          {workspace.parties.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__row">
        <TextField
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          label={t('invites.expiresInDays')}
          value={values.expiresInDays}
          onChange={(e) => setValues({ ...values, expiresInDays: e.target.value })}
          error={errors.expiresInDays}
        />
        <TextField
          name="maxUses"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          label={t('invites.maxUses')}
          value={values.maxUses}
          onChange={(e) => setValues({ ...values, maxUses: e.target.value })}
          error={errors.maxUses}
        />
      </div>
      <TextField
        name="email"
        type="email"
        label={t('invites.email')}
        hint={t('invites.emailHint')}
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })}
        error={errors.email}
        maxLength={254}
        autoComplete="off"
      />
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {values.email.trim() ? t('invites.createAndSend') : t('invites.create')}
      </button>
    </form>
  );
}

function InviteRow({ invite, workspace, onChanged }: { invite: Invite } & Props) {
  const { t, formatDate } = useI18n();
  const action = useAction();
  const confirm = useConfirm();
  const party = workspace.parties.find((p) => p.id === invite.partyId);
  const status = inviteStatus(invite);
  const role = t(`role.${invite.role}`);

  const revoke = async () => {
    if (!(await confirm.ask({ title: t('invites.confirmRevoke'), confirmLabel: t('invites.revoke'), danger: true }))) return;
    if (!(await action.run(() => api.revokeInvite(workspace.id, invite.id)))) return;
    onChanged();
    focusHeading('invites-title');
  };

  return (
    <li className={`invite-row invite-row--${status}`} data-invite-id={invite.id}>
      {confirm.dialog}
      <div className="invite-row__main">
        <span className="invite-row__role">{role}</span>
        {party && <PartyChip name={party.name} color={party.color} compact />}
        <span className={`status-badge status-badge--${status}`}>{t(`invites.status.${status}`)}</span>
      </div>
      <p className="invite-row__meta">
        {t('invites.uses', { uses: invite.uses, max: invite.maxUses })} ·{' '}
        {t('invites.expires', { date: formatDate(invite.expiresAt) })}
        {invite.email && <> · {t('invites.sentTo', { email: invite.email })}</>}
      </p>
      {status === 'active' && (
        <button
          type="button"
          className="button button--danger-ghost button--small"
          aria-label={t('invites.revokeLabel', { role, party: party?.name ?? '' })}
          disabled={action.busy}
          onClick={() => void revoke()}
        >
          {t('invites.revoke')}
        </button>
      )}
      <FormError message={action.error} />
    </li>
  );
}

export function InvitesSection({ workspace, onChanged }: Props) {
  const { t } = useI18n();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const invites = [...(workspace.invites ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section className="panel" aria-labelledby="invites-title">
      <h2 id="invites-title">{t('invites.title')}</h2>
      <p className="panel__intro">{t('invites.intro')}</p>
      {created && <NewInviteLink invite={created} onDismiss={() => setCreated(null)} />}
      {workspace.parties.length === 0 ? (
        <p className="empty">{t('invites.needParty')}</p>
      ) : (
        <InviteForm
          key={workspace.parties.length}
          workspace={workspace}
          onCreated={(invite) => {
            setCreated(invite);
            onChanged();
          }}
        />
      )}
      {invites.length > 0 && (
        <ul className="plain-list invite-list">
          {invites.map((invite) => (
            <InviteRow key={invite.id} invite={invite} workspace={workspace} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
