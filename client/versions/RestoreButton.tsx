/** Restore a version as a new change on top of the document, after a confirmation. */
import { useState } from 'react';
import { api } from '../api';
import type { RestoreResult, Version } from '../../shared/api/versions';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  version: Pick<Version, 'id' | 'label'>;
  /** abilities.restoreVersion */
  allowed: boolean;
  onRestored: (result: RestoreResult) => void;
}

export function RestoreButton({ documentId, version, allowed, onRestored }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const action = useAction();

  const restore = async () => {
    const ok = await action.run(async () => onRestored(await api.restoreVersion(documentId, version.id)));
    if (ok) setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!allowed}
        title={allowed ? undefined : t('version.restoreNotAllowed')}
        onClick={() => {
          action.reset();
          setOpen(true);
        }}
      >
        {t('version.restore')}
      </button>
      <Dialog open={open} title={t('version.restoreTitle', { label: version.label })} onClose={() => setOpen(false)} testId="restore-dialog">
        <p>{t('version.restoreExplain')}</p>
        <FormError message={action.error} />
        <div className="row-actions dialog__actions">
          <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void restore()}>
            {action.busy ? t('common.loading') : t('version.restoreConfirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
