import { useEffect, useState } from 'react';
import type { ReactNodeViewProps } from '@tiptap/react';
import { criterionCategories, criterionKinds } from '../../../shared/blocks/attrs';
import { checkCriteria } from '../../blocks/criteriaCheck';
import { CriteriaWarningText } from '../../blocks/CriteriaWarnings';
import { useI18n } from '../../i18n/I18n';
import { BlockCard, useBlockIssues } from './BlockCard';
import { useFieldWriter, type FieldWriter } from './fieldWriter';
import { BlockField, EnumSelect, enumLabel } from './fields';

const fieldNames = ['kind', 'weight', 'category'] as const;

/** "" and anything that is not a whole number clear the weight. */
function parseWeight(input: string): number | null {
  if (input.trim() === '') return null;
  const value = Number(input);
  return Number.isInteger(value) ? value : null;
}

interface WeightInputProps {
  id: string;
  describedBy: string | undefined;
  weight: unknown;
  placeholder: string;
  writer: FieldWriter;
}

/**
 * The weight: written as it is typed by whoever writes directly; in "Voorstellen" typed first and
 * proposed once, when the person leaves the field or presses Enter (not "3" and then "30").
 */
function WeightInput({ id, describedBy, weight, placeholder, writer }: WeightInputProps) {
  const stored = typeof weight === 'number' && Number.isFinite(weight) ? String(weight) : '';
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const propose = () => {
    if (draft === stored) return;
    writer.write({ weight: parseWeight(draft) });
    // The field shows the block as it is; the proposal shows under it until someone decides.
    setDraft(stored);
  };
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={0}
      max={100}
      step={1}
      className="input block-input block-input--weight"
      value={writer.proposing ? draft : stored}
      placeholder={placeholder}
      aria-describedby={describedBy}
      onChange={(event) => (writer.proposing ? setDraft(event.target.value) : writer.write({ weight: parseWeight(event.target.value) }))}
      onBlur={writer.proposing ? propose : undefined}
      onKeyDown={(event) => {
        if (writer.proposing && event.key === 'Enter') {
          event.preventDefault();
          propose();
        }
      }}
    />
  );
}

export function CriterionView(view: ReactNodeViewProps) {
  const { t } = useI18n();
  const writer = useFieldWriter(view);
  const attrs = view.node.attrs as Record<string, unknown>;
  const issues = useBlockIssues('criterion', attrs);
  const { kind, weight, category } = attrs;
  const kindLabel = (k: (typeof criterionKinds)[number]) => t(`criterion.kind.${k}`);
  const categoryLabel = (c: (typeof criterionCategories)[number]) => t(`criterion.category.${c}`);
  const isAward = kind === 'award';
  const barrier = checkCriteria([{ blockId: String(attrs.id ?? ''), kind, weight, category, text: view.node.textContent }]).warnings.find(
    (w) => w.code === 'barrier',
  );

  const weightField = (isAward || issues.weight) && (
    <BlockField
      label={t('criterion.weight')}
      issue={issues.weight}
      className="block-field--narrow"
      value={weight === null || weight === undefined || weight === '' ? <span className="block-field__none">{t('block.notSet')}</span> : String(weight)}
      control={writer.editable ? (id, describedBy) => <WeightInput id={id} describedBy={describedBy} weight={weight} placeholder={t('criterion.weightHint')} writer={writer} /> : null}
    />
  );

  return (
    <BlockCard
      kind="criterion"
      view={view}
      issues={issues}
      fieldNames={fieldNames}
      className={barrier ? 'block-card--barrier' : undefined}
      badges={isAward && typeof weight === 'number' ? <span className="block-badge">{weight}</span> : undefined}
      fields={
        <>
          <BlockField
            label={t('criterion.kind')}
            issue={issues.kind}
            value={enumLabel(kind, criterionKinds, kindLabel)}
            control={
              writer.editable
                ? (id, describedBy) => (
                    <EnumSelect
                      id={id}
                      describedBy={describedBy}
                      value={kind}
                      options={criterionKinds}
                      labelOf={kindLabel}
                      // Only award criteria carry a weight.
                      onChange={(v) => writer.write(v === 'award' || weight === null || weight === undefined ? { kind: v } : { kind: v, weight: null })}
                    />
                  )
                : null
            }
          />
          {weightField}
          <BlockField
            label={t('criterion.category')}
            issue={issues.category}
            value={enumLabel(category, criterionCategories, categoryLabel)}
            control={
              writer.editable
                ? (id, describedBy) => (
                    <EnumSelect
                      id={id}
                      describedBy={describedBy}
                      value={category}
                      options={criterionCategories}
                      labelOf={categoryLabel}
                      onChange={(v) => writer.write({ category: v })}
                    />
                  )
                : null
            }
          />
        </>
      }
      note={barrier ? <p className="block-card__warning" role="note"><CriteriaWarningText warning={barrier} withName={false} /></p> : undefined}
    />
  );
}
