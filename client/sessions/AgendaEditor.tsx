/**
 * Changing a session's title and agenda (owners and editors): steps with a title, an
 * instruction, minutes and a kind, added, removed and moved. The server checks every field and
 * answers with a message per field (`steps.2.minutes`), shown at that field.
 */
import { useState, type FormEvent } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import { stepKinds, type StepKind } from '../../shared/sessions/steps';
import { api } from '../api';
import { FormError, SelectField, TextField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

interface DraftStep {
  /** Kept for steps that exist, so the current step survives the edit. */
  id?: string;
  key: string;
  title: string;
  instruction: string;
  minutes: string;
  kind: StepKind;
  guestsWrite: boolean;
}

let drafted = 0;
const draftOf = (session: SessionDetail): DraftStep[] =>
  session.steps.map((step) => ({ id: step.id, key: step.id, title: step.title, instruction: step.instruction, minutes: String(step.minutes), kind: step.kind, guestsWrite: step.guestsWrite }));

export function AgendaEditor({ session, onSaved, onCancel }: { session: SessionDetail; onSaved: (s: SessionDetail) => void; onCancel: () => void }) {
  const t = useT();
  const action = useAction();
  const [title, setTitle] = useState(session.title);
  const [steps, setSteps] = useState<DraftStep[]>(() => draftOf(session));
  const errors = action.fields;

  const update = (index: number, change: Partial<DraftStep>) => setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const move = (index: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title,
      steps: steps.map((step) => ({ ...(step.id ? { id: step.id } : {}), title: step.title, instruction: step.instruction, minutes: Number(step.minutes), kind: step.kind, guestsWrite: step.guestsWrite })),
    };
    await action.run(async () => onSaved(await api.updateSession(session.id, body)));
  };

  return (
    <form className="panel agenda-editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agenda-editor-title">
      <h2 id="agenda-editor-title">{t('session.editAgenda')}</h2>
      <TextField name="title" label={t('sessions.newTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} maxLength={200} />
      <ol className="agenda-editor__steps">
        {steps.map((step, index) => (
          <li key={step.key}>
            <fieldset className="agenda-editor__step">
              <legend>{t('session.step', { number: index + 1, total: steps.length })}</legend>
              <TextField name={`step-${step.key}-title`} label={t('session.stepTitle')} value={step.title} onChange={(e) => update(index, { title: e.target.value })} error={errors[`steps.${index}.title`]} maxLength={200} />
              <TextField name={`step-${step.key}-instruction`} label={t('session.stepInstruction')} value={step.instruction} onChange={(e) => update(index, { instruction: e.target.value })} error={errors[`steps.${index}.instruction`]} maxLength={2000} />
              <div className="agenda-editor__row">
                <TextField name={`step-${step.key}-minutes`} type="number" inputMode="numeric" min={1} max={480} label={t('session.stepMinutes')} value={step.minutes} onChange={(e) => update(index, { minutes: e.target.value })} error={errors[`steps.${index}.minutes`]} />
                <SelectField name={`step-${step.key}-kind`} label={t('session.stepKind')} value={step.kind} onChange={(e) => update(index, { kind: e.target.value as StepKind })} error={errors[`steps.${index}.kind`]}>
                  {stepKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`sessionKind.${kind}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <label className="checkbox-field">
                <input type="checkbox" name={`step-${step.key}-guests-write`} checked={step.guestsWrite} onChange={(e) => update(index, { guestsWrite: e.target.checked })} />
                <span>{t('session.guestsWrite')}</span>
              </label>
              <div className="row-actions">
                <button type="button" className="button button--ghost button--small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${t('session.moveUp')}: ${step.title}`}>
                  {t('session.moveUp')}
                </button>
                <button type="button" className="button button--ghost button--small" disabled={index === steps.length - 1} onClick={() => move(index, 1)} aria-label={`${t('session.moveDown')}: ${step.title}`}>
                  {t('session.moveDown')}
                </button>
                <button type="button" className="button button--danger-ghost button--small" onClick={() => setSteps((all) => all.filter((_, i) => i !== index))} aria-label={`${t('session.removeStep')}: ${step.title}`}>
                  {t('session.removeStep')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="row-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setSteps((all) => [...all, { key: `new-${(drafted += 1)}`, title: '', instruction: '', minutes: '10', kind: 'talk', guestsWrite: false }])}
        >
          {t('session.addStep')}
        </button>
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('session.saveAgenda')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <FormError message={action.error} />
    </form>
  );
}
