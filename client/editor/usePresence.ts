import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { isHexColor, noPartyColor } from '../color';
import type { AwarenessUser } from './useCollaboration';

export interface PresentPerson extends AwarenessUser {
  clientId: number;
  isSelf: boolean;
}

function toPerson(clientId: number, state: Record<string, unknown>, selfId: number): PresentPerson | null {
  const user = state.user as Partial<AwarenessUser> | undefined;
  if (!user || typeof user.name !== 'string' || user.name.trim() === '') return null;
  return {
    clientId,
    isSelf: clientId === selfId,
    name: user.name,
    color: isHexColor(user.color) ? user.color : noPartyColor,
    partyName: typeof user.partyName === 'string' ? user.partyName : '',
    id: typeof user.id === 'string' ? user.id : `client-${clientId}`,
    partyId: typeof user.partyId === 'string' ? user.partyId : null,
  };
}

/**
 * Who is in the document now, from awareness. One entry per person: the same person in two
 * tabs is shown once. The own entry comes first.
 */
export function usePresence(provider: WebsocketProvider): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);

  useEffect(() => {
    const { awareness } = provider;
    const refresh = () => {
      const byUser = new Map<string, PresentPerson>();
      for (const [clientId, state] of awareness.getStates()) {
        const person = toPerson(clientId, state, awareness.clientID);
        if (!person) continue;
        const known = byUser.get(person.id);
        if (!known || person.isSelf) byUser.set(person.id, person);
      }
      const list = [...byUser.values()].sort(
        (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
      );
      setPeople(list);
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [provider]);

  return people;
}
