/** The page a verification link opens: it confirms the address at once, signed in or not. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { errorMessage } from '../forms';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { useSession } from '../session';
import { usePageTitle } from '../a11y/pageTitle';

/**
 * One request per link, however often the page mounts: the link works once, so a second request
 * (StrictMode runs effects twice in development) would answer "used" over the first one's success.
 */
const verifications = new Map<string, Promise<{ email: string }>>();
function verifyOnce(token: string): Promise<{ email: string }> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = api.verifyEmail(token);
    verifications.set(token, pending);
  }
  return pending;
}

type State = { status: 'busy' } | { status: 'done'; email: string } | { status: 'failed'; message: string };

export function VerifyEmailPage({ token }: { token: string }) {
  const t = useT();
  usePageTitle(t('verify.title'));
  const { state: session, signedIn } = useSession();
  const [state, setState] = useState<State>({ status: 'busy' });
  const user = session.status === 'ready' ? session.user : null;

  useEffect(() => {
    let live = true;
    verifyOnce(token).then(
      (verified) => live && setState({ status: 'done', email: verified.email }),
      (error: unknown) => live && setState({ status: 'failed', message: errorMessage(error, t) }),
    );
    return () => {
      live = false;
    };
    // The link is followed once, when the page opens (`t` changing must not follow it again).
  }, [token]);

  // A signed-in person sees the change on their account page without reloading.
  useEffect(() => {
    if (state.status === 'done' && user && user.email === state.email && !user.emailVerified) signedIn({ ...user, emailVerified: true });
  }, [state, user, signedIn]);

  return (
    <section className="auth-card" aria-labelledby="verify-title">
      <h1 id="verify-title">{t('verify.title')}</h1>
      {state.status === 'busy' && <p className="lead">{t('verify.busy')}</p>}
      {state.status === 'done' && (
        <p className="lead" role="status">
          {t('verify.done', { email: state.email })}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <p className="auth-card__switch">{user ? <Link to="/account">{t('verify.toAccount')}</Link> : <Link to="/inloggen">{t('forgot.toLogin')}</Link>}</p>
    </section>
  );
}
