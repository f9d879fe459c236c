/** `/d/:id/versies/:vid`: one stored version, read-only, with its adoption and its exports. */
import { useMemo } from 'react';
import { api } from '../api';
import type { DocumentDetail } from '../../shared/api/documents';
import type { VersionDetail } from '../../shared/api/versions';
import { ErrorState, Loading } from '../components/Status';
import type { BlockEnv } from '../editor/blocks/BlockContext';
import { useI18n, useT } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { documentPath, versionDiffPath } from '../routes';
import { useUser } from '../session';
import { useResource } from '../useResource';
import { requestsForParty } from '../versions/adoption';
import { AdoptionBadge, AdoptionParties, KindBadge } from '../versions/AdoptionStatus';
import { ExportLinks } from '../versions/ExportLinks';
import { RestoreButton } from '../versions/RestoreButton';
import { SignDecision } from '../versions/SignDecision';
import { VersionContent } from '../versions/VersionContent';
import { usePageTitle } from '../a11y/pageTitle';

function VersionView({ doc, version, onReload }: { doc: DocumentDetail; version: VersionDetail; onReload: () => void }) {
  const { t, formatDate } = useI18n();
  const me = useUser();
  const myParty = doc.parties.find((p) => p.id === doc.partyId);
  const mustSign = !!myParty && doc.abilities.comment && requestsForParty([version], myParty.id).length > 0;
  const blockEnv = useMemo<BlockEnv>(
    () => ({
      documentId: doc.id,
      me: { id: me.id, name: me.name, partyId: doc.partyId },
      parties: doc.parties,
      members: doc.members,
      canWrite: false,
      canDecide: false,
      highlightId: null,
      frozen: true,
    }),
    [doc, me.id, me.name],
  );

  return (
    <div className="version-page" data-testid="version-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={documentPath(doc.id)}>{t('version.backToDocument', { title: doc.title })}</Link>
      </nav>
      <header className="version-page__head">
        <h1 className="version-page__title">{t('version.readOnlyTitle', { label: version.label })}</h1>
        <p className="version-page__meta">
          <KindBadge kind={version.kind} />
          <AdoptionBadge adoption={version.adoption} />
          <span className="muted">
            {t('version.meta', { name: version.createdByName ?? t('version.bySystem'), date: formatDate(version.createdAt, true) })}
          </span>
        </p>
        <p className="muted version-page__note">{t('version.readOnlyNote', { title: doc.title })}</p>
        <div className="row-actions">
          <Link to={versionDiffPath(doc.id, version.id, 'current')} className="button button--secondary button--small">
            {t('version.compareNow')}
          </Link>
          <RestoreButton documentId={doc.id} version={version} allowed={doc.abilities.restoreVersion} onRestored={() => navigate(documentPath(doc.id))} />
        </div>
        <div className="version__export">
          <span className="version__export-label">{t('export.title')}:</span>
          <ExportLinks documentId={doc.id} versionId={version.id} subject={t('export.ofVersion', { label: version.label })} className="export-links--inline" />
        </div>
      </header>
      {version.adoption && (
        <section className="panel version-page__adoption" aria-labelledby="version-adoption-title">
          <h2 id="version-adoption-title">{t('adoption.title')}</h2>
          <AdoptionParties adoption={version.adoption} />
          {mustSign && myParty && <SignDecision documentId={doc.id} version={version} party={myParty} onDone={onReload} />}
        </section>
      )}
      <VersionContent key={version.id} content={version.content} blockEnv={blockEnv} label={version.label} />
    </div>
  );
}

export function VersionPage({ id, versionId }: { id: string; versionId: string }) {
  const t = useT();
  const { resource, reload } = useResource(() => Promise.all([api.getDocument(id), api.getVersion(id, versionId)]), [id, versionId]);
  const [titleDoc, titleVersion] = resource.data ?? [];
  usePageTitle(titleVersion && t('version.readOnlyTitle', { label: titleVersion.label }), titleDoc?.title);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  const [doc, version] = resource.data;
  return <VersionView doc={doc} version={version} onReload={reload} />;
}
