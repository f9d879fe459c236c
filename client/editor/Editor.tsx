import { useEffect, useRef } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { baseExtensions } from '../../shared/editor/extensions';
import { useT } from '../i18n/I18n';
import { renderCaret, renderSelection } from './caret';
import { Toolbar } from './Toolbar';
import type { AwarenessUser } from './useCollaboration';

interface EditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  editable: boolean;
}

/**
 * The document text, bound to the shared Y.Doc. Undo and redo come from Collaboration and
 * only take back this person's own changes.
 */
export function Editor({ doc, provider, user, editable }: EditorProps) {
  const t = useT();
  const labelRef = useRef(t('doc.editorLabel'));
  labelRef.current = t('doc.editorLabel');
  // The caret plugin publishes `user` once when it starts; later changes go through awareness.
  const initialUser = useRef(user);

  const editor = useEditor(
    {
      extensions: [
        ...baseExtensions(),
        Collaboration.configure({ document: doc }),
        CollaborationCaret.configure({
          provider,
          user: initialUser.current,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editable,
      editorProps: {
        attributes: () => ({
          'data-testid': 'editor',
          class: 'doc-content',
          'aria-label': labelRef.current,
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
          lang: document.documentElement.lang || 'nl',
        }),
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__page" />
    </div>
  );
}
