/** One version in the panel: what it is, and what can be done with it. */
import { useId, useState } from 'react';
import type { DocumentDetail } from '../../shared/api/documents';
import type { RestoreResult, Version } from '../../shared/api/versions';
import { useI18n } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { versionDiffPath, versionPagePath } from '../routes';
import { AdoptionBadge, AdoptionParties, KindBadge } from './AdoptionStatus';
import { DeleteVersionButton } from './DeleteVersionButton';
import { ExportLinks } from './ExportLinks';
import { RequestAdoptionForm } from './RequestAdoptionForm';
import { RestoreButton } from './RestoreButton';

interface Props {
  doc: DocumentDetail;
  version: Version;
  /** All versions, to compare this one with another. */
  versions: readonly Version[];
  onChanged: () => void;
  onRestored: (result: RestoreResult) => void;
}

function CompareWithOther({ doc, version, versions }: Pick<Props, 'doc' | 'version' | 'versions'>) {
  const { t, formatDate } = useI18n();
  const selectId = useId();
  const others = versions.filter((v) => v.id !== version.id);
  const [other, setOther] = useState(others[0]?.id ?? '');
  if (others.length === 0) return null;
  return (
    <form
      className="version-compare"
      onSubmit={(e) => {
        e.preventDefault();
        if (other) navigate(versionDiffPath(doc.id, version.id, other));
      }}
    >
      <label htmlFor={selectId} className="version-compare__label">
        {t('version.compareWith')}
      </label>
      <select id={selectId} className="input select version-compare__select" value={other} onChange={(e) => setOther(e.target.value)}>
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label} ({formatDate(v.createdAt, true)})
          </option>
        ))}
      </select>
      <button type="submit" className="button button--ghost button--small">
        {t('version.compare')}
      </button>
    </form>
  );
}

export function VersionItem({ doc, version, versions, onChanged, onRestored }: Props) {
  const { t, formatDate } = useI18n();
  const [asking, setAsking] = useState(false);
  const canAsk = doc.abilities.requestAdoption && !version.adoption;

  return (
    <li className="version" data-testid="version-item" data-version-id={version.id}>
      <details className="version__details">
        <summary className="version__summary">
          <span className="version__label">{version.label}</span>
          <span className="version__badges">
            <KindBadge kind={version.kind} />
            <AdoptionBadge adoption={version.adoption} />
          </span>
          <span className="version__meta">
            {t('version.meta', { name: version.createdByName ?? t('version.bySystem'), date: formatDate(version.createdAt, true) })}
          </span>
        </summary>
        <div className="version__body">
          <div className="row-actions">
            <Link to={versionPagePath(doc.id, version.id)} className="button button--secondary button--small">
              {t('version.open')}
            </Link>
            <Link to={versionDiffPath(doc.id, version.id, 'current')} className="button button--ghost button--small">
              {t('version.compareNow')}
            </Link>
            <RestoreButton documentId={doc.id} version={version} allowed={doc.abilities.restoreVersion} onRestored={onRestored} />
            {doc.abilities.deleteVersion && <DeleteVersionButton documentId={doc.id} version={version} onDeleted={onChanged} />}
          </div>
          <CompareWithOther doc={doc} version={version} versions={versions} />
          <div className="version__export">
            <span className="version__export-label">{t('export.title')}:</span>
            <ExportLinks documentId={doc.id} versionId={version.id} subject={t('export.ofVersion', { label: version.label })} className="export-links--inline" />
          </div>
          {version.adoption && <AdoptionParties adoption={version.adoption} />}
          {canAsk && !asking && (
            <button type="button" className="button button--secondary button--small" onClick={() => setAsking(true)}>
              {t('adoption.request')}
            </button>
          )}
          {canAsk && asking && (
            <RequestAdoptionForm
              documentId={doc.id}
              version={version}
              parties={doc.parties}
              onCancel={() => setAsking(false)}
              onDone={() => {
                setAsking(false);
                onChanged();
              }}
            />
          )}
        </div>
      </details>
    </li>
  );
}
