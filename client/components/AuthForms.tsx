import { useState, type FormEvent } from 'react';
import { loginReq, signupReq } from '../../shared/api/schemas';
import { api, isApiError } from '../api';
import type { User } from '../../shared/api/accounts';
import { errorMessage, fieldErrorsOf, validate, type FieldErrors } from '../forms';
import { useI18n, useT } from '../i18n/I18n';
import { FormError, TextField } from './Field';

interface AuthFormProps {
  onDone: (user: User) => void;
}

export function LoginForm({ onDone }: AuthFormProps) {
  const t = useT();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = validate(loginReq, values);
    if (!checked.ok) return setErrors(checked.fields);
    setErrors({});
    setBusy(true);
    try {
      onDone(await api.login(checked.data));
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={formError} />
      <TextField
        name="email"
        type="email"
        label={t('field.email')}
        autoComplete="email"
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })}
        error={errors.email}
        required
      />
      <TextField
        name="password"
        type="password"
        label={t('field.password')}
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
        error={errors.password}
        required
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}

/** `inviteToken`: signing up from an invite link, which lets the person in where `SIGNUP` limits sign-up. */
export function SignupForm({ onDone, inviteToken }: AuthFormProps & { inviteToken?: string }) {
  const t = useT();
  // werktafel's mails to this person follow the language they signed up in.
  const { lang } = useI18n();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = validate(signupReq, { ...values, language: lang, ...(inviteToken === undefined ? {} : { inviteToken }) });
    if (!checked.ok) return setErrors(checked.fields);
    setErrors({});
    setBusy(true);
    try {
      onDone(await api.signup(checked.data));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      // email_taken (409) and signup_closed (403) are about the address: show them next to it.
      if (isApiError(error) && (error.code === 'email_taken' || error.code === 'signup_closed')) {
        setErrors({ email: errorMessage(error, t) });
      } else {
        setFormError(errorMessage(error, t));
      }
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={formError} />
      <TextField
        name="name"
        label={t('field.name')}
        hint={t('field.nameHint')}
        autoComplete="name"
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={errors.name}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('field.email')}
        autoComplete="email"
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })}
        error={errors.email}
        required
      />
      <TextField
        name="password"
        type="password"
        label={t('field.password')}
        hint={t('field.passwordHint')}
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
        error={errors.password}
        required
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('signup.submit')}
      </button>
    </form>
  );
}
