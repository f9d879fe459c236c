/**
 * The head of a register table, which a phone shows as cards (CSS display). The explicit roles
 * keep the table's semantics when the display changes; the last column holds the attention flag.
 */
import { useT } from '../i18n/I18n';

export interface CardColumn {
  label: string;
  className?: string;
}

export function CardTableHead({ columns }: { columns: readonly CardColumn[] }) {
  const t = useT();
  return (
    <thead role="rowgroup">
      <tr role="row">
        {columns.map((column) => (
          <th key={column.label} role="columnheader" scope="col" className={column.className}>
            {column.label}
          </th>
        ))}
        <th role="columnheader" scope="col" className="col--flag">
          <span className="visually-hidden">{t('reg.attention')}</span>
        </th>
      </tr>
    </thead>
  );
}
