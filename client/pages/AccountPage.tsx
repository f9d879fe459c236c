/**
 * "Mijn account": name and address, password, where one is signed in, one's data to take along,
 * and deleting the account (issue 17, accounts for life).
 */
import { useState, type FormEvent } from 'react';
import { changePasswordReq, deleteMeReq, updateMeReq } from '../../shared/api/schemas';
import { api } from '../api';
import { languages, type Language } from '../../shared/i18n/messages';
import { FormError, SelectField, TextField } from '../components/Field';
import { ErrorState, Loading } from '../components/Status';
import { useI18n } from '../i18n/I18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { useResource } from '../useResource';
import { useSchemaForm } from '../useSchemaForm';
import { usePageTitle } from '../a11y/pageTitle';

/** Whether the address is confirmed, and a new link when it is not (mails about workspaces wait for it). */
function EmailStatus({ verified }: { verified: boolean }) {
  const { t } = useI18n();
  const action = useAction();
  const [sent, setSent] = useState(false);
  if (verified) return <p className="field__hint email-status email-status--verified">{t('account.emailVerified')}</p>;
  return (
    <div className="email-status" role="group" aria-label={t('account.emailUnverified')}>
      <p className="field__hint">{t('account.emailUnverified')}</p>
      <FormError message={action.error} />
      {sent ? (
        <p className="form__success" role="status">
          {t('account.verificationSent')}
        </p>
      ) : (
        <button type="button" className="button button--small" disabled={action.busy} onClick={() => void action.run(api.resendVerification).then((ok) => ok && setSent(true))}>
          {t('account.resendVerification')}
        </button>
      )}
    </div>
  );
}

function ProfileForm() {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const user = state.status === 'ready' ? state.user : null;
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [language, setLanguage] = useState<Language>(user?.language ?? 'nl');
  const [workspaceMails, setWorkspaceMails] = useState(user?.workspaceMails ?? true);
  const [currentPassword, setCurrentPassword] = useState('');
  // A new address asks for the password: whoever holds only this session cannot move the account.
  const movesAddress = Boolean(user?.hasPassword) && email.trim().toLowerCase() !== (user?.email ?? '');
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(updateMeReq);
  const { errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await form.submit({ name, email, language, workspaceMails, ...(movesAddress ? { currentPassword } : {}) }, async (body) => signedIn(await api.updateMe(body)))) {
      setSaved(true);
      setCurrentPassword('');
    }
  };

  return (
    <section className="panel" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profileTitle')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={form.error} />
        <TextField name="name" label={t('account.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={120} autoComplete="name" required />
        <TextField name="email" type="email" label={t('account.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} maxLength={254} autoComplete="email" required />
        {movesAddress && (
          <TextField name="currentPassword" type="password" label={t('account.currentPasswordForEmail')} value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} error={errors.currentPassword} autoComplete="current-password" required />
        )}
        {user && <EmailStatus verified={user.emailVerified} />}
        <SelectField name="language" label={t('account.mailLanguage')} value={language} onChange={(e) => setLanguage(e.target.value as Language)} error={errors.language}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {t(`lang.${code}`)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox-field">
          <input type="checkbox" name="workspaceMails" checked={workspaceMails} onChange={(e) => setWorkspaceMails(e.target.checked)} />
          <span>{t('account.workspaceMails')}</span>
        </label>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('account.save')}
        </button>
        {saved && (
          <p className="form__success" role="status">
            {t('account.saved')}
          </p>
        )}
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const { state } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useSchemaForm(changePasswordReq);
  const { errors } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (await form.submit({ current, password }, api.changePassword)) {
      setCurrent('');
      setPassword('');
      setDone(true);
    }
  };

  if (state.user?.hasPassword === false) {
    return (
      <section className="panel" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.passwordTitle')}</h2>
        <p>{t('account.noPassword')}</p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={form.error} />
        <TextField name="current" type="password" label={t('account.currentPassword')} value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current} autoComplete="current-password" required />
        <TextField name="password" type="password" label={t('account.newPassword')} hint={t('account.newPasswordHint')} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} autoComplete="new-password" required />
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('account.changePassword')}
        </button>
        {done && (
          <p className="form__success" role="status">
            {t('account.passwordChanged')}
          </p>
        )}
      </form>
    </section>
  );
}

function Sessions() {
  const { t, formatDate } = useI18n();
  const { resource, reload } = useResource(() => api.mySessions(), []);
  const action = useAction();
  return (
    <section className="panel" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('account.sessionsTitle')}</h2>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <ErrorState error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <ul className="plain-list">
            {resource.data.map((session, index) => (
              <li key={index}>
                <strong>{session.userAgent ?? t('account.unknownBrowser')}</strong>
                {session.current && <> · {t('account.thisBrowser')}</>}
                <br />
                <span className="card__meta">{session.createdAt ? t('account.signedInOn', { date: formatDate(session.createdAt) }) : t('account.signedInEarlier')}</span>
              </li>
            ))}
          </ul>
          <FormError message={action.error} />
          <button
            type="button"
            className="button"
            disabled={action.busy || resource.data.length < 2}
            onClick={() => void action.run(api.signOutElsewhere).then((ok) => ok && reload())}
          >
            {t('account.signOutElsewhere')}
          </button>
        </>
      )}
    </section>
  );
}

function DeleteAccount() {
  const { t } = useI18n();
  const { signOut, state } = useSession();
  const [password, setPassword] = useState('');
  const form = useSchemaForm(deleteMeReq);
  const withPassword = state.user?.hasPassword !== false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.submit(withPassword ? { password } : {}, api.deleteMe)) {
      await signOut();
      navigate('/inloggen', { replace: true });
    }
  };

  return (
    <section className="panel panel--danger" aria-labelledby="account-delete">
      <h2 id="account-delete">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteExplain')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={form.error} />
        {withPassword ? (
          <TextField name="password" type="password" label={t('account.deletePassword')} value={password} onChange={(e) => setPassword(e.target.value)} error={form.errors.password} autoComplete="current-password" required />
        ) : (
          <p>{t('account.deleteFreshSignIn')}</p>
        )}
        <button type="submit" className="button button--danger" disabled={form.busy}>
          {t('account.delete')}
        </button>
      </form>
    </section>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  usePageTitle(t('account.title'));
  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('account.title')}</h1>
        <p className="lead">{t('account.intro')}</p>
      </div>
      <div className="columns">
        <div className="columns__main">
          <ProfileForm />
          <PasswordForm />
          <Sessions />
        </div>
        <aside className="columns__side">
          <section className="panel" aria-labelledby="account-export">
            <h2 id="account-export">{t('account.exportTitle')}</h2>
            <p>{t('account.exportExplain')}</p>
            <a className="button" href="/api/me/export" download>
              {t('account.export')}
            </a>
          </section>
          <DeleteAccount />
        </aside>
      </div>
    </div>
  );
}
