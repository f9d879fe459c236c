import type { WebsocketProvider } from 'y-websocket';
import { PartyDot } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { usePresence } from './usePresence';

/** Who is in this document now: name and party, in the party's colour. */
export function Presence({ provider }: { provider: WebsocketProvider }) {
  const t = useT();
  const people = usePresence(provider);
  return (
    <section className="side-panel presence" aria-labelledby="presence-title">
      <h2 id="presence-title">{t('presence.title')}</h2>
      <ul className="presence__list" data-testid="presence">
        {people.map((person) => (
          <li key={person.id} className="presence__person" data-user-id={person.id}>
            <PartyDot color={person.color} />
            <span className="presence__name">
              {person.name}
              {person.isSelf && <span className="muted"> ({t('common.you')})</span>}
            </span>
            <span className="presence__party">{person.partyName || t('presence.noParty')}</span>
          </li>
        ))}
      </ul>
      {people.length <= 1 && <p className="muted presence__alone">{t('presence.alone')}</p>}
    </section>
  );
}
