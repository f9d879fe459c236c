/**
 * "Are you sure?" in the page instead of the browser's confirm box: an alert dialog whose
 * confirming button has focus, so Enter confirms and Escape cancels. `useConfirm()` gives a
 * promise like `window.confirm` did, and the element to render.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import { Dialog } from './Dialog';

export interface ConfirmQuestion {
  title: string;
  message?: string;
  confirmLabel: string;
  /** A removal or another step that cannot be undone: the button looks dangerous. */
  danger?: boolean;
}

interface Pending extends ConfirmQuestion {
  answer: (yes: boolean) => void;
}

function ConfirmDialog({ pending, onAnswer }: { pending: Pending | null; onAnswer: (yes: boolean) => void }) {
  const t = useT();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);
  return (
    <Dialog open={!!pending} title={pending?.title ?? ''} onClose={() => onAnswer(false)} role="alertdialog" testId="confirm-dialog">
      {pending?.message && <p>{pending.message}</p>}
      <div className="row-actions dialog__actions">
        <button
          ref={confirmButton}
          type="button"
          className={pending?.danger ? 'button button--danger' : 'button'}
          onClick={() => onAnswer(true)}
        >
          {pending?.confirmLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onAnswer(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function useConfirm(): { ask: (question: ConfirmQuestion) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback(
    (question: ConfirmQuestion) =>
      new Promise<boolean>((resolve) => {
        setPending({ ...question, answer: resolve });
      }),
    [],
  );
  const onAnswer = (yes: boolean) => {
    pending?.answer(yes);
    setPending(null);
  };
  return { ask, dialog: <ConfirmDialog pending={pending} onAnswer={onAnswer} /> };
}
