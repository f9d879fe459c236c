/** /w/:id/opmerkingen: the open comment threads across the workspace's documents, beside the other registers, live. */
import type { OpenThreadEntry } from '../../shared/api/comments';
import { api } from '../api';
import { usePageTitle } from '../a11y/pageTitle';
import { PartyChip } from '../components/PartyChip';
import { ErrorState, Loading } from '../components/Status';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { documentPath } from '../routes';
import { useResource } from '../useResource';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { WorkspaceTabs } from '../registers/WorkspaceTabs';

function ThreadRows({ entries }: { entries: OpenThreadEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <p className="muted">{t('register.threadsEmpty')}</p>;
  return (
    <ul className="plain-list open-threads">
      {entries.map((entry) => (
        <li key={entry.id} className="open-threads__item">
          <p className="thread__quote">{t('comment.quote', { quote: entry.quote })}</p>
          <p>
            <Link to={`${documentPath(entry.documentId)}`}>{entry.documentTitle}</Link>
            {' · '}
            {entry.partyName ? <PartyChip compact name={entry.partyName} color={entry.partyColor} /> : null} {entry.authorName ?? t('comment.deletedAuthor')}
            {' · '}
            {t('comment.count', { count: entry.comments })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function OpenThreadsPage({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const ws = useResource(() => api.getWorkspace(workspaceId), [workspaceId]);
  const entries = useResource(() => api.openThreads(workspaceId), [workspaceId]);
  useWorkspaceEvents(workspaceId, entries.reload, 'threads');
  usePageTitle(t('register.threads'), ws.resource.data?.name);
  if (ws.resource.status === 'loading') return <Loading />;
  if (ws.resource.status === 'error') return <ErrorState error={ws.resource.error} onRetry={ws.reload} />;
  return (
    <div className="page register-page" data-register="threads">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/">{t('ws.back')}</Link>
      </nav>
      <div className="page__head">
        <p className="register-page__workspace">{ws.resource.data.name}</p>
      </div>
      <WorkspaceTabs workspaceId={workspaceId} current="threads" />
      <section className="panel register" aria-labelledby="register-title">
        <h1 id="register-title" className="register__title">
          {t('register.threads')}
        </h1>
        <p className="register__intro">{t('register.threadsIntro')}</p>
        {entries.resource.status === 'loading' && <Loading />}
        {entries.resource.status === 'error' && <ErrorState error={entries.resource.error} onRetry={entries.reload} />}
        {entries.resource.status === 'ready' && <ThreadRows entries={entries.resource.data} />}
      </section>
    </div>
  );
}
