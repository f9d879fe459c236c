import { Inbox } from '../comments/Inbox';
import { useI18n } from '../i18n/I18n';
import { languages } from '../i18n/translate';
import { Link, navigate } from '../router';
import { useSession } from '../session';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          className="lang-switch__option"
          aria-pressed={lang === code}
          lang={code}
          title={t(`lang.${code}`)}
          onClick={() => setLang(code)}
        >
          {code.toUpperCase()}
          <span className="visually-hidden"> {t(`lang.${code}`)}</span>
        </button>
      ))}
    </div>
  );
}

export function Header() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const user = state.user;

  const handleSignOut = async () => {
    await signOut();
    navigate('/inloggen');
  };

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="site-header__inner">
        <Link to={user ? '/' : '/inloggen'} className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <div className="site-header__actions">
          {user && (
            <>
              <Inbox />
              <Link to="/account" className="site-header__user" title={t('header.account')}>
                <span className="visually-hidden">{t('header.signedInAs', { name: '' })}</span>
                {user.name}
              </Link>
              <button type="button" className="button button--ghost" onClick={() => void handleSignOut()}>
                {t('header.signOut')}
              </button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
