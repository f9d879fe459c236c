import { useState, type MouseEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { isAllowedLinkHref } from '../../shared/editor/extensions';
import { useT } from '../i18n/I18n';
import type { BlockIdentity } from './blocks/BlockContext';
import { insertBlock } from './blocks/insertBlock';
import { slashItems } from './blocks/slashItems';

interface ButtonProps {
  label: string;
  onRun: () => void;
  active?: boolean;
  disabled?: boolean;
  children: ReactNode;
}

/** Keeps the editor's selection: the button does not take focus on mouse down. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

function ToolButton({ label, onRun, active, disabled, children }: ButtonProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

interface ToolbarProps {
  editor: Editor;
  identity: () => BlockIdentity;
  /** Tools at the end of the bar that are not about formatting ("Wie schreef dit?"). */
  extra?: ReactNode;
}

export function Toolbar({ editor, identity, extra }: ToolbarProps) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();

  const editLink = () => {
    setMessage(null);
    const current = (editor.getAttributes('link').href as string | undefined) ?? '';
    const input = window.prompt(t('toolbar.linkPrompt'), current || 'https://');
    if (input === null) return;
    const href = input.trim();
    if (href === '' || href === 'https://') {
      if (current) chain().extendMarkRange('link').unsetLink().run();
      return;
    }
    if (!isAllowedLinkHref(href)) {
      setMessage(t('toolbar.linkInvalid'));
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      chain().extendMarkRange('link').setLink({ href }).run();
    }
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.h1')} active={s.h1} onRun={() => chain().toggleHeading({ level: 1 }).run()}>
            H1
          </ToolButton>
          <ToolButton label={t('toolbar.h2')} active={s.h2} onRun={() => chain().toggleHeading({ level: 2 }).run()}>
            H2
          </ToolButton>
          <ToolButton label={t('toolbar.h3')} active={s.h3} onRun={() => chain().toggleHeading({ level: 3 }).run()}>
            H3
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.bold')} active={s.bold} onRun={() => chain().toggleBold().run()}>
            <strong>B</strong>
          </ToolButton>
          <ToolButton label={t('toolbar.italic')} active={s.italic} onRun={() => chain().toggleItalic().run()}>
            <em className="tool__italic">I</em>
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.bulletList')} active={s.bulletList} onRun={() => chain().toggleBulletList().run()}>
            <span aria-hidden="true">•≡</span>
          </ToolButton>
          <ToolButton label={t('toolbar.orderedList')} active={s.orderedList} onRun={() => chain().toggleOrderedList().run()}>
            <span aria-hidden="true">1.≡</span>
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.link')} active={s.link} onRun={editLink}>
            {t('toolbar.link')}
          </ToolButton>
          {s.link && (
            <ToolButton label={t('toolbar.unlink')} onRun={() => chain().extendMarkRange('link').unsetLink().run()}>
              <span aria-hidden="true">⨯</span>
            </ToolButton>
          )}
          {!s.inTable && (
            <ToolButton
              label={t('toolbar.table')}
              onRun={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            >
              {t('toolbar.table')}
            </ToolButton>
          )}
        </div>
        {s.inTable && (
          <div className="toolbar__group">
            <ToolButton label={t('toolbar.addRow')} onRun={() => chain().addRowAfter().run()}>
              + {t('toolbar.rowShort')}
            </ToolButton>
            <ToolButton label={t('toolbar.addColumn')} onRun={() => chain().addColumnAfter().run()}>
              + {t('toolbar.columnShort')}
            </ToolButton>
            <ToolButton label={t('toolbar.deleteRow')} onRun={() => chain().deleteRow().run()}>
              − {t('toolbar.rowShort')}
            </ToolButton>
            <ToolButton label={t('toolbar.deleteColumn')} onRun={() => chain().deleteColumn().run()}>
              − {t('toolbar.columnShort')}
            </ToolButton>
            <ToolButton label={t('toolbar.deleteTable')} onRun={() => chain().deleteTable().run()}>
              <span aria-hidden="true">⌫</span>
            </ToolButton>
          </div>
        )}
        <div className="toolbar__group toolbar__group--blocks" role="group" aria-label={t('toolbar.blocks')}>
          {slashItems.map(({ kind }) => (
            <ToolButton
              key={kind}
              label={t('toolbar.insertBlock', { kind: t(`block.kind.${kind}`) })}
              onRun={() => insertBlock(editor, kind, identity())}
            >
              <span className={`tool__block tool__block--${kind}`} aria-hidden="true" />+ {t(`block.kind.${kind}`)}
            </ToolButton>
          ))}
        </div>
        <div className="toolbar__group toolbar__group--end">
          <ToolButton label={t('toolbar.undo')} disabled={!s.canUndo} onRun={() => chain().undo().run()}>
            <span aria-hidden="true">↶</span>
          </ToolButton>
          <ToolButton label={t('toolbar.redo')} disabled={!s.canRedo} onRun={() => chain().redo().run()}>
            <span aria-hidden="true">↷</span>
          </ToolButton>
        </div>
        {extra && <div className="toolbar__group">{extra}</div>}
      </div>
      {message && (
        <p className="toolbar__message" role="alert">
          {message}
          <button type="button" className="button button--ghost button--small" onClick={() => setMessage(null)}>
            {t('common.close')}
          </button>
        </p>
      )}
    </div>
  );
}
