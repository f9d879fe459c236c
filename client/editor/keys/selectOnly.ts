/**
 * For people who may comment but not write (commenters): the editor takes focus, a caret and a
 * selection by keyboard (Shift+arrows), so they can pick words to comment on without a mouse,
 * but no change of theirs reaches the text. Native input is stopped before the browser touches
 * the page, and any transaction that would change the document is dropped, except the ones that
 * bring in others' changes (Yjs). The server drops their updates anyway: this keeps the screen
 * honest.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const stop = () => true;

export const SelectOnly = Extension.create({
  name: 'selectOnly',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectOnly'),
        filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
        props: {
          handleTextInput: stop,
          handlePaste: stop,
          handleDrop: stop,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
