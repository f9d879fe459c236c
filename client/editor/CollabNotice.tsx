import { Link } from '../router';
import { authPath } from '../routes';
import { useT } from '../i18n/I18n';
import type { MessageKey } from '../i18n/translate';
import type { Problem } from './useCollaboration';

interface Props {
  problem: Problem;
  returnTo: string;
  onReconnect: () => void;
  onDismiss: () => void;
}

/** Explains why the connection closed, with the one thing the person can do about it. */
export function CollabNotice({ problem, returnTo, onReconnect, onDismiss }: Props) {
  const t = useT();
  const tone = problem.terminal ? 'error' : problem.kind === 'roleChanged' ? 'info' : 'warning';
  return (
    <div className={`notice notice--${tone} collab-notice`} role="alert" data-problem={problem.kind}>
      <p>{t(`close.${problem.kind}` as MessageKey)}</p>
      {problem.kind === 'sessionEnded' && (
        <a className="button button--primary button--small" href={authPath('login', returnTo)} target="_blank" rel="noopener">
          {t('close.signIn')}
        </a>
      )}
      {problem.kind === 'updateRejected' && problem.terminal && (
        <button type="button" className="button button--secondary button--small" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      )}
      {(problem.kind === 'accessRevoked' || problem.kind === 'documentUnavailable' || problem.kind === 'sessionEnded') && (
        <button type="button" className="button button--secondary button--small" onClick={onReconnect}>
          {t('close.reconnect')}
        </button>
      )}
      {!problem.terminal && (
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          {t('common.close')}
        </button>
      )}
      {problem.kind === 'accessRevoked' && (
        <Link to="/" className="collab-notice__home">
          {t('notFound.home')}
        </Link>
      )}
    </div>
  );
}
