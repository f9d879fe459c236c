/**
 * A werksessie: the session bar, the chair's panel for the chair (or the agenda for everyone
 * else), the turns of the rounds. Participants follow the chair into documents when the chair
 * brings everyone there.
 */
import { useState } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { api } from '../api';
import { usePageTitle } from '../a11y/pageTitle';
import { FormError } from '../components/Field';
import { ErrorState, Loading, Notice } from '../components/Status';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { documentPath, workspacePath } from '../routes';
import { useAction } from '../useAction';
import { useResource } from '../useResource';
import { AgendaEditor } from '../sessions/AgendaEditor';
import { AgendaList } from '../sessions/AgendaList';
import { ChairPanel } from '../sessions/ChairPanel';
import { SessionBar } from '../sessions/SessionBar';
import { PollsSection } from '../sessions/polls/PollsSection';
import { SpeakingSummary } from '../sessions/SpeakingSummary';
import { PrivateCards } from '../sessions/PrivateCards';
import { RecordSaid } from '../sessions/RecordSaid';
import { useFollow } from '../sessions/useFollow';
import { useLiveSession } from '../sessions/useLiveSession';

function StartButton({ session, onStarted }: { session: SessionDetail; onStarted: (s: SessionDetail) => void }) {
  const t = useT();
  const action = useAction();
  return (
    <div className="session-start">
      <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(async () => onStarted(await api.startSession(session.id)))}>
        {t('session.start')}
      </button>
      <FormError message={action.error} />
    </div>
  );
}

function SessionView({ session, workspace, live }: { session: SessionDetail; workspace: WorkspaceDetail; live: ReturnType<typeof useLiveSession> }) {
  const t = useT();
  const { following, setFollowing } = useFollow(session, null);
  const chair = workspace.members.find((m) => m.userId === session.chairUserId);
  const running = session.status === 'running';
  const [editing, setEditing] = useState(false);
  // The current private step, and every step whose cards have been revealed.
  const cardSteps = session.steps.filter((s) => s.kind === 'private' && ((running && s.id === session.currentStepId) || s.revealedAt !== null));
  return (
    <div className="page session-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={workspacePath(workspace.id)}>{t('session.back')}</Link>
      </nav>
      <h1>{session.title}</h1>
      <p className="muted">
        {t(`sessionStatus.${session.status}`)}
        {chair && ` · ${session.youChair ? t('session.youChair') : t('session.chair', { name: chair.name })}`}
      </p>
      {workspace.role === 'guest' && (
        <Notice tone="info">
          <p>{t('guests.youAreGuest')}</p>
        </Notice>
      )}
      {live.live === 'offline' && (
        <Notice tone="warning">
          <p>{t('session.notLive')}</p>
        </Notice>
      )}
      {session.minutesDocumentId && (
        <Notice tone="info">
          <p>{t('session.minutesWritten')}</p>
          <p>
            <Link to={documentPath(session.minutesDocumentId)}>{t('session.minutesLink')}</Link>
          </p>
        </Notice>
      )}
      {running && <SessionBar session={session} parties={workspace.parties} clockOffset={live.clockOffset} following={following} onFollowChange={setFollowing} />}
      {session.follow && !session.youChair && running && (
        <p>
          <Link to={documentPath(session.follow.documentId)}>{t('session.openDocument')}</Link>
        </p>
      )}
      {session.status === 'planned' && session.canManage && <StartButton session={session} onStarted={live.accept} />}
      {session.canManage && session.status !== 'ended' && !editing && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t('session.editAgenda')}
          </button>
        </p>
      )}
      {editing && (
        <AgendaEditor
          session={session}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            live.accept(saved);
            setEditing(false);
          }}
        />
      )}
      <div className="columns">
        <div className="columns__main">
          {/* On a phone a participant's ballot comes before the long agenda; the chair's panel stays first for the chair. */}
          {!session.youChair && <PollsSection session={session} workspace={workspace} onChanged={live.reload} />}
          {session.youChair ? (
            <ChairPanel session={session} parties={workspace.parties} members={workspace.members} documents={workspace.documents} onChanged={live.accept} />
          ) : (
            <section className="panel" aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t('session.agenda')}</h2>
              <AgendaList session={session} />
            </section>
          )}
          {cardSteps.map((step) => (
            <PrivateCards key={step.id} session={session} step={step} parties={workspace.parties} documents={workspace.documents} abilities={workspace.abilities} />
          ))}
          {session.youChair && <PollsSection session={session} workspace={workspace} onChanged={live.reload} />}
        </div>
        <div className="columns__side">
          <RecordSaid session={session} parties={workspace.parties} myPartyId={workspace.partyId} onChanged={live.accept} />
          <SpeakingSummary session={session} parties={workspace.parties} />
        </div>
      </div>
    </div>
  );
}

export function SessionPage({ id }: { id: string }) {
  const live = useLiveSession(null, id);
  const workspaceId = live.session?.workspaceId ?? null;
  const { resource, reload } = useResource(() => (workspaceId ? api.getWorkspace(workspaceId) : Promise.resolve(null)), [workspaceId]);
  usePageTitle(live.session?.title, resource.data?.name);
  if (live.error) return <ErrorState error={live.error} onRetry={live.reload} />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  if (!live.session || !resource.data) return <Loading />;
  return <SessionView session={live.session} workspace={resource.data} live={live} />;
}
