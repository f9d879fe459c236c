/** Turns and speaking time per party: during and after the session, for everyone. */
import type { SessionDetail } from '../../shared/api/sessions';
import type { Party } from '../../shared/api/workspaces';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { formatClock } from './useCountdown';

export function SpeakingSummary({ session, parties }: { session: SessionDetail; parties: readonly Party[] }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="speaking-title">
      <h2 id="speaking-title">{t('session.speaking')}</h2>
      {session.speaking.length === 0 ? (
        <p className="empty">{t('session.noTurns')}</p>
      ) : (
        <ul className="plain-list" data-testid="speaking-summary">
          {session.speaking.map((row) => {
            const party = parties.find((p) => p.id === row.partyId);
            const said = session.turns.filter((turn) => turn.partyId === row.partyId && turn.said);
            return (
              <li key={row.partyId}>
                <PartyChip name={party?.name ?? '?'} color={party?.color ?? ''} /> {t('session.speakingRow', { count: row.turns, time: formatClock(row.ms) })}
                {said.map((turn) => (
                  <p key={turn.id} className="session-said">
                    {turn.said}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
