/**
 * A stored version in a Tiptap editor that is not collaborative and not editable: the same
 * schema and block views as the live editor, with values shown and every control left out.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { baseExtensions } from '../../shared/editor/extensions';
import { BlockEnvProvider, type BlockEnv } from '../editor/blocks/BlockContext';
import { blockViewNodes } from '../editor/blocks/blockViews';
import { useT } from '../i18n/I18n';

export function VersionContent({ content, blockEnv, label }: { content: JSONContent; blockEnv: BlockEnv; label: string }) {
  const t = useT();
  const editor = useEditor(
    {
      extensions: baseExtensions({ blockNodes: blockViewNodes }),
      content,
      editable: false,
      editorProps: {
        attributes: {
          'data-testid': 'version-content',
          class: 'doc-content',
          'aria-label': t('version.contentLabel', { label }),
          // Not editable at all (no contenteditable), so no aria-readonly: a document role does not take it.
          role: 'document',
          lang: document.documentElement.lang || 'nl',
        },
      },
    },
    // The content of a version never changes; the page gives each version its own key.
    [],
  );
  return (
    <div className="editor editor--frozen">
      <BlockEnvProvider value={{ ...blockEnv, canWrite: false, canDecide: false, frozen: true }}>
        <EditorContent editor={editor} className="editor__page" />
      </BlockEnvProvider>
    </div>
  );
}
