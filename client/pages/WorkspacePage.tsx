import { api } from '../api';
import { Notice, ErrorState, Loading } from '../components/Status';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { WorkspaceTabs } from '../registers/WorkspaceTabs';
import { useResource } from '../useResource';
import { AuditSection } from '../workspace/AuditSection';
import { ContributionsSection } from '../workspace/ContributionsSection';
import { DocumentsSection } from '../workspace/DocumentsSection';
import { InvitesSection } from '../workspace/InvitesSection';
import { MembersSection } from '../workspace/MembersSection';
import { PartiesSection } from '../workspace/PartiesSection';
import { StorageSection } from '../workspace/StorageSection';
import { SessionsSection } from '../sessions/SessionsSection';
import { WorkspaceHeading } from '../workspace/WorkspaceHeading';
import { usePageTitle } from '../a11y/pageTitle';

export function WorkspacePage({ id }: { id: string }) {
  const t = useT();
  const { resource, reload } = useResource(() => api.getWorkspace(id), [id]);
  usePageTitle(t('tabs.overview'), resource.data?.name);

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  const workspace = resource.data;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/">{t('ws.back')}</Link>
      </nav>
      <WorkspaceHeading workspace={workspace} onChanged={reload} />
      <WorkspaceTabs workspaceId={workspace.id} current={null} />
      {workspace.partyId === null && (
        <Notice tone="warning">
          <p>{workspace.abilities.manageParties ? t('ws.noPartyOwner') : t('ws.noParty')}</p>
        </Notice>
      )}
      <div className="columns">
        <div className="columns__main">
          <DocumentsSection workspace={workspace} onChanged={reload} />
          <SessionsSection workspace={workspace} />
          <MembersSection workspace={workspace} onChanged={reload} />
        </div>
        <div className="columns__side">
          <ContributionsSection workspace={workspace} />
          <PartiesSection workspace={workspace} onChanged={reload} />
          {workspace.abilities.manageInvites && <InvitesSection workspace={workspace} onChanged={reload} />}
          {workspace.abilities.readAudit && <AuditSection workspace={workspace} />}
          {workspace.storage && <StorageSection storage={workspace.storage} />}
        </div>
      </div>
    </div>
  );
}
