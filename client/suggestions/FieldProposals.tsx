/**
 * The open suggested changes of one block's fields, on the block itself: who proposed what, in
 * their party colour. Deciding happens in the suggestions panel beside the text.
 */
import type { CSSProperties } from 'react';
import { isHexColor, noPartyColor } from '../color';
import { PartyChip } from '../components/PartyChip';
import { useBlockEnv } from '../editor/blocks/BlockContext';
import { useI18n } from '../i18n/I18n';
import { fieldChangeLines } from './fieldChangeText';

export function FieldProposals({ blockId }: { blockId: unknown }) {
  const { t, formatDate } = useI18n();
  const { fieldSuggestions, parties, members } = useBlockEnv();
  const mine = (fieldSuggestions ?? []).filter((suggestion) => suggestion.field?.blockId === blockId);
  if (mine.length === 0) return null;
  const words = { t, formatDate: (iso: string) => formatDate(iso), parties, members };
  return (
    <ul className="field-proposals" contentEditable={false} aria-label={t('suggest.onBlock')} data-testid="field-proposals">
      {mine.map((suggestion) => {
        const { suggester } = suggestion;
        const color = isHexColor(suggester.partyColor) ? suggester.partyColor : noPartyColor;
        return (
          <li key={suggestion.id} className="field-proposal" style={{ '--party': color } as CSSProperties} data-field-suggestion={suggestion.id}>
            <span className="field-proposal__by">
              {t('suggest.by', { name: suggester.name ?? t('comment.deletedAuthor') })}
              {suggester.partyName && <PartyChip compact name={suggester.partyName} color={suggester.partyColor} />}
            </span>
            <span className="field-proposal__change">{fieldChangeLines(words, suggestion).join('; ')}</span>
          </li>
        );
      })}
    </ul>
  );
}
