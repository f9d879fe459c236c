/** The agenda: every step with its kind and planned time; the chair can go to any step. */
import type { SessionDetail } from '../../shared/api/sessions';
import { useT } from '../i18n/I18n';

interface Props {
  session: SessionDetail;
  /** Given to the chair: moves the session to that step. */
  onGoTo?: (stepId: string) => void;
  busy?: boolean;
}

export function AgendaList({ session, onGoTo, busy }: Props) {
  const t = useT();
  if (session.steps.length === 0) return <p className="empty">{t('session.noStep')}</p>;
  return (
    <ol className="agenda" data-testid="agenda">
      {session.steps.map((step) => {
        const current = step.id === session.currentStepId;
        return (
          <li key={step.id} className={current ? 'agenda__step agenda__step--current' : 'agenda__step'} aria-current={current ? 'step' : undefined}>
            <div className="agenda__head">
              <span className="agenda__title">{step.title}</span>
              <span className="agenda__meta">
                {t(`sessionKind.${step.kind}`)} · {t('session.minutes', { count: step.minutes })}
              </span>
            </div>
            {step.instruction && <p className="agenda__instruction">{step.instruction}</p>}
            {onGoTo && !current && (
              <button type="button" className="button button--ghost button--small" disabled={busy} onClick={() => onGoTo(step.id)} aria-label={`${t('session.goToStep')}: ${step.title}`}>
                {t('session.goToStep')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
