/**
 * How a block's field controls write: straight into the block for whoever may write, as a
 * suggestion in "Voorstellen" (the server keeps it beside the document until someone decides),
 * not at all for readers. The views ask this instead of each deciding for itself.
 */
import type { ReactNodeViewProps } from '@tiptap/react';
import { useBlockEnv } from './BlockContext';

export type FieldChanges = Record<string, string | number | null>;

export interface FieldWriter {
  /** Whether the fields show controls. */
  editable: boolean;
  /** True when a change becomes a suggestion. */
  proposing: boolean;
  write: (changes: FieldChanges) => void;
}

export function useFieldWriter(view: ReactNodeViewProps): FieldWriter {
  const { canWrite, proposeField, frozen } = useBlockEnv();
  if (frozen) return { editable: false, proposing: false, write: () => undefined };
  if (canWrite) return { editable: true, proposing: false, write: (changes) => view.updateAttributes(changes) };
  if (proposeField) {
    const blockId = view.node.attrs.id;
    return { editable: typeof blockId === 'string' && blockId !== '', proposing: true, write: (changes) => proposeField(String(blockId), changes) };
  }
  return { editable: false, proposing: false, write: () => undefined };
}
