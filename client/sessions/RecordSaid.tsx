/**
 * What a party said in its turn: recorded by the chair or by someone of that party, for the
 * current turn (or the last one once the round is over).
 */
import { useState, type FormEvent } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import type { Party } from '../../shared/api/workspaces';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  session: SessionDetail;
  parties: readonly Party[];
  myPartyId: string | null;
  onChanged: (s: SessionDetail) => void;
}

export function RecordSaid({ session, parties, myPartyId, onChanged }: Props) {
  const turn = session.turns.at(-1);
  const mayRecord = turn !== undefined && session.status === 'running' && (session.youChair || turn.partyId === myPartyId);
  if (!turn || !mayRecord) return null;
  return <SaidForm key={turn.id} session={session} turnId={turn.id} initial={turn.said} partyName={parties.find((p) => p.id === turn.partyId)?.name ?? '?'} onChanged={onChanged} />;
}

function SaidForm({ session, turnId, initial, partyName, onChanged }: { session: SessionDetail; turnId: string; initial: string; partyName: string; onChanged: (s: SessionDetail) => void }) {
  const t = useT();
  const action = useAction();
  const [said, setSaid] = useState(initial);
  const id = `said-${turnId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => onChanged(await api.saveSaid(session.id, turnId, said)));
  };
  return (
    <form className="record-said" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id} className="field__label">
        {t('session.said', { party: partyName })}
      </label>
      <textarea id={id} className="input" rows={3} maxLength={4000} value={said} onChange={(e) => setSaid(e.target.value)} />
      {action.fields.said && <p className="field__error">{action.fields.said}</p>}
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {t('session.saveSaid')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
