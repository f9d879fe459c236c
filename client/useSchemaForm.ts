import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { validate, type FieldErrors } from './forms';
import { useAction } from './useAction';

/**
 * A form checked with a shared zod schema before it is sent: field messages from the check, or
 * from the server's 400, beside their fields; one message for the form otherwise. `submit`
 * resolves to whether the request succeeded.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S) {
  const action = useAction();
  const { run } = action;
  const [checked, setChecked] = useState<FieldErrors>({});
  const submit = useCallback(
    async (values: unknown, send: (data: z.output<S>) => Promise<unknown>): Promise<boolean> => {
      const result = validate(schema, values);
      if (!result.ok) {
        setChecked(result.fields);
        return false;
      }
      setChecked({});
      return run(() => send(result.data));
    },
    [schema, run],
  );
  return { submit, busy: action.busy, error: action.error, errors: { ...checked, ...action.fields } as FieldErrors };
}
