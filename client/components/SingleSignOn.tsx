/**
 * Signing in through the organisation's OpenID provider: the button (only when the server has
 * one configured) and the explanation of a refused sign-in, which the server's callback sends
 * back as `?sso_error=<code>`.
 */
import { ssoErrors, type AuthOptions, type SsoError } from '../../shared/api/accounts';
import { api } from '../api';
import { useT } from '../i18n/I18n';
import { useLocation } from '../router';
import { useResource } from '../useResource';
import { Notice } from './Status';

/** What the server offers (`GET /api/auth/options`); null while loading or when it cannot say. */
export function useAuthOptions(): AuthOptions | null {
  const { resource } = useResource(() => api.authOptions(), []);
  return resource.status === 'ready' ? resource.data : null;
}

/** A full page load to the server, which sends the browser on to the provider. */
export function SsoButton({ options, next }: { options: AuthOptions | null; next: string }) {
  const t = useT();
  if (!options?.oidc) return null;
  const href = next === '/' ? '/api/auth/oidc/start' : `/api/auth/oidc/start?next=${encodeURIComponent(next)}`;
  return (
    <div className="sso">
      <a className="button button--primary sso__button" href={href}>
        {t('sso.button', { name: options.oidc.name ?? t('sso.defaultName') })}
      </a>
      <p className="sso__or">{t('sso.or')}</p>
    </div>
  );
}

const isSsoError = (code: string | null): code is SsoError => (ssoErrors as readonly (string | null)[]).includes(code);

export function SsoErrorNotice() {
  const t = useT();
  const code = useLocation().search.get('sso_error');
  if (!isSsoError(code)) return null;
  return (
    <Notice tone="error">
      <p>{t(`sso.error.${code}`)}</p>
    </Notice>
  );
}
