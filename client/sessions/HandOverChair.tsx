/** The chair hands the session to another owner or editor of the workspace. */
import { useState, type FormEvent } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import type { Member } from '../../shared/api/workspaces';
import { api } from '../api';
import { FormError, SelectField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

export function HandOverChair({ session, members, onChanged }: { session: SessionDetail; members: readonly Member[]; onChanged: (s: SessionDetail) => void }) {
  const t = useT();
  const action = useAction();
  const candidates = members.filter((m) => (m.role === 'owner' || m.role === 'editor') && m.userId !== session.chairUserId);
  const [userId, setUserId] = useState(candidates[0]?.userId ?? '');
  if (candidates.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => onChanged(await api.handOverChair(session.id, userId)));
  };
  return (
    <form className="chair-panel__group" onSubmit={(e) => void submit(e)} noValidate>
      <SelectField name="newChair" label={t('session.handOver')} value={userId} onChange={(e) => setUserId(e.target.value)} error={action.fields.userId}>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {t('session.handOverSubmit')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
