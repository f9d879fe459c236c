/**
 * The chair opens a poll: a question, a kind, the options (typed, or the workspace's award
 * criteria with one tap each, so their result can become the weights), who votes, anonymous,
 * results hidden until the close.
 */
import { useEffect, useState } from 'react';
import type { CriterionEntry } from '../../../shared/api/registers';
import type { CreatePollReq } from '../../../shared/api/pollSchemas';
import { defaultPointsBudget, pollKinds, pollLimits, pollUnits, type PollKind, type PollUnit } from '../../../shared/sessions/polls';
import { api } from '../../api';
import { FormError, SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n/I18n';
import { useAction } from '../../useAction';

interface OptionDraft {
  label: string;
  blockId?: string;
}

export function CreatePollForm({ sessionId, workspaceId, stepId, onCreated }: { sessionId: string; workspaceId: string; stepId: string | null; onCreated: () => void }) {
  const t = useT();
  const action = useAction();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('points');
  const [budget, setBudget] = useState(defaultPointsBudget);
  const [maxPerOption, setMaxPerOption] = useState(3);
  const [unit, setUnit] = useState<PollUnit>('person');
  const [anonymous, setAnonymous] = useState(false);
  const [resultsHidden, setResultsHidden] = useState(false);
  const [options, setOptions] = useState<OptionDraft[]>([{ label: '' }, { label: '' }]);
  const [criteria, setCriteria] = useState<CriterionEntry[]>([]);

  useEffect(() => {
    let current = true;
    api.register(workspaceId, 'criteria').then(
      (rows) => current && setCriteria(rows.filter((row) => row.valid && row.kind === 'award' && !row.documentArchived)),
      () => current && setCriteria([]),
    );
    return () => {
      current = false;
    };
  }, [workspaceId]);

  const counted = kind === 'points' || kind === 'dots';
  const unused = criteria.filter((c) => !options.some((o) => o.blockId === c.blockId));
  const nameOf = (c: CriterionEntry) => (c.text.split('\n')[0] || c.blockId).slice(0, pollLimits.optionLabelMax);

  const submit = () =>
    action.run(async () => {
      const body: CreatePollReq = {
        question,
        kind,
        options: options.filter((o) => o.label.trim() || o.blockId).map((o) => (o.blockId ? { label: o.label, blockId: o.blockId } : { label: o.label })),
        unit,
        anonymous,
        resultsHidden,
        ...(counted ? { budget } : {}),
        ...(kind === 'dots' ? { maxPerOption } : {}),
        ...(stepId ? { stepId } : {}),
      };
      await api.createPoll(sessionId, body);
      setQuestion('');
      setOptions([{ label: '' }, { label: '' }]);
      onCreated();
    });

  return (
    <form
      className="poll-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('poll.new')}</h3>
      <TextField name="question" label={t('poll.question')} value={question} maxLength={pollLimits.questionMax} error={action.fields.question} onChange={(e) => setQuestion(e.target.value)} />
      <SelectField name="kind" label={t('poll.kind')} value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
        {pollKinds.map((k) => (
          <option key={k} value={k}>
            {t(`pollKind.${k}`)}
          </option>
        ))}
      </SelectField>
      {counted && (
        <TextField name="budget" type="number" min={1} max={pollLimits.maxBudget} label={t('poll.budget')} value={budget} error={action.fields.budget} onChange={(e) => setBudget(Number(e.target.value))} />
      )}
      {kind === 'dots' && (
        <TextField name="maxPerOption" type="number" min={1} max={pollLimits.maxBudget} label={t('poll.maxPerOption')} value={maxPerOption} error={action.fields.maxPerOption} onChange={(e) => setMaxPerOption(Number(e.target.value))} />
      )}
      <SelectField name="unit" label={t('poll.unit')} value={unit} onChange={(e) => setUnit(e.target.value as PollUnit)}>
        {pollUnits.map((u) => (
          <option key={u} value={u}>
            {t(`pollUnit.${u}`)}
          </option>
        ))}
      </SelectField>
      <label className="checkbox-field">
        <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span>{t('poll.anonymous')}</span>
      </label>
      <label className="checkbox-field">
        <input type="checkbox" name="resultsHidden" checked={resultsHidden} onChange={(e) => setResultsHidden(e.target.checked)} />
        <span>{t('poll.resultsHidden')}</span>
      </label>
      <fieldset className="poll-form__options">
        <legend>{t('poll.options')}</legend>
        {options.map((option, i) => (
          <div key={i} className="poll-form__option">
            <TextField
              name={`options.${i}.label`}
              label={t('poll.option', { number: i + 1 })}
              value={option.label}
              maxLength={pollLimits.optionLabelMax}
              error={action.fields[`options.${i}.label`] ?? action.fields[`options.${i}.blockId`]}
              onChange={(e) => setOptions(options.map((o, j) => (j === i ? { ...o, label: e.target.value } : o)))}
            />
            <button type="button" className="button button--ghost" aria-label={t('poll.removeOption', { number: i + 1 })} onClick={() => setOptions(options.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        {options.length < pollLimits.maxOptions && (
          <button type="button" className="button button--secondary" onClick={() => setOptions([...options, { label: '' }])}>
            {t('poll.addOption')}
          </button>
        )}
      </fieldset>
      {unused.length > 0 && (
        <div className="chair-panel__group" role="group" aria-label={t('poll.criteria')}>
          <span className="muted">{t('poll.criteria')}:</span>
          {unused.map((c) => (
            <button
              key={`${c.documentId}/${c.blockId}`}
              type="button"
              className="button button--secondary"
              onClick={() => setOptions([...options.filter((o) => o.label.trim() || o.blockId), { label: nameOf(c), blockId: c.blockId }])}
            >
              {t('poll.addCriterion', { name: nameOf(c) })}
            </button>
          ))}
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('poll.create')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
