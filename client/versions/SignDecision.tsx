/** "Akkoord namens <partij>" or "Niet akkoord" with a reason, for one version's adoption. */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api';
import type { Version } from '../../shared/api/versions';
import type { Party } from '../../shared/api/workspaces';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface Props {
  documentId: string;
  version: Version;
  party: Party;
  onDone: () => void;
}

export function SignDecision({ documentId, version, party, onDone }: Props) {
  const t = useT();
  const action = useAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const sign = async () => {
    if (await action.run(() => api.signAdoption(documentId, version.id, { decision: 'sign' }))) onDone();
  };

  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      action.setFields({ reason: t('adoption.reasonRequired') });
      return;
    }
    if (await action.run(() => api.signAdoption(documentId, version.id, { decision: 'decline', reason: reason.trim() }))) {
      setDeclining(false);
      setReason('');
      onDone();
    }
  };

  if (declining) {
    return (
      <form className="sign-decision sign-decision--decline" onSubmit={(e) => void decline(e)} noValidate>
        <div className={action.fields.reason ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={reasonId}>
            {t('adoption.reason', { party: party.name })}
          </label>
          <textarea
            id={reasonId}
            name="reason"
            className="input textarea"
            rows={3}
            maxLength={2000}
            value={reason}
            required
            autoFocus
            aria-invalid={action.fields.reason ? true : undefined}
            aria-describedby={action.fields.reason ? `${reasonId}-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {action.fields.reason && (
            <p className="field__error" id={`${reasonId}-error`}>
              {action.fields.reason}
            </p>
          )}
        </div>
        <FormError message={action.fields.reason ? null : action.error} />
        <div className="row-actions">
          <button type="submit" className="button button--danger-ghost button--small" disabled={action.busy}>
            {action.busy ? t('common.loading') : t('adoption.declineSubmit')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setDeclining(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="sign-decision">
      <div className="row-actions">
        <button type="button" className="button button--primary button--small" disabled={action.busy} onClick={() => void sign()}>
          {action.busy ? t('common.loading') : t('adoption.sign', { party: party.name })}
        </button>
        <button
          type="button"
          className="button button--danger-ghost button--small"
          disabled={action.busy}
          onClick={() => {
            action.reset();
            setDeclining(true);
          }}
        >
          {t('adoption.decline')}
        </button>
      </div>
      <FormError message={action.error} />
    </div>
  );
}
