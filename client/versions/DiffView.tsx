/** A readable diff: each change under its summary, inserted text green and underlined, deleted red and struck. */
import type { DiffEntry } from '../../shared/api/versions';
import { useT } from '../i18n/I18n';
import { compactSegments } from './diffSegments';

function Segments({ entry }: { entry: DiffEntry }) {
  const t = useT();
  const shown = compactSegments(entry.segments);
  if (shown.length === 0) return null;
  return (
    <p className="diff-entry__text">
      {shown.map((segment, index) => {
        switch (segment.op) {
          case 'insert':
            return (
              <ins key={index} className="diff-ins">
                {segment.text}
              </ins>
            );
          case 'delete':
            return (
              <del key={index} className="diff-del">
                {segment.text}
              </del>
            );
          case 'gap':
            return (
              <span key={index} className="diff-gap" title={segment.text}>
                {t('diff.gap', { count: segment.text.length })}
              </span>
            );
          default:
            return <span key={index}>{segment.text}</span>;
        }
      })}
    </p>
  );
}

export function DiffView({ entries }: { entries: readonly DiffEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <p className="empty" data-testid="diff-empty">{t('diff.none')}</p>;
  return (
    <ol className="diff-list" data-testid="diff">
      {entries.map((entry, index) => (
        <li key={`${entry.blockId ?? ''}-${index}`} className={`diff-entry diff-entry--${entry.op}`} data-testid="diff-entry">
          <h2 className="diff-entry__summary">
            <span className={`diff-op diff-op--${entry.op}`}>{t(`diff.op.${entry.op}`)}</span> {entry.summary}
          </h2>
          <Segments entry={entry} />
          {entry.fieldChanges.length > 0 && (
            <ul className="diff-entry__fields">
              {entry.fieldChanges.map((change) => (
                <li key={change.field}>{t('diff.fieldChange', { label: change.label, from: change.from, to: change.to })}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
