/**
 * A poll's results: per option per person and with every party weighing the same, each party's
 * own result, the consent stances and reasons. Hidden results say only that they are hidden.
 * For the chair, on a closed points poll over criteria: "Gewichten toepassen".
 */
import type { PollDetail, PollResults, StanceCounts } from '../../../shared/api/polls';
import type { Party } from '../../../shared/api/workspaces';
import { api } from '../../api';
import { FormError } from '../../components/Field';
import { useT } from '../../i18n/I18n';
import { useAction } from '../../useAction';

const figure = (n: number) => String(Math.round(n * 10) / 10);

interface Props {
  poll: PollDetail;
  results: PollResults;
  parties: readonly Party[];
  onApplied: () => void;
}

export function PollResultsView({ poll, results, parties, onApplied }: Props) {
  const t = useT();
  const action = useAction();
  const partyName = (id: string | null) => (id === null ? t('poll.noParty') : (parties.find((p) => p.id === id)?.name ?? '?'));
  const stances = (counts: StanceCounts) => t('minutes.consentCounts', { consent: figure(counts.consent), discuss: figure(counts.discuss), object: figure(counts.object) });
  const canApply = poll.youMayApplyWeights && poll.weightsAppliedAt === null && poll.kind === 'points' && poll.status === 'closed' && poll.options.every((o) => o.blockId) && results.ballots > 0;

  if (results.hidden) {
    return (
      <div className="poll-results">
        <p className="muted">{t('poll.hiddenUntilClose')}</p>
        <p className="muted">{t('poll.ballots', { ballots: results.ballots, parties: '–' })}</p>
      </div>
    );
  }
  return (
    <div className="poll-results">
      <p className="muted">{t('poll.ballots', { ballots: results.ballots, parties: results.parties })}</p>
      {poll.kind === 'consent' ? (
        <ul className="poll-results__list">
          {results.options.map((option, index) => (
            <li key={option.optionId}>
              <strong>{option.label}</strong>: {stances(option.stances!)}
              <ul>
                {results.byParty.map((party) => (
                  <li key={party.partyId ?? 'none'}>
                    {partyName(party.partyId)}: {stances(party.perOption[index]!.stances!)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-scroll">
          <table className="poll-results__table">
            <thead>
              <tr>
                <th scope="col">{t('minutes.option')}</th>
                <th scope="col">{t('poll.perPerson')}</th>
                <th scope="col">{t('poll.partyEqual')}</th>
              </tr>
            </thead>
            <tbody>
              {results.options.map((option) => (
                <tr key={option.optionId}>
                  <th scope="row">{option.label}</th>
                  <td>{`${figure(option.perPerson)} (${figure(option.perPersonShare)}%)`}</td>
                  <td>{`${figure(option.partyEqual)} (${figure(option.partyEqualShare)}%)`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {poll.kind !== 'consent' && results.byParty.length > 0 && (
        <>
          <h4>{t('poll.byParty')}</h4>
          <ul className="poll-results__list">
            {results.byParty.map((party) => (
              <li key={party.partyId ?? 'none'}>
                <strong>{`${partyName(party.partyId)} (${party.ballots})`}</strong>:{' '}
                {party.perOption.map((o) => `${results.options.find((r) => r.optionId === o.optionId)?.label ?? ''} ${figure(o.value)}`).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {results.reasons.length > 0 && (
        <>
          <h4>{t('poll.reasons')}</h4>
          <ul className="poll-results__list">
            {results.reasons.map((r, i) => (
              <li key={i}>{r.partyId ? `${partyName(r.partyId)}: ${r.reason}` : r.reason}</li>
            ))}
          </ul>
        </>
      )}
      {poll.weightsAppliedAt !== null && <p role="status">{t('poll.weightsApplied')}</p>}
      {canApply && (
        <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void action.run(async () => (await api.applyWeights(poll.id), onApplied()))}>
          {t('poll.applyWeights')}
        </button>
      )}
      <FormError message={action.error} />
    </div>
  );
}
