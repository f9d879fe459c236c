/**
 * A button whose action asks first, in the page: an alert dialog (components/Dialog),
 * so focus moves into it and back, Escape cancels, and a screen reader hears its title and
 * text. Restoring and deleting a version both go through it.
 */
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  /** The button in the page, and its look. */
  label: string;
  buttonClass: string;
  disabled?: boolean;
  /** Why the button is disabled, shown as its tooltip. */
  disabledReason?: string;
  buttonTestId?: string;
  /** The question, its explanation and the confirming button. */
  title: string;
  explain: string;
  confirmLabel: string;
  confirmClass: string;
  dialogTestId: string;
  /** Runs on confirmation; the dialog closes once it succeeded and shows the error otherwise. */
  onConfirm: () => Promise<unknown>;
}

export function ConfirmedAction(props: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const action = useAction();

  const confirm = async () => {
    if (await action.run(props.onConfirm)) setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        className={props.buttonClass}
        disabled={props.disabled}
        title={props.disabled ? props.disabledReason : undefined}
        data-testid={props.buttonTestId}
        onClick={() => {
          action.reset();
          setOpen(true);
        }}
      >
        {props.label}
      </button>
      <Dialog open={open} title={props.title} onClose={() => setOpen(false)} testId={props.dialogTestId} role="alertdialog">
        <p>{props.explain}</p>
        <FormError message={action.error} />
        <div className="row-actions dialog__actions">
          <button type="button" className={props.confirmClass} disabled={action.busy} onClick={() => void confirm()}>
            {action.busy ? t('common.loading') : props.confirmLabel}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
