/** `/d/:id/bijdragen`: the contributions view of one document. */
import { api } from '../api';
import { ErrorState, Loading } from '../components/Status';
import { ContributionsView } from '../attribution/ContributionsView';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { documentPath } from '../routes';
import { useResource } from '../useResource';
import { usePageTitle } from '../a11y/pageTitle';

export function ContributionsPage({ id }: { id: string }) {
  const t = useT();
  const { resource, reload } = useResource(() => Promise.all([api.getDocument(id), api.documentContributions(id)]), [id]);
  usePageTitle(t('docContrib.menu'), resource.data?.[0].title);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  const [doc, data] = resource.data;
  return (
    <div className="contrib-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={documentPath(doc.id)}>{t('version.backToDocument', { title: doc.title })}</Link>
      </nav>
      <div className="title-row">
        <h1>{t('docContrib.title', { title: doc.title })}</h1>
        <button type="button" className="button button--ghost button--small" onClick={reload}>
          {t('docContrib.refresh')}
        </button>
      </div>
      <p className="muted">{t('docContrib.intro')}</p>
      <ContributionsView data={data} />
    </div>
  );
}
