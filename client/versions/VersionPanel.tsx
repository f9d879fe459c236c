/** "Versies": the side panel with the document's versions, newest first. */
import { useEffect, useRef } from 'react';
import type { DocumentDetail } from '../../shared/api/documents';
import type { RestoreResult, Version } from '../../shared/api/versions';
import { ErrorState, Loading } from '../components/Status';
import { useT } from '../i18n/I18n';
import type { Resource } from '../useResource';
import { VersionItem } from './VersionItem';
import { X } from 'lucide-react';

interface Props {
  doc: DocumentDetail;
  versions: Resource<Version[]>;
  onChanged: () => void;
  onRestored: (result: RestoreResult) => void;
  onClose: () => void;
}

export const versionPanelId = 'version-panel';

export function VersionPanel({ doc, versions, onChanged, onRestored, onClose }: Props) {
  const t = useT();
  const panel = useRef<HTMLElement>(null);
  // On a phone the panel opens above the editor, possibly just below the screen's edge: bring it into view.
  useEffect(() => {
    // A block body: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    void panel.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  let body;
  if (versions.status === 'loading') body = <Loading />;
  else if (versions.status === 'error') body = <ErrorState error={versions.error} onRetry={onChanged} />;
  else if (versions.data.length === 0) body = <p className="empty">{t('version.empty')}</p>;
  else {
    body = (
      <ul className="plain-list version-list">
        {versions.data.map((version) => (
          <VersionItem key={version.id} doc={doc} version={version} versions={versions.data} onChanged={onChanged} onRestored={onRestored} />
        ))}
      </ul>
    );
  }
  return (
    <section ref={panel} id={versionPanelId} className="side-panel version-panel" aria-labelledby="version-panel-title" data-testid="version-panel">
      <div className="side-panel__head">
        <h2 id="version-panel-title">{t('version.panelTitle')}</h2>
        <button type="button" className="dialog__close" aria-label={t('version.closePanel')} title={t('version.closePanel')} onClick={onClose}>
          <X aria-hidden="true" size={18} />
        </button>
      </div>
      <p className="muted version-panel__intro">{t('version.panelIntro')}</p>
      {body}
    </section>
  );
}
