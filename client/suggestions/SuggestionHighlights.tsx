/**
 * Each open suggestion in the text in its suggester's party colour: proposed words underlined,
 * words proposed for removal struck through (suggestions.css draws the line; this gives it the
 * colour). The mark in the text carries only the suggestion id (`data-suggestion-id`); who
 * suggested comes from the server's list, as a style rule per suggestion.
 */
import type { SuggestionRes } from '../../shared/api/suggestions';
import { isHexColor, noPartyColor } from '../color';

const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '');

export function SuggestionHighlights({ suggestions, activeId }: { suggestions: SuggestionRes[]; activeId: string | null }) {
  const rules = suggestions.map((suggestion) => {
    const color = isHexColor(suggestion.suggester.partyColor) ? suggestion.suggester.partyColor : noPartyColor;
    const strength = suggestion.id === activeId ? 30 : 14;
    return `.doc-content [data-suggestion-id="${safeId(suggestion.id)}"]{text-decoration-color:${color};background:color-mix(in srgb, ${color} ${strength}%, transparent);}`;
  });
  return <style>{rules.join('\n')}</style>;
}
