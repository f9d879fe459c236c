/**
 * A participant's ballot: points with a counter of what is left, dots, a score of 1 to 5 per
 * option, or a stance per option with a reason (required with an objection). The server checks
 * the ballot; its field messages are shown as they come.
 */
import { useState } from 'react';
import type { PollDetail } from '../../../shared/api/polls';
import type { AllocationInput } from '../../../shared/api/pollSchemas';
import { consentStances, pollLimits, type ConsentStance } from '../../../shared/sessions/polls';
import { api } from '../../api';
import { FormError } from '../../components/Field';
import { useT } from '../../i18n/I18n';
import { useAction } from '../../useAction';
import { ballotProgress } from './ballotProgress';

const scores = Array.from({ length: pollLimits.scoreMax - pollLimits.scoreMin + 1 }, (_, i) => pollLimits.scoreMin + i);

export function BallotForm({ poll, onCast }: { poll: PollDetail; onCast: () => void }) {
  const t = useT();
  const action = useAction();
  const [numbers, setNumbers] = useState<Record<string, number>>({});
  const [stances, setStances] = useState<Record<string, ConsentStance>>({});
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const consent = poll.kind === 'consent';
  const progress = ballotProgress(poll.kind, poll.budget, poll.options.map((o) => numbers[o.id] ?? 0));
  const ready = consent ? poll.options.every((o) => stances[o.id]) : poll.kind === 'score' ? poll.options.every((o) => numbers[o.id]) : progress.complete;

  const submit = () =>
    action.run(async () => {
      const allocations: AllocationInput[] = poll.options.map((o) => ({ optionId: o.id, value: consent ? stances[o.id]! : (numbers[o.id] ?? 0) }));
      const cast = await api.castBallot(poll.id, { allocations, ...(consent && reason.trim() ? { reason } : {}) });
      setNote(t(cast.replaced ? 'poll.replaced' : 'poll.voted'));
      onCast();
    });

  return (
    <form
      className="ballot"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {poll.anonymous && <p className="muted">{t('poll.anonymousNote')}</p>}
      {progress.left !== null && (
        <p className="ballot__left" aria-live="polite">
          {t(poll.kind === 'points' ? 'poll.pointsLeft' : 'poll.dotsLeft', { left: progress.left, budget: poll.budget ?? 0 })}
        </p>
      )}
      {poll.options.map((option) => (
        <fieldset key={option.id} className="ballot__option">
          <legend>{option.label}</legend>
          {consent ? (
            <div className="ballot__choices">
              {consentStances.map((stance) => (
                <label key={stance} className="checkbox-field">
                  <input type="radio" name={`stance-${option.id}`} checked={stances[option.id] === stance} onChange={() => setStances({ ...stances, [option.id]: stance })} />
                  <span>{t(`stance.${stance}`)}</span>
                </label>
              ))}
            </div>
          ) : poll.kind === 'score' ? (
            <div className="ballot__choices" role="radiogroup" aria-label={t('poll.scoreFor', { option: option.label })}>
              {scores.map((score) => (
                <label key={score} className="checkbox-field">
                  <input type="radio" name={`score-${option.id}`} checked={numbers[option.id] === score} onChange={() => setNumbers({ ...numbers, [option.id]: score })} />
                  <span>{score}</span>
                </label>
              ))}
            </div>
          ) : (
            <input
              className="input ballot__number"
              type="number"
              inputMode="numeric"
              min={0}
              max={poll.kind === 'dots' ? (poll.maxPerOption ?? poll.budget ?? undefined) : (poll.budget ?? undefined)}
              aria-label={t('poll.valueFor', { option: option.label })}
              value={numbers[option.id] ?? 0}
              onChange={(e) => setNumbers({ ...numbers, [option.id]: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
            />
          )}
        </fieldset>
      ))}
      {consent && (
        <label className="field">
          <span className="field__label">{t('poll.reason')}</span>
          <textarea className="input" rows={3} maxLength={pollLimits.reasonMax} value={reason} onChange={(e) => setReason(e.target.value)} />
          {action.fields.reason && <span className="field__error">{action.fields.reason}</span>}
        </label>
      )}
      {action.fields.allocations && <p className="form-error">{action.fields.allocations}</p>}
      <button type="submit" className="button button--primary" disabled={action.busy || !ready}>
        {poll.unit === 'party' && poll.youVoted ? t('poll.voteAgain') : t('poll.vote')}
      </button>
      {note && <p role="status">{note}</p>}
      <FormError message={action.error} />
    </form>
  );
}
