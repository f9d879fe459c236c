/** Restore a version as a new change on top of the document, after a confirmation. */
import { api } from '../api';
import type { RestoreResult, Version } from '../../shared/api/versions';
import { useT } from '../i18n/I18n';
import { ConfirmedAction } from './ConfirmedAction';

interface Props {
  documentId: string;
  version: Pick<Version, 'id' | 'label'>;
  /** abilities.restoreVersion */
  allowed: boolean;
  onRestored: (result: RestoreResult) => void;
}

export function RestoreButton({ documentId, version, allowed, onRestored }: Props) {
  const t = useT();
  return (
    <ConfirmedAction
      label={t('version.restore')}
      buttonClass="button button--secondary button--small"
      disabled={!allowed}
      disabledReason={t('version.restoreNotAllowed')}
      title={t('version.restoreTitle', { label: version.label })}
      explain={t('version.restoreExplain')}
      confirmLabel={t('version.restoreConfirm')}
      confirmClass="button button--primary"
      dialogTestId="restore-dialog"
      onConfirm={async () => onRestored(await api.restoreVersion(documentId, version.id))}
    />
  );
}
