import { LoginForm, SignupForm } from '../components/AuthForms';
import { SsoButton, SsoErrorNotice, useAuthOptions } from '../components/SingleSignOn';
import { Notice } from '../components/Status';
import { useT } from '../i18n/I18n';
import { Link, navigate, useLocation } from '../router';
import { authPath, safeNext } from '../routes';
import { useSession } from '../session';
import type { User } from '../../shared/api/accounts';
import { usePageTitle } from '../a11y/pageTitle';

function useFinishAuth() {
  const { signedIn } = useSession();
  const location = useLocation();
  const next = safeNext(location.search.get('next'));
  return {
    next,
    finish: (user: User) => {
      signedIn(user);
      navigate(next, { replace: true });
    },
  };
}

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const { next, finish } = useFinishAuth();
  const options = useAuthOptions();
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <SsoErrorNotice />
      <SsoButton options={options} next={next} />
      <LoginForm onDone={finish} />
      <p className="auth-card__switch">
        <Link to="/wachtwoord-vergeten">{t('login.forgot')}</Link>
      </p>
      <p className="auth-card__switch">
        {t('login.noAccount')} <Link to={authPath('signup', next)}>{t('login.toSignup')}</Link>
      </p>
    </section>
  );
}

export function SignupPage() {
  const t = useT();
  usePageTitle(t('signup.title'));
  const { next, finish } = useFinishAuth();
  const options = useAuthOptions();
  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{t('signup.title')}</h1>
      <p className="lead">{t('signup.intro')}</p>
      <SsoButton options={options} next={next} />
      {options?.signup === 'domains' && <p className="muted">{t('signup.domainsOnly', { domains: (options.domains ?? []).join(', ') })}</p>}
      {options?.signup === 'invite' ? (
        <Notice>
          <p>{t('signup.inviteOnly')}</p>
        </Notice>
      ) : (
        <SignupForm onDone={finish} />
      )}
      <p className="auth-card__switch">
        {t('signup.haveAccount')} <Link to={authPath('login', next)}>{t('signup.toLogin')}</Link>
      </p>
    </section>
  );
}
