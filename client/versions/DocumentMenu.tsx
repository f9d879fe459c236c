/** The document menu: keep a version, the version panel, contributions, and export. */
import { useEffect, useRef, useState } from 'react';
import { ChevronDown } from 'lucide-react';
import type { DocumentDetail } from '../../shared/api/documents';
import type { Version } from '../../shared/api/versions';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { contributionsPath } from '../routes';
import { ExportLinks } from './ExportLinks';
import { versionPanelId } from './VersionPanel';

interface Props {
  doc: DocumentDetail;
  /** The latest adopted version: its export carries the sign-off of the parties. */
  adopted: Version | null;
  versionsOpen: boolean;
  onSaveVersion: () => void;
  onToggleVersions: () => void;
}

/**
 * A disclosure with the export links; closes on Escape and on a click elsewhere. Closed by
 * the keyboard or by choosing a link, focus goes back to its button rather than to the page.
 */
function ExportMenu({ doc, adopted }: { doc: DocumentDetail; adopted: Version | null }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const closeToTrigger = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      if (ref.current?.contains(document.activeElement)) trigger.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="doc-menu__export" ref={ref}>
      <button
        ref={trigger}
        type="button"
        className="button button--ghost button--small button--icon-end"
        aria-expanded={open}
        aria-controls="export-menu"
        onClick={() => setOpen((v) => !v)}
      >
        {t('export.title')} <ChevronDown aria-hidden="true" size={16} />
      </button>
      {open && (
        <div id="export-menu" className="doc-menu__popover" data-testid="export-menu">
          <p className="doc-menu__popover-title">{t('export.current')}</p>
          <ExportLinks documentId={doc.id} subject={doc.title} onChoose={closeToTrigger} />
          {adopted && (
            <>
              <p className="doc-menu__popover-title doc-menu__popover-title--next">{t('export.adopted', { label: adopted.label })}</p>
              <ExportLinks
                documentId={doc.id}
                versionId={adopted.id}
                subject={t('export.ofVersion', { label: adopted.label })}
                onChoose={closeToTrigger}
              />
            </>
          )}
          <p className="muted doc-menu__popover-hint">{t('export.versionHint')}</p>
        </div>
      )}
    </div>
  );
}

export function DocumentMenu({ doc, adopted, versionsOpen, onSaveVersion, onToggleVersions }: Props) {
  const t = useT();
  return (
    <div className="doc-menu" role="group" aria-label={t('docMenu.label')}>
      {doc.abilities.createVersion && (
        <button type="button" className="button button--ghost button--small" onClick={onSaveVersion}>
          {t('version.save')}
        </button>
      )}
      <button
        type="button"
        className="button button--ghost button--small"
        aria-expanded={versionsOpen}
        aria-controls={versionPanelId}
        onClick={onToggleVersions}
      >
        {t('version.panelTitle')}
      </button>
      <Link to={contributionsPath(doc.id)} className="button button--ghost button--small">
        {t('docContrib.menu')}
      </Link>
      <ExportMenu doc={doc} adopted={adopted} />
    </div>
  );
}
