/** "Opslag": what the workspace stores, for owners, who can free space by deleting versions. */
import type { StorageUsage } from '../../shared/api/workspaces';
import { useI18n } from '../i18n/I18n';
import { localeOf } from '../i18n/translate';
import { formatBytes } from './storageFigure';

export function StorageSection({ storage }: { storage: StorageUsage }) {
  const { t, lang } = useI18n();
  const locale = localeOf(lang);
  return (
    <section className="panel storage" aria-labelledby="storage-title" data-testid="storage">
      <h2 id="storage-title">{t('storage.title')}</h2>
      <dl className="storage__figures">
        <dt>{t('storage.documents')}</dt>
        <dd data-testid="storage-documents">{formatBytes(storage.documentsBytes, locale)}</dd>
        <dt>{t('storage.versions')}</dt>
        <dd data-testid="storage-versions">{formatBytes(storage.versionsBytes, locale)}</dd>
      </dl>
      <p className="muted storage__hint">{t('storage.hint')}</p>
    </section>
  );
}
