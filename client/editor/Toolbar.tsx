/**
 * The formatting toolbar: one tab stop (React Aria's Toolbar), arrow keys move along it, Home
 * and End go to its ends, Enter or Space runs a tool and puts the caret back in the text.
 */
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { Toolbar as AriaToolbar } from 'react-aria-components';
import { useEditorState, type Editor } from '@tiptap/react';
import {
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Bold,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  LinkOff,
  List,
  ListOrdered,
  Plus,
  Redo2,
  Table,
  TableColumnsSplit,
  TableRowsSplit,
  Trash2,
  Undo2,
} from 'lucide-react';
import { useT } from '../i18n/I18n';
import type { BlockIdentity } from './blocks/BlockContext';
import { insertBlock } from './blocks/insertBlock';
import { slashItems } from './blocks/slashItems';
import { LinkDialog } from './LinkDialog';

interface ButtonProps {
  label: string;
  onRun: () => void;
  active?: boolean;
  disabled?: boolean;
  /** Shown beside the icon; without it the button is the icon alone, named by `label`. */
  text?: string;
  children?: ReactNode;
}

/** Keeps the editor's selection: the button does not take focus on mouse down. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

const iconSize = 18;

function ToolButton({ label, onRun, active, disabled, text, children }: ButtonProps) {
  return (
    <button
      type="button"
      className={text ? 'tool tool--text' : 'tool'}
      aria-label={text ? undefined : label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onRun}
    >
      {children}
      {text && <span>{text}</span>}
    </button>
  );
}

/**
 * Home and End: the first and last tool that can take focus (arrows come from React Aria).
 * Only for keys pressed on the bar itself: React passes the link dialog's keys up to here too.
 */
function toEnds(event: KeyboardEvent<HTMLDivElement>, bar: HTMLElement | null) {
  if (event.key !== 'Home' && event.key !== 'End') return;
  if (!bar || !(event.target instanceof HTMLButtonElement) || !bar.contains(event.target)) return;
  const tools = [...bar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const target = event.key === 'Home' ? tools[0] : tools.at(-1);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

interface ToolbarProps {
  editor: Editor;
  identity: () => BlockIdentity;
  /** Tools at the end of the bar that are not about formatting ("Wie schreef dit?"). */
  extra?: ReactNode;
}

export function Toolbar({ editor, identity, extra }: ToolbarProps) {
  const t = useT();
  const [linkOpen, setLinkOpen] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
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
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();

  const applyLink = (href: string | null) => {
    setLinkOpen(false);
    if (href === null) {
      if (s.link) chain().extendMarkRange('link').unsetLink().run();
      else editor.commands.focus();
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
    <div className="toolbar-wrap" onKeyDown={(event) => toEnds(event, bar.current)}>
      <AriaToolbar className="toolbar" aria-label={t('toolbar.label')} ref={bar} data-testid="toolbar">
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.h1')} active={s.h1} onRun={() => chain().toggleHeading({ level: 1 }).run()}>
            <Heading1 aria-hidden="true" size={iconSize} />
          </ToolButton>
          <ToolButton label={t('toolbar.h2')} active={s.h2} onRun={() => chain().toggleHeading({ level: 2 }).run()}>
            <Heading2 aria-hidden="true" size={iconSize} />
          </ToolButton>
          <ToolButton label={t('toolbar.h3')} active={s.h3} onRun={() => chain().toggleHeading({ level: 3 }).run()}>
            <Heading3 aria-hidden="true" size={iconSize} />
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.bold')} active={s.bold} onRun={() => chain().toggleBold().run()}>
            <Bold aria-hidden="true" size={iconSize} />
          </ToolButton>
          <ToolButton label={t('toolbar.italic')} active={s.italic} onRun={() => chain().toggleItalic().run()}>
            <Italic aria-hidden="true" size={iconSize} />
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.bulletList')} active={s.bulletList} onRun={() => chain().toggleBulletList().run()}>
            <List aria-hidden="true" size={iconSize} />
          </ToolButton>
          <ToolButton label={t('toolbar.orderedList')} active={s.orderedList} onRun={() => chain().toggleOrderedList().run()}>
            <ListOrdered aria-hidden="true" size={iconSize} />
          </ToolButton>
        </div>
        <div className="toolbar__group">
          <ToolButton label={t('toolbar.link')} active={s.link} onRun={() => setLinkOpen(true)}>
            <Link aria-hidden="true" size={iconSize} />
          </ToolButton>
          {s.link && (
            <ToolButton label={t('toolbar.unlink')} onRun={() => chain().extendMarkRange('link').unsetLink().run()}>
              <LinkOff aria-hidden="true" size={iconSize} />
            </ToolButton>
          )}
          {!s.inTable && (
            <ToolButton label={t('toolbar.table')} onRun={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
              <Table aria-hidden="true" size={iconSize} />
            </ToolButton>
          )}
        </div>
        {s.inTable && (
          <div className="toolbar__group">
            <ToolButton label={t('toolbar.addRow')} onRun={() => chain().addRowAfter().run()}>
              <BetweenHorizontalEnd aria-hidden="true" size={iconSize} />
            </ToolButton>
            <ToolButton label={t('toolbar.addColumn')} onRun={() => chain().addColumnAfter().run()}>
              <BetweenVerticalEnd aria-hidden="true" size={iconSize} />
            </ToolButton>
            <ToolButton label={t('toolbar.deleteRow')} onRun={() => chain().deleteRow().run()}>
              <TableRowsSplit aria-hidden="true" size={iconSize} />
            </ToolButton>
            <ToolButton label={t('toolbar.deleteColumn')} onRun={() => chain().deleteColumn().run()}>
              <TableColumnsSplit aria-hidden="true" size={iconSize} />
            </ToolButton>
            <ToolButton label={t('toolbar.deleteTable')} onRun={() => chain().deleteTable().run()}>
              <Trash2 aria-hidden="true" size={iconSize} />
            </ToolButton>
          </div>
        )}
        <div className="toolbar__group toolbar__group--blocks" role="group" aria-label={t('toolbar.blocks')}>
          {slashItems.map(({ kind }) => (
            <ToolButton
              key={kind}
              label={t('toolbar.insertBlock', { kind: t(`block.kind.${kind}`) })}
              text={t(`block.kind.${kind}`)}
              onRun={() => insertBlock(editor, kind, identity())}
            >
              <span className={`tool__block tool__block--${kind}`} aria-hidden="true" />
              <Plus aria-hidden="true" size={14} />
            </ToolButton>
          ))}
        </div>
        <div className="toolbar__group toolbar__group--end">
          <ToolButton label={t('toolbar.undo')} disabled={!s.canUndo} onRun={() => chain().undo().run()}>
            <Undo2 aria-hidden="true" size={iconSize} />
          </ToolButton>
          <ToolButton label={t('toolbar.redo')} disabled={!s.canRedo} onRun={() => chain().redo().run()}>
            <Redo2 aria-hidden="true" size={iconSize} />
          </ToolButton>
        </div>
        {extra && <div className="toolbar__group">{extra}</div>}
      </AriaToolbar>
      <LinkDialog open={linkOpen} current={s.href} onClose={() => setLinkOpen(false)} onSubmit={applyLink} />
    </div>
  );
}
