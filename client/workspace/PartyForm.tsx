import { useState, type FormEvent } from 'react';
import { partyKinds, type PartyKind } from '../../shared/api/roles';
import { createPartyReq } from '../../shared/api/schemas';
import type { Party } from '../../shared/api/workspaces';
import { FormError, SelectField, TextField } from '../components/Field';
import { validate, type FieldErrors } from '../forms';
import { useT } from '../i18n/I18n';

export interface PartyValues {
  name: string;
  kind: PartyKind;
  color: string;
}

interface Props {
  initial: { name: string; kind: PartyKind | ''; color: string };
  submitLabel: string;
  busy: boolean;
  error: string | null;
  fields: FieldErrors;
  onSubmit: (values: PartyValues) => Promise<boolean>;
  onCancel?: () => void;
}

/** Name, kind and colour of a party; used to add one and to edit one. */
export function PartyForm({ initial, submitLabel, busy, error, fields, onSubmit, onCancel }: Props) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...fields, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createPartyReq, values);
    if (!checked.ok) return setLocalErrors(checked.fields);
    setLocalErrors({});
    const done = await onSubmit({ name: checked.data.name, kind: checked.data.kind, color: checked.data.color ?? values.color });
    if (done && !onCancel) setValues({ name: '', kind: '', color: values.color });
  };

  return (
    <form className="form party-form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={error} />
      <TextField
        name="name"
        label={t('parties.name')}
        value={values.name}
        onChange={(e) => setValues({ ...values, name: e.target.value })}
        error={errors.name}
        maxLength={120}
        required
      />
      <div className="form__row">
        <SelectField
          name="kind"
          label={t('parties.kind')}
          value={values.kind}
          onChange={(e) => setValues({ ...values, kind: e.target.value as PartyKind | '' })}
          error={errors.kind}
          required
        >
          <option value="" disabled>
            {t('parties.chooseKind')}
          </option>
          {partyKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="color"
          type="color"
          label={t('parties.color')}
          value={values.color}
          onChange={(e) => setValues({ ...values, color: e.target.value })}
          error={errors.color}
          fieldClassName="field--color"
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function partyFormValues(party: Party) {
  return { name: party.name, kind: party.kind, color: party.color };
}
