/** "Opmerking" in the toolbar: comment on the selected text (for everyone who may comment). */
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { useT } from '../i18n/I18n';
import { selectionAnchor, type SelectionAnchor } from './selectionAnchor';

/** Keeps the editor's selection: the button does not take focus on mouse down. */
const keepSelection = (event: React.MouseEvent) => event.preventDefault();

export function CommentButton({ editor, onComment }: { editor: Editor; onComment: (pending: SelectionAnchor) => void }) {
  const t = useT();
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  return (
    <button
      type="button"
      className="tool tool--text"
      data-testid="comment-button"
      title={hasSelection ? t('comment.add') : t('comment.addHint')}
      disabled={!hasSelection}
      onMouseDown={keepSelection}
      onClick={() => {
        const pending = selectionAnchor(editor);
        if (pending) onComment(pending);
      }}
    >
      {t('comment.add')}
    </button>
  );
}
