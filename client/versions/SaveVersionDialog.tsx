/** "Versie bewaren": a label for the current state, kept as an immutable version. */
import { useState, type FormEvent } from 'react';
import { createVersionReq } from '../../shared/api/schemas';
import { api } from '../api';
import type { Version } from '../../shared/api/versions';
import { Dialog } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { validate } from '../forms';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  open: boolean;
  onClose: () => void;
  onSaved: (version: Version) => void;
}

export function SaveVersionDialog({ documentId, open, onClose, onSaved }: Props) {
  const t = useT();
  const [label, setLabel] = useState('');
  /** The label of the latest version when nothing changed since it. */
  const [unchanged, setUnchanged] = useState<string | null>(null);
  const action = useAction();
  const close = () => {
    setUnchanged(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createVersionReq, { label });
    if (!checked.ok) {
      action.setFields(checked.fields);
      return;
    }
    const ok = await action.run(async () => {
      const version = await api.createVersion(documentId, checked.data.label);
      // An unchanged document is answered with its latest version, under that version's name.
      if (version.label !== checked.data.label) setUnchanged(version.label);
      else onSaved(version);
    });
    if (ok) setLabel('');
  };

  return (
    <Dialog open={open} title={t('version.saveTitle')} onClose={close} testId="save-version-dialog">
      {unchanged !== null ? (
        <UnchangedNotice label={unchanged} onClose={close} />
      ) : (
        <form onSubmit={(e) => void submit(e)} className="form" noValidate>
          <p className="muted">{t('version.saveExplain')}</p>
          <TextField
            name="label"
            label={t('version.label')}
            hint={t('version.labelHint')}
            value={label}
            error={action.fields.label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
          />
          <FormError message={action.fields.label ? null : action.error} />
          <div className="row-actions dialog__actions">
            <button type="submit" className="button button--primary" disabled={action.busy}>
              {action.busy ? t('common.loading') : t('version.saveSubmit')}
            </button>
            <button type="button" className="button button--ghost" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Saving an unchanged document keeps no copy: this says which version already holds the text. */
function UnchangedNotice({ label, onClose }: { label: string; onClose: () => void }) {
  const t = useT();
  return (
    <div role="status" data-testid="version-unchanged">
      <p>{t('version.unchanged', { label })}</p>
      <div className="row-actions dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
