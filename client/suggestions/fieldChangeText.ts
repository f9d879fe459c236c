/**
 * A suggested change of a block's fields in words: "Weging: 20 → 30", "Eigenaar: nog niet
 * ingevuld → Bewoners". Names come from the workspace's parties and members, choices and field
 * names from the block catalogue, as the block cards word them.
 */
import type { SuggestionRes } from '../../shared/api/suggestions';
import type { Member, Party } from '../../shared/api/workspaces';
import { blockChoices, isBlockName, partyAttrs, userAttrs, type BlockName } from '../../shared/blocks/attrs';
import { blockFieldKey } from '../../shared/i18n/blockWording';
import { choiceLabel } from '../blocks/choiceLabel';
import { isIsoDate, localDate } from '../blocks/dates';
import type { TFunction } from '../i18n/I18n';

export interface Wording {
  t: TFunction;
  formatDate: (iso: string) => string;
  parties: readonly Party[];
  members: readonly Member[];
}

type Value = string | number | boolean | null | undefined;

export function fieldValueText(words: Wording, kind: BlockName, field: string, value: Value): string {
  const { t } = words;
  if (value === null || value === undefined || value === '') return t('block.notSet');
  if (partyAttrs.has(field)) return words.parties.find((party) => party.id === value)?.name ?? String(value);
  if (userAttrs.has(field)) return words.members.find((member) => member.userId === value)?.name ?? t('block.unknownPerson');
  if (isIsoDate(value)) return words.formatDate(localDate(value).toISOString());
  if (Object.hasOwn(blockChoices[kind], field)) return choiceLabel(t, kind, field as never, value);
  return String(value);
}

/** One line per changed field; empty for a suggestion that is not about fields. */
export function fieldChangeLines(words: Wording, suggestion: SuggestionRes): string[] {
  const change = suggestion.field;
  if (!change || !isBlockName(change.blockKind)) return [];
  const kind = change.blockKind;
  return Object.entries(change.changes).map(([field, to]) => {
    const key = blockFieldKey(kind, field);
    return words.t('suggest.fieldChange', {
      field: key ? words.t(key) : field,
      from: fieldValueText(words, kind, field, change.previous[field]),
      to: fieldValueText(words, kind, field, to),
    });
  });
}
