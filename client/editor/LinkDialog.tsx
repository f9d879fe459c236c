/**
 * The address of a link, asked in the page instead of the browser's prompt box. An empty
 * address takes an existing link away; an address that may not be a link says so in the field.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAllowedLinkHref } from '../../shared/editor/extensions';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/I18n';

interface Props {
  open: boolean;
  /** The href of the link at the caret, or '' for a new one. */
  current: string;
  onClose: () => void;
  /** `null`: take the link away. */
  onSubmit: (href: string | null) => void;
}

export function LinkDialog({ open, current, onClose, onSubmit }: Props) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(current || 'https://');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setValue(current || 'https://');
    setError(null);
  }, [open, current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = value.trim();
    if (href === '' || href === 'https://') return onSubmit(null);
    if (!isAllowedLinkHref(href)) return setError(t('toolbar.linkInvalid'));
    onSubmit(href);
  };

  return (
    <Dialog open={open} title={t('toolbar.linkTitle')} onClose={onClose} testId="link-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('toolbar.linkPrompt')}
          </label>
          <input
            id={id}
            className="input"
            type="url"
            name="href"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <span className="field__error" id={`${id}-error`} role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="row-actions dialog__actions">
          <button type="submit" className="button">
            {t('toolbar.linkApply')}
          </button>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
