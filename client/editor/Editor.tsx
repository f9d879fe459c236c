import { useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor as TiptapEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { baseExtensions } from '../../shared/editor/extensions';
import { useWhoWrote, WhoWroteAnswer, WhoWroteButton } from '../attribution/WhoWrote';
import { CommentButton } from '../comments/CommentButton';
import type { SelectionAnchor } from '../comments/selectionAnchor';
import { useT } from '../i18n/I18n';
import { BlockEnvProvider, type BlockEnv, type BlockIdentity } from './blocks/BlockContext';
import { BlockTools } from './blocks/BlockTools';
import { EditorExits } from './keys/editorExits';
import { TableKeys } from './keys/tableKeys';
import { SelectOnly } from './keys/selectOnly';
import { blockViewNodes } from './blocks/blockViews';
import { SlashMenu } from './blocks/SlashMenu';
import { renderCaret, renderSelection } from './caret';
import { takeInNativeSelection } from './nativeSelection';
import { ModeSwitch } from './suggest/ModeSwitch';
import { SuggestMode, type SuggestRefusal } from './suggest/SuggestMode';
import type { SuggestContext } from './suggest/suggestionEdits';
import { Toolbar } from './Toolbar';
import type { AwarenessUser } from './useCollaboration';

interface EditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  editable: boolean;
  /** Cannot write but may comment: a caret and keyboard selection, no changes. */
  selectOnly?: boolean;
  /** What the block node views show and may do. */
  blockEnv: BlockEnv;
  /** The editor instance, for panels beside it (the criteria check). */
  onEditor?: (editor: TiptapEditor | null) => void;
  /** Present for those who may comment: the selection to comment on. */
  onComment?: (pending: SelectionAnchor) => void;
  /** A highlighted (commented) piece of text was clicked. */
  onThreadClick?: (threadId: string) => void;
  /**
   * "Voorstellen": every change becomes a suggestion (commenters and guests always; editors when
   * they choose). Fixed for the editor's life: the page remounts the editor when it changes.
   */
  suggesting?: boolean;
  /** Whose suggestion ids are whose, and fresh ones. Needed when `suggesting`. */
  suggestContext?: SuggestContext;
  /** Present for those who may choose between editing and suggesting. */
  modeSwitch?: { onChange: (suggesting: boolean) => void; canSwitch: boolean };
  /** A suggestion in the text was clicked. */
  onSuggestionClick?: (suggestionId: string) => void;
}

/** How long a "not as a suggestion" message stays. */
const refusalMs = 6_000;

function useRefusal() {
  const [refusal, setRefusal] = useState<SuggestRefusal | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = useRef((why: SuggestRefusal) => {
    setRefusal(why);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setRefusal(null), refusalMs);
  });
  return [refusal, show.current] as const;
}

/**
 * The document text, bound to the shared Y.Doc. Undo and redo come from Collaboration and
 * only take back this person's own changes; in "Voorstellen" the mode's own history takes back
 * only this person's open suggestions (suggest/suggestHistory.ts).
 */
