import { useCallback, useState } from 'react';
import { errorMessage, fieldErrorsOf, type FieldErrors } from './forms';
import { useT } from './i18n/I18n';

/**
 * Runs one API action for a button or form: tracks busy state and turns a failure into a
 * message (and field messages for forms). Resolves to whether the action succeeded.
 */
export function useAction() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setFields({});
      try {
        await action();
        return true;
      } catch (caught) {
        setError(errorMessage(caught, t));
        setFields(fieldErrorsOf(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const reset = useCallback(() => {
    setError(null);
    setFields({});
  }, []);

  return { busy, error, fields, setFields, run, reset };
}
