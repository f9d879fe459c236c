/**
 * "Alles tegelijk": accept or reject all open suggestions of one person or one party with one
 * click (`POST …/suggestions/decide`). Shown when someone has more than one open suggestion, or
 * a party has suggestions from more than one person. Those the server does not let this person
 * decide (another party's commitment) stay open, and the row says how many.
 */
import { useState } from 'react';
import type { SuggestionRes } from '../../shared/api/suggestions';
import { api } from '../api';
import { errorMessage } from '../forms';
import { useT } from '../i18n/I18n';

interface Group {
  key: string;
  name: string;
  color: string | null;
  count: number;
  of: { userId: string } | { partyId: string };
}

/** People with several open suggestions, and parties whose suggestions come from several people. */
export function bulkGroups(suggestions: readonly SuggestionRes[]): Group[] {
  const people = new Map<string, Group>();
  const parties = new Map<string, Group & { people: Set<string> }>();
  for (const { suggester } of suggestions) {
    if (suggester.id) {
      const person = people.get(suggester.id) ?? { key: `user:${suggester.id}`, name: suggester.name ?? '', color: suggester.partyColor, count: 0, of: { userId: suggester.id } };
      person.count += 1;
      people.set(suggester.id, person);
    }
    if (suggester.partyId) {
      const party = parties.get(suggester.partyId) ?? { key: `party:${suggester.partyId}`, name: suggester.partyName ?? '', color: suggester.partyColor, count: 0, of: { partyId: suggester.partyId }, people: new Set<string>() };
      party.count += 1;
      if (suggester.id) party.people.add(suggester.id);
      parties.set(suggester.partyId, party);
    }
  }
  return [...[...people.values()].filter((person) => person.count > 1), ...[...parties.values()].filter((party) => party.people.size > 1).map(({ people: _people, ...party }) => party)];
}

export function DecideAllOf({ documentId, suggestions, onChanged }: { documentId: string; suggestions: readonly SuggestionRes[]; onChanged: () => void }) {
  const t = useT();
  const groups = bulkGroups(suggestions);
  if (groups.length === 0) return null;
  return (
    <details className="suggestions-bulk" data-testid="suggestions-bulk">
      <summary>{t('suggest.bulkTitle')}</summary>
      <ul>
        {groups.map((group) => (
          <BulkRow key={group.key} documentId={documentId} group={group} onChanged={onChanged} />
        ))}
      </ul>
    </details>
  );
}

function BulkRow({ documentId, group, onChanged }: { documentId: string; group: Group; onChanged: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const decide = async (decision: 'accept' | 'reject') => {
    setBusy(true);
    setNote(null);
    try {
      const answer = await api.decideSuggestions(documentId, decision, group.of);
      if (answer.refused.length > 0) setNote(t('suggest.bulkLeftOpen', { count: answer.refused.length }));
      onChanged();
    } catch (failure) {
      setNote(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="suggestions-bulk__row" style={{ borderLeftColor: group.color ?? undefined }}>
      <span>{t('suggest.bulkWho', { name: group.name, count: group.count })}</span>
      <span className="suggestion__actions">
        <button type="button" className="button button--small" disabled={busy} aria-label={t('suggest.acceptAllLabel', { name: group.name })} onClick={() => void decide('accept')}>
          {t('suggest.acceptAll')}
        </button>
        <button type="button" className="button button--ghost button--small" disabled={busy} aria-label={t('suggest.rejectAllLabel', { name: group.name })} onClick={() => void decide('reject')}>
          {t('suggest.rejectAll')}
        </button>
      </span>
      {note && (
        <span className="suggestion__error" role="status">
          {note}
        </span>
      )}
    </li>
  );
}
