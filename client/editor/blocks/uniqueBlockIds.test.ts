import { getSchema } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { baseExtensions } from '../../../shared/editor/extensions';
import { uniqueBlockIdsPlugin } from './uniqueBlockIds';

const schema = getSchema(baseExtensions());
const me = { userId: 'u-paster', partyId: 'p-paster' };

function action(id: string | null, text: string) {
  return schema.nodes.action!.create({ id, createdBy: 'u-first', createdByParty: 'p-first', status: 'open', funding: 'unknown' }, schema.nodes.paragraph!.create(null, schema.text(text)));
}

function stateWith(...nodes: ReturnType<typeof action>[]) {
  return EditorState.create({ schema, doc: schema.nodes.doc!.create(null, [...nodes, schema.nodes.paragraph!.create()]), plugins: [uniqueBlockIdsPlugin(() => me)] });
}

function actions(state: EditorState) {
  const found: Record<string, unknown>[] = [];
  state.doc.descendants((node) => {
    if (node.type.name === 'action') found.push(node.attrs);
    return node.type.name !== 'action';
  });
  return found;
}

const atEnd = (state: EditorState, node: ReturnType<typeof action>) => state.tr.insert(state.doc.content.size, node);
const remote = (tr: Transaction) => tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });

describe('uniqueBlockIdsPlugin', () => {
  it('gives a pasted copy a fresh id and makes it the paster’s proposal, keeping the original', () => {
    const state = stateWith(action('a1', 'Origineel'));
    const after = state.applyTransaction(atEnd(state, action('a1', 'Kopie'))).state;
    const [original, copy] = actions(after);
    expect(original).toMatchObject({ id: 'a1', createdBy: 'u-first' });
    expect(copy!.id).not.toBe('a1');
    expect(copy).toMatchObject({ createdBy: 'u-paster', createdByParty: 'p-paster' });
  });

  it('fills in a missing id on an inserted block', () => {
    const state = stateWith(action('a1', 'Een'));
    const after = state.applyTransaction(atEnd(state, action(null, 'Zonder id'))).state;
    expect(actions(after)[1]!.id).toEqual(expect.any(String));
  });

  it('leaves changes from the shared document alone', () => {
    const state = stateWith(action('a1', 'Origineel'));
    const after = state.applyTransaction(remote(atEnd(state, action('a1', 'Van een ander')))).state;
    expect(actions(after).map((a) => a.id)).toEqual(['a1', 'a1']);
  });

  it('does not renumber a block someone merely types in', () => {
    const state = stateWith(action('a1', 'Een'), action('a1', 'Twee'));
    const after = state.applyTransaction(state.tr.insertText('!', 4)).state;
    expect(actions(after).map((a) => a.id)).toEqual(['a1', 'a1']);
  });
});
