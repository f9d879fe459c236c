/** /w/:id/acties | toezeggingen | reflectie | criteria: one register across all documents, live. */
import { api, registerPath } from '../api';
import type { RegisterEntries, RegisterName } from '../../shared/api/registers';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { ErrorState, Loading } from '../components/Status';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { useResource } from '../useResource';
import { ActionsRegister } from './ActionsRegister';
import { CalendarFeedButton, CalendarFeedPanel, useCalendarFeed } from './CalendarFeed';
import { CommitmentsRegister } from './CommitmentsRegister';
import { CriteriaRegister } from './CriteriaRegister';
import { ReflectionsRegister } from './ReflectionsRegister';
import { useWorkspaceEvents, type LiveState } from './useWorkspaceEvents';
import { WorkspaceTabs } from './WorkspaceTabs';
import { usePageTitle } from '../a11y/pageTitle';

function LiveBadge({ state }: { state: LiveState }) {
  const t = useT();
  if (state === 'connecting') return null;
  return (
    <span className={`live-badge live-badge--${state}`} data-testid="live-badge">
      <span className="live-badge__dot" aria-hidden="true" />
      {state === 'live' ? t('reg.live') : t('reg.offline')}
    </span>
  );
}

function RegisterBody<N extends RegisterName>({ name, entries, workspace }: { name: N; entries: RegisterEntries[N][]; workspace: WorkspaceDetail }) {
  switch (name) {
    case 'actions':
      return <ActionsRegister entries={entries as RegisterEntries['actions'][]} workspace={workspace} />;
    case 'commitments':
      return <CommitmentsRegister entries={entries as RegisterEntries['commitments'][]} workspace={workspace} />;
    case 'reflections':
      return <ReflectionsRegister entries={entries as RegisterEntries['reflections'][]} workspace={workspace} />;
    default:
      return <CriteriaRegister entries={entries as RegisterEntries['criteria'][]} />;
  }
}

export function RegisterPage({ workspaceId, register }: { workspaceId: string; register: RegisterName }) {
  const t = useT();
  const ws = useResource(() => api.getWorkspace(workspaceId), [workspaceId]);
  const entries = useResource(() => api.register(workspaceId, register), [workspaceId, register]);
  const live = useWorkspaceEvents(workspaceId, entries.reload);
  const feed = useCalendarFeed(workspaceId);
  usePageTitle(t(`tabs.${register}`), ws.resource.data?.name);

  if (ws.resource.status === 'loading') return <Loading />;
  if (ws.resource.status === 'error') return <ErrorState error={ws.resource.error} onRetry={ws.reload} />;
  const workspace = ws.resource.data;
  const withCalendar = register === 'actions' || register === 'reflections';

  return (
    <div className="page register-page" data-register={register}>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/">{t('ws.back')}</Link>
      </nav>
      <div className="page__head">
        <p className="register-page__workspace">{workspace.name}</p>
      </div>
      <WorkspaceTabs workspaceId={workspace.id} current={register} />
      <section className="panel register" aria-labelledby="register-title">
        <div className="register__head">
          <div>
            <h1 id="register-title" className="register__title">
              {t(`tabs.${register}`)}
            </h1>
            <p className="register__intro">{t(`reg.intro.${register}`)}</p>
          </div>
          <div className="register__tools">
            <LiveBadge state={live} />
            <a className="button button--ghost button--small" href={`${registerPath(workspace.id, register)}?format=csv`} download data-testid="csv-link">
              {t('reg.csv')}
            </a>
            {withCalendar && <CalendarFeedButton feed={feed} />}
          </div>
        </div>
        {withCalendar && <CalendarFeedPanel feed={feed} />}
        {entries.resource.status === 'loading' && <Loading />}
        {entries.resource.status === 'error' && <ErrorState error={entries.resource.error} onRetry={entries.reload} />}
        {entries.resource.status === 'ready' && <RegisterBody name={register} entries={entries.resource.data} workspace={workspace} />}
      </section>
    </div>
  );
}
