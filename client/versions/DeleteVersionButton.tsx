/**
 * Delete a version (owners), after a confirmation in the page: the browser's own <dialog>, so
 * focus moves into it and back, Escape cancels, and a screen reader hears its title and text.
 * A version under adoption cannot go: the button says why instead.
 */
import { useState } from 'react';
import { api } from '../api';
import type { Version } from '../../shared/api/versions';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  version: Pick<Version, 'id' | 'label' | 'adoption'>;
  onDeleted: () => void;
}

export function DeleteVersionButton({ documentId, version, onDeleted }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const action = useAction();
  const inAdoption = version.adoption !== null;

  const remove = async () => {
    const ok = await action.run(() => api.deleteVersion(documentId, version.id));
    if (ok) {
      setOpen(false);
      onDeleted();
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--danger-ghost button--small"
        disabled={inAdoption}
        title={inAdoption ? t('version.deleteInAdoption') : undefined}
        data-testid="delete-version"
        onClick={() => {
          action.reset();
          setOpen(true);
        }}
      >
        {t('version.delete')}
      </button>
      <Dialog open={open} title={t('version.deleteTitle', { label: version.label })} onClose={() => setOpen(false)} testId="delete-version-dialog">
        <p>{t('version.deleteExplain')}</p>
        <FormError message={action.error} />
        <div className="row-actions dialog__actions">
          <button type="button" className="button button--danger" disabled={action.busy} onClick={() => void remove()}>
            {action.busy ? t('common.loading') : t('version.deleteConfirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