export function Editor(props: EditorProps) {
  const { doc, provider, user, editable, selectOnly = false, blockEnv, onEditor, onComment, onThreadClick, suggesting = false, suggestContext, modeSwitch, onSuggestionClick } = props;
  // Fixed for the editor's life: the page remounts the editor when the role or the mode changes.
  const suggestingRef = useRef(suggesting && suggestContext !== undefined);
  const selectOnlyRef = useRef(selectOnly && !editable && !suggestingRef.current);
  const [refusal, showRefusal] = useRefusal();
  const t = useT();
  const labelRef = useRef(t('doc.editorLabel'));
  labelRef.current = t('doc.editorLabel');
  // The caret plugin publishes `user` once when it starts; later changes go through awareness.
  const initialUser = useRef(user);
  // Blocks inserted now carry who inserted them; read at insert time, not when the editor starts.
  const identityRef = useRef<BlockIdentity>({ userId: blockEnv.me.id, partyId: blockEnv.me.partyId });
  identityRef.current = { userId: blockEnv.me.id, partyId: blockEnv.me.partyId };
  const frameRef = useRef<HTMLDivElement>(null);
  // Where Escape (and Tab outside lists and tables) puts focus: just after the text.
  const exitRef = useRef<HTMLParagraphElement>(null);
  const leaveRef = useRef(() => exitRef.current?.focus());

  const editor = useEditor(
    {
      extensions: [
        ...baseExtensions({ blockNodes: blockViewNodes }),
        BlockTools.configure({ identity: () => identityRef.current }),
        TableKeys.configure({ leave: () => leaveRef.current() }),
        EditorExits.configure({ leave: () => leaveRef.current() }),
        ...(selectOnlyRef.current ? [SelectOnly] : []),
        ...(suggestingRef.current && suggestContext ? [SuggestMode.configure({ context: suggestContext, onRefused: showRefusal })] : []),
        Collaboration.configure({ document: doc }),
        CollaborationCaret.configure({
          provider,
          user: initialUser.current,
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editable: editable || suggestingRef.current || selectOnlyRef.current,
      editorProps: {
        // A caret move the browser made by itself counts before the key after it: see nativeSelection.ts.
        handleKeyDown: takeInNativeSelection,
        attributes: () => ({
          'data-testid': 'editor',
          class: 'doc-content',
          'aria-label': labelRef.current,
          'aria-multiline': 'true',
          role: 'textbox',
          ...(selectOnlyRef.current ? { 'aria-readonly': 'true' } : {}),
          spellcheck: 'true',
          lang: document.documentElement.lang || 'nl',
        }),
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    const wanted = editable || suggestingRef.current || selectOnlyRef.current;
    if (editor.isEditable !== wanted) editor.setEditable(wanted);
  }, [editor, editable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const whoWrote = useWhoWrote(editor, doc, blockEnv.documentId);
  const whoWroteButton = (
    <>
      <WhoWroteButton state={whoWrote} />
      {onComment && <CommentButton editor={editor} onComment={onComment} />}
    </>
  );
  const switcher = modeSwitch && <ModeSwitch suggesting={suggestingRef.current} onChange={modeSwitch.onChange} canSwitch={modeSwitch.canSwitch} />;
  const writing = editable && !suggestingRef.current;

  return (
    <div
      className="editor"
      ref={frameRef}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        const threadId = target.closest?.('[data-thread-id]')?.getAttribute('data-thread-id');
        if (threadId) onThreadClick?.(threadId);
        const suggestionId =
          target.closest?.('[data-suggestion-id]')?.getAttribute('data-suggestion-id') ?? target.closest?.('[data-suggestion-paragraph]')?.getAttribute('data-suggestion-paragraph');
        if (suggestionId) onSuggestionClick?.(suggestionId);
      }}
    >
      {writing ? (
        <Toolbar
          editor={editor}
          identity={() => identityRef.current}
          extra={
            <>
              {switcher}
              {whoWroteButton}
            </>
          }
        />
      ) : (
        <div className="toolbar toolbar--reader" role="toolbar" aria-label={t('whoWrote.toolbar')}>
          {switcher}
          {whoWroteButton}
        </div>
      )}
      {/* There from the start, so that screen readers announce what is written into it. */}
      {suggestingRef.current && (
        <p className="suggest-refusal" role="status" data-testid="suggest-refusal">
          {refusal && t(`suggest.refused.${refusal}`)}
        </p>
      )}
      <WhoWroteAnswer state={whoWrote} />
      <BlockEnvProvider value={blockEnv}>
        <EditorContent editor={editor} className="editor__page" />
      </BlockEnvProvider>
      {writing && <SlashMenu editor={editor} container={frameRef} identity={() => identityRef.current} />}
      <p
        ref={exitRef}
        className="editor__exit"
        tabIndex={-1}
        data-testid="editor-exit"
        onKeyDown={(event) => {
          if (event.key !== 'Tab' || !event.shiftKey) return;
          event.preventDefault();
          // Synchronously, where the caret was: Tiptap's focus command waits for the next frame,
          // so a key pressed right after would still land on this note.
          editor.view.focus();
        }}
      >
        {t('editor.exitNote')}
      </p>
    </div>
  );
}
