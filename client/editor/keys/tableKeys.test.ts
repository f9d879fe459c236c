import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { baseExtensions } from '../../../shared/editor/extensions';
import { lastRowHasContent } from './tableKeys';

const schema = getSchema(baseExtensions());

const cell = (text: string) => ({ type: 'tableCell', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
const row = (...texts: string[]) => ({ type: 'tableRow', content: texts.map(cell) });

/** A table of these rows and a paragraph after it, the caret in the first cell (or in the paragraph). */
function stateWith(rows: ReturnType<typeof row>[], caretInTable = true) {
  const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'table', content: rows }, { type: 'paragraph' }] });
  const state = EditorState.create({ schema, doc });
  const pos = caretInTable ? 4 : doc.content.size - 1;
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

describe('lastRowHasContent', () => {
  it('is true when any cell of the last row has text', () => {
    expect(lastRowHasContent(stateWith([row('Perceel', 'Budget'), row('', 'Zaanstad-Oost')]))).toBe(true);
  });

  it('is false for an empty or blank last row, whatever the rows above hold', () => {
    expect(lastRowHasContent(stateWith([row('Perceel', 'Budget'), row('', '')]))).toBe(false);
    expect(lastRowHasContent(stateWith([row('Perceel', 'Budget'), row('  ', '')]))).toBe(false);
  });

  it('is false outside a table', () => {
    expect(lastRowHasContent(stateWith([row('Perceel', 'Budget')], false))).toBe(false);
  });
});
