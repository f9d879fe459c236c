/**
 * The editor's "Voorstellen" mode: every local change becomes a suggestion before it reaches the
 * document (see suggestionEdits.ts), and any other local change is dropped, as the server would
 * refuse it and close the connection (4424). Text input, Backspace and Delete (also by word),
 * cut and paste are rewritten; line breaks, drops, formatting and block tools are refused with
 * a message (Backspace takes back an own suggestion). Undo and redo go through the mode's own
 * history (suggestHistory.ts), which takes back only own open suggestions, as suggestions.
 * Enter at the start or end of a paragraph proposes a new paragraph; in the middle it is refused.
 * Changes that come in from others (Yjs) pass untouched.
 *
 * Written here rather than taken from prosemirror-suggest-changes: that library rewrites every
 * step into its own `insertion`/`deletion`/`modification` marks with its own id scheme, while
 * the server takes only our two marks, text inside existing paragraphs, and ids it records.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { exactTextWrites, type BindingMapping } from './exactTextWrites';
import { SuggestHistory, yjsKeeper, type HistoryEnv, type PositionKeeper } from './suggestHistory';
import { suggestInsertion, suggestionEditMeta, suggestParagraph, suggestRemoval, type Direction, type SuggestContext, type Unit } from './suggestionEdits';

/** Why a keystroke was not turned into a suggestion. */
export type SuggestRefusal = 'newParagraph' | 'splitParagraph' | 'notText' | 'undo';

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

/** The Yjs binding's positions: read when used, as the binding renews its node mapping. */
function keeperOf(view: EditorView): PositionKeeper {
  const sync = () => {
    const state = ySyncPluginKey.getState(view.state) as { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof yjsKeeper>[2] } };
    return yjsKeeper(state.doc, state.type, state.binding.mapping);
  };
  return { keep: (pos) => sync().keep(pos), find: (kept) => sync().find(kept) };
}

/** The mode's undo history of one editor; positions are read after each edit reached Yjs. */
const histories = new WeakMap<EditorView, SuggestHistory>();

function historyOf(view: EditorView): SuggestHistory {
  let history = histories.get(view);
  if (!history) histories.set(view, (history = new SuggestHistory()));
  return history;
}

interface SyncState {
  doc: Y.Doc;
  binding: { mapping: BindingMapping; mux: (write: () => void) => void };
}

/**
 * Applies a suggestion edit (a keystroke's, an undo's or a redo's): its text changes go to Yjs first, exactly where they were made
 * (exactTextWrites.ts; the binding's own diff can pick the wrong one of two equal letters, which
 * the server refuses), then the editor takes the transaction and the binding finds nothing left
 * to write. Once in Yjs (dispatch is synchronous), the edit can be undone.
 */
function dispatchExactly(view: EditorView, tr: Transaction): void {
  const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined;
  const writes = sync ? exactTextWrites(sync.binding.mapping, view.state.doc, tr.doc) : null;
  // Under the binding's lock, so it does not read the writes back into the editor as someone else's change.
  if (sync && writes) sync.binding.mux(() => sync.doc.transact(writes, ySyncPluginKey));
  view.dispatch(tr);
}

function run(view: EditorView, tr: Transaction | null): true {
  if (!tr) return true;
  dispatchExactly(view, tr);
  historyOf(view).record(tr, keeperOf(view), Date.now());
  return true;
}

type HistoryMove = 'undo' | 'redo';

/** Undo or redo as suggestions; when nothing is left to take back, says so and changes nothing. */
function moveInHistory(view: EditorView, move: HistoryMove, options: SuggestModeOptions): true {
  const env: HistoryEnv = { state: () => view.state, apply: (tr) => dispatchExactly(view, tr), keeper: keeperOf(view), ctx: options.context };
  const history = historyOf(view);
  if (!(move === 'undo' ? history.undo(env) : history.redo(env))) options.onRefused('undo');
  return true;
}

function removalOfKey(event: KeyboardEvent): [Direction, Unit] | null {
  if (event.key !== 'Backspace' && event.key !== 'Delete') return null;
  const direction: Direction = event.key === 'Backspace' ? 'backward' : 'forward';
  return [direction, event.ctrlKey || event.altKey || event.metaKey ? 'word' : 'char'];
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo: through the mode's own history, never
 * Collaboration's Yjs undo manager, which would change the shared document directly (taking back
 * an own suggestion that someone accepted meanwhile would delete settled text: refused).
 */
function historyKey(event: KeyboardEvent): HistoryMove | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  return key === 'y' ? 'redo' : null;
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

/** Enter: a proposed paragraph where one may go, otherwise the reason it cannot. */
function proposeParagraph(view: EditorView, options: SuggestModeOptions): true {
  if (sharedDocumentIsEmpty(view)) {
    options.onRefused('newParagraph');
    return true;
  }
  const made = suggestParagraph(view.state, options.context);
  if (typeof made === 'string') {
    options.onRefused(made === 'split' ? 'splitParagraph' : 'newParagraph');
    return true;
  }
  return run(view, made);
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
  if (inputType === 'historyUndo' || inputType === 'historyRedo') return moveInHistory(view, inputType === 'historyUndo' ? 'undo' : 'redo', options);
  if (inputType === 'insertParagraph') return proposeParagraph(view, options);
  options.onRefused(inputType === 'insertLineBreak' ? 'newParagraph' : 'notText');
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
              // Shift+Enter is a line break inside the paragraph: an embed, which is no suggestion.
              if (event.shiftKey) {
                options.onRefused('newParagraph');
                return true;
              }
              return proposeParagraph(view, options);
            }
            const move = historyKey(event);
            if (move) return moveInHistory(view, move, options);
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

