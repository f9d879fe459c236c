/** `/d/:id/versies/:vid/vergelijken/:against`: a version compared with now or with another version. */
import { useId } from 'react';
import { api } from '../api';
import type { DocumentDetail } from '../../shared/api/documents';
import type { Version, VersionDiff } from '../../shared/api/versions';
import { ErrorState, Loading } from '../components/Status';
import { useI18n, useT } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { documentPath, versionDiffPath, versionPagePath } from '../routes';
import { useResource } from '../useResource';
import { DiffView } from '../versions/DiffView';
import { usePageTitle } from '../a11y/pageTitle';

interface ViewProps {
  doc: DocumentDetail;
  versions: Version[];
  diff: VersionDiff;
  versionId: string;
  against: string;
}

function DiffPageView({ doc, versions, diff, versionId, against }: ViewProps) {
  const { t, formatDate } = useI18n();
  const selectId = useId();
  const toLabel = against === 'current' ? t('diff.now') : t('diff.versionLabel', { label: diff.to.label });
  return (
    <div className="diff-page" data-testid="diff-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={documentPath(doc.id)}>{t('version.backToDocument', { title: doc.title })}</Link>
      </nav>
      <h1>{t('diff.title')}</h1>
      <p className="diff-page__sub">
        {t('diff.fromTo', { from: diff.from.label, to: toLabel })} ·{' '}
        <Link to={versionPagePath(doc.id, versionId)}>{t('diff.openVersion', { label: diff.from.label })}</Link>
      </p>
      <div className="diff-page__controls">
        <label htmlFor={selectId}>{t('diff.compareWith', { label: diff.from.label })}</label>
        <select id={selectId} className="input select" value={against} onChange={(e) => navigate(versionDiffPath(doc.id, versionId, e.target.value), { replace: true })}>
          <option value="current">{t('diff.now')}</option>
          {versions
            .filter((v) => v.id !== versionId)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({formatDate(v.createdAt, true)})
              </option>
            ))}
        </select>
        <p className="diff-legend" aria-hidden="true">
          <ins className="diff-ins">{t('diff.legendInserted')}</ins> <del className="diff-del">{t('diff.legendDeleted')}</del>
        </p>
      </div>
      <DiffView entries={diff.entries} />
    </div>
  );
}

export function VersionDiffPage({ id, versionId, against }: { id: string; versionId: string; against: string }) {
  const { resource, reload } = useResource(
    () => Promise.all([api.getDocument(id), api.versions(id), api.diffVersion(id, versionId, against)]),
    [id, versionId, against],
  );
  const t = useT();
  usePageTitle(t('diff.title'), resource.data?.[0].title);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  const [doc, versions, diff] = resource.data;
  return <DiffPageView doc={doc} versions={versions} diff={diff} versionId={versionId} against={against} />;
}
