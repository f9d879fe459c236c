/**
 * A modal dialog on React Aria (react-aria-components): focus moves in and is kept inside,
 * Escape and the close button close it, focus goes back to what opened it, and the rest of
 * the page is hidden from screen readers while it is open. `role="alertdialog"` is for
 * questions that interrupt (are you sure?).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { X } from 'lucide-react';
import { useT } from '../i18n/I18n';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Optional test id on the dialog element. */
  testId?: string;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ open, title, onClose, children, testId, role = 'dialog' }: DialogProps) {
  const t = useT();
  const frame = useRef<HTMLElement>(null);

  useEffect(() => {
    // React Aria focuses the dialog itself; a form field is more useful where there is one.
    if (open) frame.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [open]);

  return (
    <ModalOverlay className="dialog-overlay" isOpen={open} onOpenChange={(isOpen) => !isOpen && onClose()} isDismissable>
      <Modal className="dialog">
        <AriaDialog className="dialog__frame" role={role} data-testid={testId} ref={frame}>
          <div className="dialog__head">
            <Heading slot="title" className="dialog__title">
              {title}
            </Heading>
            <button type="button" className="dialog__close" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
              <X aria-hidden="true" size={18} />
            </button>
          </div>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
