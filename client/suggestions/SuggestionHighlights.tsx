/**
 * Each open suggestion in the text in its suggester's party colour: proposed words underlined,
 * words proposed for removal struck through, a proposed paragraph with a dashed line beside it
 * (suggestions.css draws the lines; this gives them the colour). The mark in the text carries only the suggestion id (`data-suggestion-id`); who
 * suggested comes from the server's list, as a style rule per suggestion.
 */
import type { SuggestionRes } from '../../shared/api/suggestions';
import { isHexColor, noPartyColor } from '../color';

const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '');

export function SuggestionHighlights({ suggestions, activeId }: { suggestions: SuggestionRes[]; activeId: string | null }) {
  const rules = suggestions.map((suggestion) => {
    const color = isHexColor(suggestion.suggester.partyColor) ? suggestion.suggester.partyColor : noPartyColor;
    const strength = suggestion.id === activeId ? 30 : 14;
    const id = safeId(suggestion.id);
    return (
      `.doc-content [data-suggestion-id="${id}"]{text-decoration-color:${color};background:color-mix(in srgb, ${color} ${strength}%, transparent);}` +
      `.doc-content [data-suggestion-paragraph="${id}"]{border-left-color:${color};}`
    );
  });
  return <style>{rules.join('\n')}</style>;
}
