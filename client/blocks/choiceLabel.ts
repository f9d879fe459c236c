import type { BlockName } from '../../shared/blocks/attrs';
import { blockChoiceKey, type ChoiceAttr } from '../../shared/i18n/blockWording';
import type { TFunction } from '../i18n/I18n';

/** A stored choice in the reader's language; a value that is none of the choices shows as stored. */
export function choiceLabel<N extends BlockName>(t: TFunction, kind: N, field: ChoiceAttr<N>, value: unknown): string {
  const key = blockChoiceKey(kind, field, value);
  return key ? t(key) : String(value ?? '—');
}
