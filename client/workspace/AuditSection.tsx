/**
 * "Logboek": for owners, who changed whose party or role, who invited whom, who confirmed,
 * signed or declined what and who restored which version — the server's record, newest first.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuditLogEntry } from '../../shared/api/audit';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { api } from '../api';
import { ErrorState } from '../components/Status';
import { useI18n, type TFunction } from '../i18n/I18n';
import type { MessageKey } from '../i18n/translate';

const knownActions = new Set([
  'member.update',
  'member.remove',
  'member.leave',
  'invite.create',
  'invite.revoke',
  'invite.accept',
  'commitment.confirm',
  'commitment.withdraw',
  'commitment.reopened',
  'version.create',
  'version.restore',
  'adoption.request',
  'adoption.signed',
  'adoption.declined',
  'adoption.adopted',
  'card.promote',
  'session.reflection',
  'poll.weights',
]);

function describe(t: TFunction, entry: AuditLogEntry, workspace: WorkspaceDetail): string {
  const key = (knownActions.has(entry.action) ? `audit.${entry.action}` : 'audit.other') as MessageKey;
  const partyName = (id: unknown) => workspace.parties.find((p) => p.id === id)?.name ?? t('audit.noParty');
  const memberName = (id: unknown) => workspace.members.find((m) => m.userId === id)?.name ?? t('audit.someone');
  const roleName = (role: unknown) => (typeof role === 'string' && ['owner', 'editor', 'commenter', 'viewer'].includes(role) ? t(`role.${role}` as MessageKey) : '');
  const detail = entry.detail;
  const from = (detail.from ?? {}) as Record<string, unknown>;
  const to = (detail.to ?? {}) as Record<string, unknown>;
  return t(key, {
    action: entry.action,
    member: memberName(detail.memberId),
    fromParty: partyName(from.partyId),
    toParty: partyName(to.partyId),
    fromRole: roleName(from.role),
    toRole: roleName(to.role),
    party: partyName(detail.partyId),
    label: String(detail.label ?? ''),
    question: String(detail.question ?? ''),
    document: entry.documentTitle ?? '',
  });
}

export function AuditSection({ workspace }: { workspace: WorkspaceDetail }) {
  const { t, formatDate } = useI18n();
  const [entries, setEntries] = useState<AuditLogEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.auditLog(workspace.id, before);
        setEntries((shown) => (before === undefined ? page.entries : [...shown, ...page.entries]));
        setNextBefore(page.nextBefore);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [workspace.id],
  );
  useEffect(() => void load(), [load]);

  return (
    <section className="panel audit" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p className="muted">{t('audit.intro')}</p>
      {error !== null && <ErrorState error={error} onRetry={() => void load()} />}
      {entries.length === 0 && !loading && error === null && <p className="empty">{t('audit.empty')}</p>}
      <ol className="plain-list audit__list">
        {entries.map((entry) => (
          <li key={entry.id} className="audit__entry" data-action={entry.action}>
            <span className="audit__what">{describe(t, entry, workspace)}</span>
            <span className="muted audit__who">
              {t('audit.byAt', { who: entry.userName ?? t('audit.server'), at: formatDate(entry.at, true) })}
            </span>
          </li>
        ))}
      </ol>
      {loading && <p className="loading">{t('common.loading')}</p>}
      {nextBefore !== null && !loading && (
        <button type="button" className="button button--secondary" onClick={() => void load(nextBefore)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
