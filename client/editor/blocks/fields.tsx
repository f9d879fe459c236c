/** The controls of a block card: labelled, with a "Let op" line when the stored value is invalid. */
import { useId, type CSSProperties, type ReactNode } from 'react';
import type { Member, Party } from '../../../shared/api/workspaces';
import { isHexColor, noPartyColor } from '../../color';
import { PartyChip } from '../../components/PartyChip';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { DateField, DateInput as AriaDateInput, DateSegment, I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { useI18n, useT } from '../../i18n/I18n';
import { localeOf } from '../../i18n/translate';

interface BlockFieldProps {
  label: string;
  /** The validation message for this field, if its value is invalid. */
  issue?: string | undefined;
  /** The control, when the person may edit; gets the id the label points at. */
  control?: ((id: string, describedBy: string | undefined) => ReactNode) | null;
  /** What read-only people see instead. */
  value: ReactNode;
  className?: string;
}

export function BlockField({ label, issue, control, value, className }: BlockFieldProps) {
  const t = useT();
  const id = useId();
  const issueId = issue ? `${id}-issue` : undefined;
  const classes = ['block-field', issue ? 'block-field--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {control ? (
        <label className="block-field__label" htmlFor={id}>
          {label}
        </label>
      ) : (
        <span className="block-field__label">{label}</span>
      )}
      {control ? control(id, issueId) : <span className="block-field__value">{value}</span>}
      {issue && (
        <span className="block-field__issue" id={issueId} role="note">
          {t('block.attention', { message: issue })}
        </span>
      )}
    </div>
  );
}

const partyStyle = (color: string | undefined): CSSProperties =>
  ({ '--party': isHexColor(color) ? color : noPartyColor }) as CSSProperties;

interface PartySelectProps {
  id: string;
  describedBy: string | undefined;
  value: unknown;
  parties: readonly Party[];
  emptyLabel: string;
  disabled?: boolean;
  onChange: (partyId: string | null) => void;
}

/** A party select that shows the chosen party's colour; the empty choice is visibly marked. */
export function PartySelect({ id, describedBy, value, parties, emptyLabel, disabled, onChange }: PartySelectProps) {
  const t = useT();
  const current = typeof value === 'string' && value ? value : '';
  const party = parties.find((p) => p.id === current);
  const unknown = current !== '' && !party;
  const classes = ['input', 'select', 'block-select', 'party-select', current === '' ? 'party-select--empty' : ''];
  return (
    <select
      id={id}
      className={classes.filter(Boolean).join(' ')}
      style={partyStyle(party?.color)}
      value={current}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value || null)}
    >
      <option value="">{emptyLabel}</option>
      {parties.map((p) => (
        <option key={p.id} value={p.id} style={{ color: isHexColor(p.color) ? p.color : undefined }}>
          {p.name}
        </option>
      ))}
      {unknown && <option value={current}>{t('block.invalidValue', { value: current })}</option>}
    </select>
  );
}

/** A party as a chip, or a marked "none" text. */
export function PartyValue({ partyId, parties, emptyLabel }: { partyId: unknown; parties: readonly Party[]; emptyLabel: string }) {
  const party = parties.find((p) => p.id === partyId);
  if (party) return <PartyChip name={party.name} color={party.color} compact />;
  if (typeof partyId === 'string' && partyId) return <span className="block-field__unknown">{partyId}</span>;
  return <span className="block-field__none">{emptyLabel}</span>;
}

interface EnumSelectProps<V extends string> {
  id: string;
  describedBy: string | undefined;
  value: unknown;
  options: readonly V[];
  labelOf: (value: V) => string;
  onChange: (value: V) => void;
  className?: string;
}

/** A select over a fixed list; a stored value outside the list stays visible as invalid. */
export function EnumSelect<V extends string>({ id, describedBy, value, options, labelOf, onChange, className }: EnumSelectProps<V>) {
  const t = useT();
  const known = (options as readonly unknown[]).includes(value);
  const raw = value === null || value === undefined ? '' : String(value);
  return (
    <select
      id={id}
      className={['input', 'select', 'block-select', className ?? ''].filter(Boolean).join(' ')}
      value={known ? String(value) : `__invalid:${raw}`}
      aria-describedby={describedBy}
      onChange={(event) => {
        const next = event.target.value;
        if ((options as readonly string[]).includes(next)) onChange(next as V);
      }}
    >
      {!known && <option value={`__invalid:${raw}`}>{t('block.invalidValue', { value: raw || '—' })}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {labelOf(option)}
        </option>
      ))}
    </select>
  );
}

/** The label of a known enum value, or the raw value marked. */
export function enumLabel<V extends string>(value: unknown, options: readonly V[], labelOf: (v: V) => string): string {
  if ((options as readonly unknown[]).includes(value)) return labelOf(value as V);
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Members to choose from: those of `partyId` when one is chosen, else everyone. */
export function membersFor(members: readonly Member[], partyId: unknown): Member[] {
  const list = typeof partyId === 'string' && partyId ? members.filter((m) => m.partyId === partyId) : [...members];
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

interface DateInputProps {
  id: string;
  describedBy: string | undefined;
  /** The field's name: a date field is a group of segments, which a <label for> cannot name. */
  label: string;
  value: unknown;
  onChange: (value: string | null) => void;
}

/** A stored `YYYY-MM-DD` as a calendar date, or null for anything that is not a real date. */
function calendarDateOf(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    const date = parseDate(value);
    return date.toString() === value ? date : null;
  } catch {
    return null;
  }
}

/**
 * A date in the interface's own order and words (day-month-year in nl-NL and en-GB), not the
 * browser's; React Aria's DateField does the segments, keyboard and screen-reader part. The
 * block keeps its attribute as `YYYY-MM-DD`, written when the date is complete or cleared.
 */
export function DateInput({ id, describedBy, label, value, onChange }: DateInputProps) {
  const { lang } = useI18n();
  const date = calendarDateOf(value);
  return (
    <AriaI18nProvider locale={localeOf(lang)}>
      <DateField
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        value={date}
        onChange={(next) => onChange(next ? next.toString() : null)}
        className="block-date-field"
      >
        <AriaDateInput className="input block-input block-input--date" data-value={date?.toString() ?? ''}>
          {(segment) => <DateSegment segment={segment} className="block-date-field__segment" />}
        </AriaDateInput>
      </DateField>
    </AriaI18nProvider>
  );
}
