/**
 * The session bar above the document and on the session page: the current step, the clock,
 * whose turn it is, the lock, and follow-me (a participant follows the chair's place and can
 * step out and back in). Live regions are polite and name only what changes.
 */
import type { SessionDetail } from '../../shared/api/sessions';
import type { Party } from '../../shared/api/workspaces';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { sessionPath } from '../routes';
import { formatClock, useCountdown } from './useCountdown';

interface Props {
  session: SessionDetail;
  parties: readonly Party[];
  clockOffset: number;
  following: boolean;
  onFollowChange: (following: boolean) => void;
  /** On the document page: a link to the session page. */
  showSessionLink?: boolean;
}

export function SessionBar({ session, parties, clockOffset, following, onFollowChange, showSessionLink = false }: Props) {
  const t = useT();
  const remaining = useCountdown(session.timer, clockOffset);
  const index = session.steps.findIndex((step) => step.id === session.currentStepId);
  const step = index >= 0 ? session.steps[index] : undefined;
  const turnParty = parties.find((party) => party.id === session.turn);

  return (
    <section className="session-bar" aria-label={t('session.bar')} data-testid="session-bar">
      <div className="session-bar__step">
        <span className="session-bar__label">{step ? t('session.step', { number: index + 1, total: session.steps.length }) : t('session.noStep')}</span>
        {step && (
          <span className="session-bar__title" data-testid="session-step">
            {step.title} <span className="session-bar__kind">({t(`sessionKind.${step.kind}`)})</span>
          </span>
        )}
      </div>
      <div className="session-bar__clock" role="timer" aria-label={t('session.timer')} data-testid="session-timer">
        {remaining === null ? (
          <span className="muted">{t('session.timerNone')}</span>
        ) : (
          <>
            <span className={remaining === 0 ? 'session-clock session-clock--up' : 'session-clock'}>{formatClock(remaining)}</span>
            {session.timer?.endsAt === null && <span className="session-bar__note">{t('session.timerPaused')}</span>}
            {remaining === 0 && session.timer?.endsAt !== null && <span className="session-bar__note">{t('session.timerEnded')}</span>}
          </>
        )}
      </div>
      <div className="session-bar__turn" aria-live="polite" data-testid="session-turn">
        {turnParty ? (
          <>
            <span className="visually-hidden">{t('session.turn', { party: turnParty.name })}</span>
            <span aria-hidden="true">{t('session.turn', { party: '' }).trim()}</span> <PartyChip name={turnParty.name} color={turnParty.color} compact />
          </>
        ) : (
          <span className="muted">{t('session.noTurn')}</span>
        )}
      </div>
      <div className="session-bar__actions">
        {session.locked && <span className="status-badge">{t('session.locked')}</span>}
        {session.follow && !session.youChair && (
          <button type="button" className="button button--secondary button--small" aria-pressed={following} onClick={() => onFollowChange(!following)}>
            {following ? t('session.stepOut') : t('session.stepIn')}
          </button>
        )}
        {showSessionLink && (
          <Link to={sessionPath(session.id)} className="button button--ghost button--small">
            {t('session.toSession')}
          </Link>
        )}
      </div>
    </section>
  );
}
