import { roles, type Role } from '../../shared/api/roles';
import { api } from '../api';
import type { Member, WorkspaceDetail } from '../../shared/api/workspaces';
import { FormError } from '../components/Field';
import { PartyChip, PartyDot } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { navigate } from '../router';
import { useUser } from '../session';
import { useAction } from '../useAction';
import { useConfirm } from '../components/ConfirmDialog';
import { focusHeading } from '../a11y/focusHeading';
import { TableScroll } from '../components/TableScroll';

interface Props {
  workspace: WorkspaceDetail;
  onChanged: () => void;
}

function MemberRow({ member, workspace, onChanged }: { member: Member } & Props) {
  const t = useT();
  const me = useUser();
  const action = useAction();
  const confirm = useConfirm();
  const isMe = member.userId === me.id;
  const party = workspace.parties.find((p) => p.id === member.partyId);
  const canManage = workspace.abilities.manageMembers;

  const update = async (body: { role?: Role; partyId?: string }) => {
    if (await action.run(() => api.updateMember(workspace.id, member.userId, body))) onChanged();
  };

  const remove = async () => {
    const yes = await confirm.ask({ title: t('members.confirmRemove', { name: member.name }), confirmLabel: t('members.remove'), danger: true });
    if (!yes) return;
    if (!(await action.run(() => api.removeMember(workspace.id, member.userId)))) return;
    if (isMe) return navigate('/');
    onChanged();
    focusHeading('members-title');
  };

  return (
    <tr data-user-id={member.userId}>
      <th scope="row" className="member__name">
        <span>
          {member.name}
          {isMe && <span className="muted"> ({t('common.you')})</span>}
        </span>
        {member.email && <span className="member__email">{member.email}</span>}
      </th>
      <td>
        {canManage ? (
          <span className="member-party">
            <PartyDot color={party?.color} />
            <select
              name="partyId"
              className="input select input--compact"
              aria-label={t('members.partyOf', { name: member.name })}
              value={member.partyId ?? ''}
              disabled={action.busy}
              onChange={(e) => void update({ partyId: e.target.value })}
            >
              {member.partyId === null && (
                <option value="" disabled>
                  {t('members.chooseParty')}
                </option>
              )}
              {workspace.parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </span>
        ) : party ? (
          <PartyChip name={party.name} color={party.color} />
        ) : (
          <span className="muted">{t('members.noParty')}</span>
        )}
      </td>
      <td>
        {canManage ? (
          <select
            name="role"
            className="input select input--compact"
            aria-label={t('members.roleOf', { name: member.name })}
            value={member.role}
            disabled={action.busy}
            onChange={(e) => void update({ role: e.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`role.${member.role}`)
        )}
      </td>
      {canManage && (
        <td className="cell-actions">
          <button
            type="button"
            className="button button--danger-ghost button--small"
            aria-label={t('members.removeLabel', { name: member.name })}
            disabled={action.busy}
            onClick={() => void remove()}
          >
            {t('members.remove')}
          </button>
          <FormError message={action.error} />
          {confirm.dialog}
        </td>
      )}
    </tr>
  );
}

export function MembersSection({ workspace, onChanged }: Props) {
  const t = useT();
  const canManage = workspace.abilities.manageMembers;
  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      <TableScroll label={t('members.title')}>
        <table className="data-table members-table">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.party')}</th>
              <th scope="col">{t('members.role')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('members.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {workspace.members.map((member) => (
              <MemberRow key={member.userId} member={member} workspace={workspace} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
