import type { CSSProperties } from 'react';
import { isHexColor, noPartyColor } from '../color';

interface PartyChipProps {
  name: string;
  color?: string | null;
  /** A smaller dot-and-name form for dense lists. */
  compact?: boolean;
  title?: string;
}

/**
 * A party as people recognise it: its colour as a dot and a tinted edge, with the name in
 * dark text so the name stays readable whatever the colour is.
 */
export function PartyChip({ name, color, compact = false, title }: PartyChipProps) {
  const safe = isHexColor(color) ? color : noPartyColor;
  const style = { '--party': safe } as CSSProperties;
  return (
    <span className={compact ? 'party-chip party-chip--compact' : 'party-chip'} style={style} title={title}>
      <span className="party-chip__dot" aria-hidden="true" />
      <span className="party-chip__name">{name}</span>
    </span>
  );
}

/** Just the colour, where the name already stands next to it. */
export function PartyDot({ color }: { color?: string | null }) {
  const safe = isHexColor(color) ? color : noPartyColor;
  return <span className="party-dot" style={{ '--party': safe } as CSSProperties} aria-hidden="true" />;
}
