import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}

function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> & {
  /** Equal to the API field, so tests and autofill can find it. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  fieldClassName?: string;
};

/** A labelled input with its hint or error message tied to it for screen readers. */
export function TextField({ name, label, hint, error, fieldClassName, id, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? `${generated}-${name}`;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        id={inputId}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  fieldClassName?: string;
  children: ReactNode;
};

export function SelectField({ name, label, hint, error, fieldClassName, id, children, ...select }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? `${generated}-${name}`;
  return (
    <FieldShell id={selectId} label={label} hint={hint} error={error} className={fieldClassName}>
      <select
        id={selectId}
        name={name}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A message about the whole form (or a whole action), announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
