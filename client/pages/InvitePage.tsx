import { useState } from 'react';
import { api, isApiError } from '../api';
import { LoginForm, SignupForm } from '../components/AuthForms';
import { FormError } from '../components/Field';
import { PartyChip } from '../components/PartyChip';
import { SsoButton, useAuthOptions } from '../components/SingleSignOn';
import { ErrorState, Loading, Notice } from '../components/Status';
import { useI18n } from '../i18n/I18n';
import { navigate } from '../router';
import { workspacePath } from '../routes';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { useResource } from '../useResource';
import { usePageTitle } from '../a11y/pageTitle';

type AuthTab = 'signup' | 'login';

/** Sign up or sign in without leaving the invitation. */
function AuthOnTheWay({ token }: { token: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [tab, setTab] = useState<AuthTab>('signup');
  const options = useAuthOptions();
  return (
    <div className="invite-auth">
      <p>{t('invite.needAccount')}</p>
      <SsoButton options={options} next={`/uitnodiging/${encodeURIComponent(token)}`} />
      <div className="segmented" role="group">
        <button type="button" aria-pressed={tab === 'signup'} onClick={() => setTab('signup')}>
          {t('invite.tabSignup')}
        </button>
        <button type="button" aria-pressed={tab === 'login'} onClick={() => setTab('login')}>
          {t('invite.tabLogin')}
        </button>
      </div>
      {tab === 'signup' ? <SignupForm onDone={signedIn} inviteToken={token} /> : <LoginForm onDone={signedIn} />}
    </div>
  );
}

export function InvitePage({ token }: { token: string }) {
  const { t, formatDate } = useI18n();
  const { state } = useSession();
  const { resource, reload } = useResource(() => api.getInvite(token), [token]);
  usePageTitle(t('invite.title'));
  const accept = useAction();

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    const { error } = resource;
    if (isApiError(error) && (error.status === 404 || error.status === 410)) {
      return (
        <section className="auth-card">
          <h1>{t('invite.title')}</h1>
          <Notice tone="warning">
            <p>{error.status === 410 ? t('invite.gone') : t('invite.notFound')}</p>
          </Notice>
        </section>
      );
    }
    return <ErrorState error={error} onRetry={reload} />;
  }

  const invite = resource.data;
  const user = state.user;

  const handleAccept = async () => {
    await accept.run(async () => {
      const accepted = await api.acceptInvite(token);
      navigate(workspacePath(accepted.workspaceId), { replace: true });
    });
  };

  return (
    <section className="auth-card invite-card" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      <p className="lead">{t('invite.intro')}</p>
      <p className="invite-card__workspace">{invite.workspace.name}</p>
      <dl className="facts">
        <div>
          <dt>{t('invite.as')}</dt>
          <dd>{t(`role.${invite.role}`)}</dd>
        </div>
        <div>
          <dt>{t('invite.for')}</dt>
          <dd>
            <PartyChip name={invite.party.name} color={invite.party.color} />{' '}
            <span className="muted">{t(`kind.${invite.party.kind}`)}</span>
          </dd>
        </div>
      </dl>
      <p className="muted">{t('invite.validUntil', { date: formatDate(invite.expiresAt) })}</p>
      {user ? (
        <div className="invite-card__accept">
          <p>{t('invite.signedInAs', { name: user.name, email: user.email })}</p>
          <FormError message={accept.error} />
          <button type="button" className="button button--primary" disabled={accept.busy} onClick={() => void handleAccept()}>
            {t('invite.accept')}
          </button>
        </div>
      ) : (
        <AuthOnTheWay token={token} />
      )}
    </section>
  );
}
