/** The owner proposes a version for adoption and picks the parties that must sign. */
import { useState, type CSSProperties, type FormEvent } from 'react';
import { api } from '../api';
import type { Version } from '../../shared/api/versions';
import type { Party } from '../../shared/api/workspaces';
import { isHexColor, noPartyColor } from '../color';
import { FormError } from '../components/Field';
import { PartyDot } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  version: Version;
  parties: Party[];
  onDone: () => void;
  onCancel: () => void;
}

export function RequestAdoptionForm({ documentId, version, parties, onDone, onCancel }: Props) {
  const t = useT();
  const action = useAction();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(parties.map((p) => p.id)));

  const toggle = (partyId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(partyId);
    else next.delete(partyId);
    setChosen(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.size === 0) {
      action.setFields({ partyIds: t('adoption.chooseParties') });
      return;
    }
    const ok = await action.run(() => api.requestAdoption(documentId, version.id, [...chosen]));
    if (ok) onDone();
  };

  return (
    <form className="adoption-form" onSubmit={(e) => void submit(e)} data-testid="adoption-form">
      <fieldset className="adoption-form__parties">
        <legend>{t('adoption.whoSigns', { label: version.label })}</legend>
        {parties.length === 0 && <p className="muted">{t('adoption.noParties')}</p>}
        {parties.map((party) => (
          <label
            key={party.id}
            className="adoption-form__party"
            style={{ '--party': isHexColor(party.color) ? party.color : noPartyColor } as CSSProperties}
          >
            <input type="checkbox" name="partyIds" value={party.id} checked={chosen.has(party.id)} onChange={(e) => toggle(party.id, e.target.checked)} />
            <PartyDot color={party.color} />
            <span>{party.name}</span>
          </label>
        ))}
        {action.fields.partyIds && <p className="field__error">{action.fields.partyIds}</p>}
      </fieldset>
      <p className="muted adoption-form__hint">{t('adoption.requestHint')}</p>
      <FormError message={action.fields.partyIds ? null : action.error} />
      <div className="row-actions">
        <button type="submit" className="button button--primary button--small" disabled={action.busy || parties.length === 0}>
          {action.busy ? t('common.loading') : t('adoption.requestSubmit')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
