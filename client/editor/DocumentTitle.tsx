import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { updateDocumentReq } from '../../shared/api/schemas';
import { api } from '../api';
import type { DocumentSummary } from '../../shared/api/documents';
import { validate } from '../forms';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  title: string;
  editable: boolean;
  onSaved: (doc: DocumentSummary) => void;
}

/**
 * The title as the page heading; with `updateDocument` it is edited in place (Enter or leaving
 * saves, Escape undoes). The field is a one-paragraph text area that grows with its text, so a
 * long title wraps on a phone instead of being cut off; Enter never makes a line break.
 */
export function DocumentTitle({ documentId, title, editable, onSaved }: Props) {
  const t = useT();
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => setValue(title), [title]);
  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  });

  if (!editable) return <h1 className="doc-title">{title}</h1>;

  const save = async () => {
    if (value === title) return;
    const checked = validate(updateDocumentReq, { title: value });
    if (!checked.ok) {
      setError(checked.fields.title ?? checked.fields._form ?? null);
      return;
    }
    setError(null);
    await action.run(async () => onSaved(await api.updateDocument(documentId, checked.data)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      setValue(title);
      setError(null);
      // Leaving the field after Escape must not save the old text again.
      requestAnimationFrame(() => (event.target as HTMLTextAreaElement).blur());
    }
  };

  const message = error ?? action.fields.title ?? action.error;
  return (
    <h1 className="doc-title">
      <textarea
        ref={field}
        className="doc-title__input"
        name="title"
        rows={1}
        aria-label={t('doc.titleLabel')}
        value={value}
        maxLength={200}
        onChange={(e) => setValue(e.target.value.replace(/[\r\n]+/g, ' '))}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? 'doc-title-error' : undefined}
        disabled={action.busy}
      />
      {message && (
        <span className="field__error doc-title__error" id="doc-title-error" role="alert">
          {message}
        </span>
      )}
    </h1>
  );
}
