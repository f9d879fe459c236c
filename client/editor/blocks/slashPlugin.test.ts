import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { baseExtensions } from '../../../shared/editor/extensions';
import { isSlashOpen, slashPlugin, slashPluginKey } from './slashPlugin';

const schema = getSchema(baseExtensions());
const plugin = slashPlugin({ isEditable: () => true, onPick: () => {} });

/** A document of paragraphs with the cursor at the end of paragraph `at`. */
function typed(texts: string[], at = texts.length - 1) {
  const doc = schema.nodes.doc!.create(null, texts.map((t) => schema.nodes.paragraph!.create(null, t ? schema.text(t) : null)));
  let state = EditorState.create({ schema, doc, plugins: [plugin] });
  let pos = 0;
  for (let i = 0; i < at; i++) pos += doc.child(i).nodeSize;
  const end = pos + 1 + doc.child(at).content.size;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end)));
  return state;
}

const menu = (state: EditorState) => slashPluginKey.getState(state);

describe('slashPlugin', () => {
  it('opens on a slash alone in a paragraph and narrows by the typed word', () => {
    expect(menu(typed(['Intro', '/']))!.items.map((i) => i.kind)).toEqual(['action', 'commitment', 'reflection', 'criterion']);
    const state = typed(['/toez']);
    expect(isSlashOpen(menu(state))).toBe(true);
    expect(menu(state)!.items.map((i) => i.kind)).toEqual(['commitment']);
    expect(menu(state)!.range).toEqual({ from: 1, to: 6 });
  });

  it('stays closed for a slash in running text', () => {
    expect(isSlashOpen(menu(typed(['en/of'])))).toBe(false);
    expect(isSlashOpen(menu(typed(['/actie nu'])))).toBe(false);
  });

  it('moves through the list with wrap-around, and Escape keeps it closed while typing on in that word', () => {
    let state = typed(['/']);
    state = state.apply(state.tr.setMeta(slashPluginKey, { type: 'move', delta: -1 }));
    expect(menu(state)!.index).toBe(3);
    state = state.apply(state.tr.setMeta(slashPluginKey, { type: 'close' }));
    expect(isSlashOpen(menu(state))).toBe(false);
    state = state.apply(state.tr.insertText('a'));
    expect(isSlashOpen(menu(state))).toBe(false);
    // Removing the slash and typing it again opens a fresh menu.
    state = state.apply(state.tr.delete(1, state.doc.content.size - 1));
    state = state.apply(state.tr.insertText('/'));
    expect(isSlashOpen(menu(state))).toBe(true);
  });
});
