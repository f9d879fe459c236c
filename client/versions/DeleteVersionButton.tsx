/** Delete a version (owners), after a confirmation; a version under adoption cannot go, and the button says why. */
import { api } from '../api';
import type { Version } from '../../shared/api/versions';
import { useT } from '../i18n/I18n';
import { ConfirmedAction } from './ConfirmedAction';

interface Props {
  documentId: string;
  version: Pick<Version, 'id' | 'label' | 'adoption'>;
  onDeleted: () => void;
}

export function DeleteVersionButton({ documentId, version, onDeleted }: Props) {
  const t = useT();
  return (
    <ConfirmedAction
      label={t('version.delete')}
      buttonClass="button button--danger-ghost button--small"
      disabled={version.adoption !== null}
      disabledReason={t('version.deleteInAdoption')}
      buttonTestId="delete-version"
      title={t('version.deleteTitle', { label: version.label })}
      explain={t('version.deleteExplain')}
      confirmLabel={t('version.deleteConfirm')}
      confirmClass="button button--danger"
      dialogTestId="delete-version-dialog"
      onConfirm={async () => {
        await api.deleteVersion(documentId, version.id);
        onDeleted();
      }}
    />
  );
}
