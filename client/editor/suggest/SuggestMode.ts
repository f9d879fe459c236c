/**
 * The editor's "Voorstellen" mode: every local change becomes a suggestion before it reaches the
 * document (see suggestionEdits.ts), and any other local change is dropped, as the server would
 * refuse it and close the connection (4424). Text input, Backspace and Delete (also by word),
 * cut and paste are rewritten; Enter, undo, drops, formatting and block tools are refused with
 * a message (Backspace takes back an own suggestion). Changes that come in from others (Yjs) pass untouched.
 *
 * Written here rather than taken from prosemirror-suggest-changes: that library rewrites every
 * step into its own `insertion`/`deletion`/`modification` marks with its own id scheme, while
 * the server takes only our two marks, text inside existing paragraphs, and ids it records.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { suggestInsertion, suggestionEditMeta, suggestRemoval, type Direction, type SuggestContext, type Unit } from './suggestionEdits';

/** Why a keystroke was not turned into a suggestion. */
export type SuggestRefusal = 'newParagraph' | 'notText' | 'undo';

export interface SuggestModeOptions {
  context: SuggestContext;
  onRefused: (why: SuggestRefusal) => void;
}

const removals: Record<string, [Direction, Unit]> = {
  deleteContentBackward: ['backward', 'char'],
  deleteContentForward: ['forward', 'char'],
  deleteWordBackward: ['backward', 'word'],
  deleteWordForward: ['forward', 'word'],
  deleteByCut: ['backward', 'char'],
  deleteByDrag: ['backward', 'char'],
};

function run(view: EditorView, tr: Transaction | null): true {
  if (tr) view.dispatch(tr);
  return true;
}

function removalOfKey(event: KeyboardEvent): [Direction, Unit] | null {
  if (event.key !== 'Backspace' && event.key !== 'Delete') return null;
  const direction: Direction = event.key === 'Backspace' ? 'backward' : 'forward';
  return [direction, event.ctrlKey || event.altKey || event.metaKey ? 'word' : 'char'];
}

/**
 * Undo and redo change the shared document directly (Yjs), past this plugin: taking back an own
 * suggestion that someone accepted meanwhile would delete settled text, which the server refuses.
 */
function isHistoryKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  return (event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y');
}

/**
 * A document with no paragraph yet shows an empty one that exists only on this screen: typing
 * there would create the paragraph, which is no suggestion.
 */
function sharedDocumentIsEmpty(view: EditorView): boolean {
  const fragment = (ySyncPluginKey.getState(view.state) as { type?: { length: number } } | undefined)?.type;
  return fragment !== undefined && fragment.length === 0;
}

function insertText(view: EditorView, from: number, to: number, text: string, options: SuggestModeOptions): true {
  if (sharedDocumentIsEmpty(view)) {
    options.onRefused('newParagraph');
    return true;
  }
  const tr = suggestInsertion(view.state, from, to, text, options.context);
  if (!tr) options.onRefused('notText');
  return run(view, tr);
}

function handleBeforeInput(view: EditorView, event: InputEvent, options: SuggestModeOptions): boolean {
  const { inputType } = event;
  // Composition (IME, dead keys) cannot be cancelled: its text arrives through handleTextInput.
  if (inputType === 'insertCompositionText') return false;
  event.preventDefault();
  const { from, to } = view.state.selection;
  if (inputType === 'insertText' || inputType === 'insertReplacementText') {
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    return insertText(view, from, to, text, options);
  }
  const removal = removals[inputType];
  if (removal) return run(view, suggestRemoval(view.state, removal[0], removal[1], options.context));
  if (inputType === 'historyUndo' || inputType === 'historyRedo') options.onRefused('undo');
  else options.onRefused(inputType === 'insertParagraph' || inputType === 'insertLineBreak' ? 'newParagraph' : 'notText');
  return true;
}

/** Local changes that are not the mode's own never reach the document; others' changes always do. */
function isAllowed(tr: Transaction): boolean {
  return !tr.docChanged || tr.getMeta(suggestionEditMeta) === true || tr.getMeta(ySyncPluginKey) !== undefined;
}

export const suggestModeKey = new PluginKey('suggestMode');

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  // Before every keymap (Backspace would otherwise join paragraphs, Enter split them).
  priority: 10_000,
  addOptions() {
    return { context: { isOwn: () => false, newId: () => crypto.randomUUID() }, onRefused: () => {} };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: suggestModeKey,
        filterTransaction: isAllowed,
        props: {
          handleKeyDown(view, event) {
            if (event.isComposing) return false;
            if (event.key === 'Enter') {
              options.onRefused('newParagraph');
              return true;
            }
            if (isHistoryKey(event)) {
              options.onRefused('undo');
              return true;
            }
            const removal = removalOfKey(event);
            return removal ? run(view, suggestRemoval(view.state, removal[0], removal[1], options.context)) : false;
          },
          handleTextInput: (view, from, to, text) => insertText(view, from, to, text, options),
          handlePaste(view, _event, slice) {
            const text = slice.content.textBetween(0, slice.content.size, ' ', ' ').replace(/\s*\n\s*/g, ' ');
            const { from, to } = view.state.selection;
            return insertText(view, from, to, text, options);
          },
          handleDrop() {
            options.onRefused('notText');
            return true;
          },
          handleDOMEvents: {
            beforeinput: (view, event) => handleBeforeInput(view, event, options),
            cut(view, event) {
              // The clipboard gets the text (the browser's default copy); the text itself stays, proposed for removal.
              const { from, to, empty } = view.state.selection;
              if (empty) return true;
              event.clipboardData?.setData('text/plain', view.state.doc.textBetween(from, to, '\n', ' '));
              event.preventDefault();
              return run(view, suggestRemoval(view.state, 'backward', 'char', options.context));
            },
          },
        },
      }),
    ];
  },
});

