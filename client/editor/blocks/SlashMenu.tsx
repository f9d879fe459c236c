/** The list under a typed "/": the blocks that match, the chosen one highlighted. */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useT } from '../../i18n/I18n';
import type { BlockIdentity } from './BlockContext';
import { insertBlock } from './insertBlock';
import { isSlashOpen, setSlashIndex, slashMenuId, slashPluginKey } from './slashPlugin';

interface SlashMenuProps {
  editor: Editor;
  container: RefObject<HTMLElement | null>;
  identity: () => BlockIdentity;
}

export function SlashMenu({ editor, container, identity }: SlashMenuProps) {
  const t = useT();
  const slash = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = slashPluginKey.getState(e.state);
      return isSlashOpen(state) ? { from: state.range.from, to: state.range.to, kinds: state.items.map((i) => i.kind), index: state.index } : null;
    },
  });
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    if (!slash || !container.current) return setPosition(null);
    const caret = editor.view.coordsAtPos(slash.from);
    const box = container.current.getBoundingClientRect();
    setPosition({ top: caret.bottom - box.top + 6, left: Math.max(caret.left - box.left, 8) });
  }, [slash, editor, container]);

  if (!slash || !position) return null;
  const pick = (index: number) => {
    const kind = slash.kinds[index];
    if (kind) insertBlock(editor, kind, identity(), { deleteRange: { from: slash.from, to: slash.to } });
  };

  return (
    <div className="slash-menu" style={{ top: position.top, left: position.left }} data-testid="slash-menu">
      {slash.kinds.length === 0 ? (
        <p className="slash-menu__empty">{t('slash.empty')}</p>
      ) : (
        <ul id={slashMenuId()} role="listbox" aria-label={t('slash.label')} className="slash-menu__list">
          {slash.kinds.map((kind, index) => (
            <li
              key={kind}
              id={slashMenuId(kind)}
              role="option"
              aria-selected={index === slash.index}
              className={index === slash.index ? 'slash-menu__item slash-menu__item--active' : 'slash-menu__item'}
              // Keep the caret in the editor; insert on click.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => index !== slash.index && setSlashIndex(editor.view, index)}
              onClick={() => pick(index)}
            >
              <span className={`slash-menu__icon slash-menu__icon--${kind}`} aria-hidden="true" />
              <span className="slash-menu__text">
                <span className="slash-menu__name">{t(`block.kind.${kind}`)}</span>
                <span className="slash-menu__desc">{t(`block.desc.${kind}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="slash-menu__hint" aria-hidden="true">
        {t('slash.hint')}
      </p>
    </div>
  );
}
