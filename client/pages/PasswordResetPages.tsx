/** "Wachtwoord vergeten": ask for a link by mail, then choose a new password with it. */
import { useState, type FormEvent } from 'react';
import { passwordResetReq, passwordResetRequestReq } from '../../shared/api/schemas';
import { api } from '../api';
import { FormError, TextField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { useSchemaForm } from '../useSchemaForm';
import { usePageTitle } from '../a11y/pageTitle';

export function ForgotPasswordPage() {
  const t = useT();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSchemaForm(passwordResetRequestReq);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit({ email }, api.requestPasswordReset)) setSent(true);
  };

  return (
    <section className="auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {sent ? (
        <p className="lead" role="status">
          {t('forgot.sent', { email })}
        </p>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            <FormError message={form.error} />
            <TextField name="email" type="email" label={t('account.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={form.errors.email} autoComplete="email" required />
            <button type="submit" className="button button--primary" disabled={form.busy}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p className="auth-card__switch">
        <Link to="/inloggen">{t('forgot.toLogin')}</Link>
      </p>
    </section>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const t = useT();
  usePageTitle(t('reset.title'));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useSchemaForm(passwordResetReq);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit({ password }, (body) => api.resetPassword(token, body))) setDone(true);
  };

  return (
    <section className="auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {done ? (
        <p className="lead" role="status">
          {t('reset.done')} <Link to="/inloggen">{t('forgot.toLogin')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormError message={form.error} />
          <TextField name="password" type="password" label={t('account.newPassword')} hint={t('reset.hint')} value={password} onChange={(e) => setPassword(e.target.value)} error={form.errors.password} autoComplete="new-password" required />
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('reset.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
