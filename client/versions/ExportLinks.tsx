/** Download links to the server's export, of the document now or of one version. */
import { exportPath } from '../api';
import { type ExportFormat, exportFormats } from '../../shared/api/documents';
import { useT } from '../i18n/I18n';
import type { MessageKey } from '../i18n/translate';

const formatLabelKeys: Record<ExportFormat, MessageKey> = {
  docx: 'export.format.docx',
  odt: 'export.format.odt',
  pdf: 'export.format.pdf',
  md: 'export.format.md',
  html: 'export.format.html',
};

interface Props {
  documentId: string;
  versionId?: string;
  /** What the links are about, for screen readers ("Exporteren van versie X als PDF"). */
  subject: string;
  className?: string;
  /** After a link was chosen (a menu closes itself). */
  onChoose?: () => void;
}

export function ExportLinks({ documentId, versionId, subject, className, onChoose }: Props) {
  const t = useT();
  return (
    <ul className={['export-links', className ?? ''].filter(Boolean).join(' ')}>
      {exportFormats.map((format) => {
        const label = t(formatLabelKeys[format]);
        return (
          <li key={format}>
            <a
              href={exportPath(documentId, format, versionId)}
              download
              className="export-links__link"
              data-format={format}
              onClick={onChoose}
              aria-label={t('export.linkLabel', { subject, format: label })}
            >
              {label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
