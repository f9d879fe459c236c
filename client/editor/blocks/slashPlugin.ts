/**
 * The slash menu's state: a "/word" typed alone in a top-level paragraph, with the cursor at
 * its end, opens a list of blocks. Arrow keys choose, Enter or Tab inserts, Escape closes
 * (until the paragraph no longer starts with "/"). The list itself is React (SlashMenu.tsx).
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { BlockName } from '../../../shared/blocks/attrs';
import { filterSlashItems, type SlashItem } from './slashItems';

export interface SlashState {
  /** The "/word" text, when the cursor stands right after one. */
  range: { from: number; to: number } | null;
  query: string;
  items: SlashItem[];
  index: number;
  dismissed: boolean;
}

type SlashMeta = { type: 'move'; delta: number } | { type: 'select'; index: number } | { type: 'close' };

export const slashPluginKey = new PluginKey<SlashState>('blockSlashMenu');

const closed: SlashState = { range: null, query: '', items: [], index: 0, dismissed: false };
const slashText = /^\/([\p{L}-]{0,30})$/u;

function matchSlash(state: EditorState): { range: { from: number; to: number }; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $from = selection.$from;
  if ($from.depth !== 1 || $from.parent.type.name !== 'paragraph') return null;
  const text = $from.parent.textContent;
  if ($from.parentOffset !== text.length || $from.parent.childCount > 1) return null;
  const match = slashText.exec(text);
  if (!match) return null;
  return { range: { from: $from.start(), to: $from.end() }, query: match[1] ?? '' };
}

function nextState(tr: Transaction, previous: SlashState, state: EditorState): SlashState {
  const match = matchSlash(state);
  if (!match) return closed;
  const meta = tr.getMeta(slashPluginKey) as SlashMeta | undefined;
  const sameSpot = previous.range?.from === match.range.from;
  const items = filterSlashItems(match.query);
  let index = sameSpot && previous.query === match.query ? previous.index : 0;
  let dismissed = sameSpot && previous.dismissed;
  if (meta?.type === 'move' && items.length > 0) index = (index + meta.delta + items.length) % items.length;
  if (meta?.type === 'select') index = meta.index;
  if (meta?.type === 'close') dismissed = true;
  return { range: match.range, query: match.query, items, index: Math.min(index, Math.max(items.length - 1, 0)), dismissed };
}

/** Whether the menu is on screen. */
export function isSlashOpen(state: SlashState | undefined): state is SlashState & { range: { from: number; to: number } } {
  return !!state?.range && !state.dismissed;
}

export function slashMenuId(kind?: BlockName): string {
  return kind ? `slash-menu-${kind}` : 'slash-menu';
}

export function setSlashIndex(view: EditorView, index: number): void {
  view.dispatch(view.state.tr.setMeta(slashPluginKey, { type: 'select', index } satisfies SlashMeta));
}

export function closeSlashMenu(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(slashPluginKey, { type: 'close' } satisfies SlashMeta));
}

export function slashPlugin(options: {
  isEditable: () => boolean;
  onPick: (kind: BlockName, range: { from: number; to: number }) => void;
}) {
  return new Plugin<SlashState>({
    key: slashPluginKey,
    state: {
      init: () => closed,
      apply: (tr, previous, _old, state) => (options.isEditable() ? nextState(tr, previous, state) : closed),
    },
    props: {
      handleKeyDown(view, event) {
        const state = slashPluginKey.getState(view.state);
        if (!isSlashOpen(state) || event.isComposing) return false;
        const move = (delta: number) => {
          view.dispatch(view.state.tr.setMeta(slashPluginKey, { type: 'move', delta } satisfies SlashMeta));
          return true;
        };
        switch (event.key) {
          case 'ArrowDown':
            return move(1);
          case 'ArrowUp':
            return move(-1);
          case 'Escape':
            closeSlashMenu(view);
            return true;
          case 'Enter':
          case 'Tab': {
            const item = state.items[state.index];
            if (!item) return false;
            options.onPick(item.kind, state.range);
            return true;
          }
          default:
            return false;
        }
      },
      // The editor is the combobox's input: screen readers follow the chosen item.
      attributes(editorState): Record<string, string> {
        const state = slashPluginKey.getState(editorState);
        if (!isSlashOpen(state) || state.items.length === 0) return {};
        const active = state.items[state.index];
        return {
          'aria-controls': slashMenuId(),
          'aria-autocomplete': 'list',
          ...(active ? { 'aria-activedescendant': slashMenuId(active.kind) } : {}),
        };
      },
    },
  });
}
