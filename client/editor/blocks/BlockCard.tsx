/** The frame every block shares: kind, who proposed it, its fields, its text, and "Let op". */
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { X } from 'lucide-react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { isExample, validateBlockAttrs, type BlockName } from '../../../shared/blocks/attrs';
import { PartyChip } from '../../components/PartyChip';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n, useT } from '../../i18n/I18n';
import { wordIssue } from '../../../shared/i18n/issues';
import { controlsAfterText, controlsBeforeText } from '../keys/blockFocus';
import { FieldProposals } from '../../suggestions/FieldProposals';
import { useBlockEnv } from './BlockContext';

/** Field messages of the block's stored attributes, in the interface language; empty when all is well. */
export function useBlockIssues(kind: BlockName, attrs: Record<string, unknown>): Record<string, string> {
  const { lang } = useI18n();
  return useMemo(() => {
    const result = validateBlockAttrs(kind, attrs);
    if (result.valid) return {};
    return Object.fromEntries(Object.entries(result.issues).map(([field, message]) => [field, wordIssue(lang, message)]));
  }, [kind, attrs, lang]);
}

interface BlockCardProps {
  kind: BlockName;
  view: ReactNodeViewProps;
  issues: Record<string, string>;
  /** Attributes that have their own field (their issue is shown there). */
  fieldNames: readonly string[];
  fields: ReactNode;
  badges?: ReactNode;
  /** Under the fields, above the text. */
  note?: ReactNode;
  footer?: ReactNode;
  className?: string;
}

function Proposer({ createdBy, createdByParty }: { createdBy: unknown; createdByParty: unknown }) {
  const t = useT();
  const { members, parties } = useBlockEnv();
  const person = members.find((m) => m.userId === createdBy);
  const party = parties.find((p) => p.id === createdByParty);
  // A template's blocks were proposed by nobody, also once someone took them over (whether it is
  // still an example says the badge beside this).
  if (!createdBy && !createdByParty) {
    return <span className="block-card__by block-card__by--template">{t('block.fromTemplateTaken')}</span>;
  }
  return (
    <span className="block-card__by">
      <span className="block-card__by-label">{t('block.proposedBy')}</span>{' '}
      <span className="block-card__by-name">{person?.name ?? t('block.unknownPerson')}</span>
      {party ? (
        <PartyChip name={party.name} color={party.color} compact />
      ) : (
        <span className="muted">({t('block.noParty')})</span>
      )}
    </span>
  );
}

export function BlockCard({ kind, view, issues, fieldNames, fields, badges, note, footer, className }: BlockCardProps) {
  const t = useT();
  const { canWrite, highlightId } = useBlockEnv();
  const { node, deleteNode, editor } = view;
  const confirm = useConfirm();
  const remove = async () => {
    const yes = await confirm.ask({ title: t('block.confirmRemove'), confirmLabel: t('block.remove', { kind: kindLabel.toLowerCase() }), danger: true });
    if (!yes) return;
    deleteNode();
    // The button went with the block: the text around it is the sensible place to go on.
    editor.commands.focus();
  };
  // Tab from the last field before the text, and Shift+Tab from the first control under it, go
  // to the block's own text (the keys from the text to them: keys/editorExits.ts).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const card = event.currentTarget;
    const fromFields = !event.shiftKey && controlsBeforeText(card).at(-1) === event.target;
    const fromFooter = event.shiftKey && controlsAfterText(card)[0] === event.target;
    const pos = view.getPos();
    if ((!fromFields && !fromFooter) || typeof pos !== 'number') return;
    event.preventDefault();
    const inside = fromFields ? pos + 1 : pos + node.nodeSize - 1;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(inside), fromFields ? 1 : -1)));
    editor.view.focus();
  };
  const kindLabel = t(`block.kind.${kind}`);
  const otherIssues = Object.entries(issues).filter(([field]) => !fieldNames.includes(field));
  const invalid = Object.keys(issues).length > 0;
  const highlighted = !!highlightId && highlightId === node.attrs.id;
  // A template's example, counted nowhere until someone edits or takes it over (the server
  // clears the mark then).
  const example = isExample(node.attrs);
  const classes = [
    'block-card',
    `block-card--${kind}`,
    invalid ? 'block-card--invalid' : '',
    highlighted ? 'block-card--highlight' : '',
    className ?? '',
  ];

  return (
    <NodeViewWrapper className={classes.filter(Boolean).join(' ')} data-valid={invalid ? 'false' : 'true'} data-block-card={kind} onKeyDown={onKeyDown}>
      <div className="block-card__head" contentEditable={false}>
        <span className="block-card__kind">{kindLabel}</span>
        {example && (
          <span className="block-badge block-badge--example" title={t('block.exampleHint')}>
            {t('block.example')}
          </span>
        )}
        {badges}
        <Proposer createdBy={node.attrs.createdBy} createdByParty={node.attrs.createdByParty} />
        {canWrite && (
          <button
            type="button"
            className="block-card__remove"
            aria-label={t('block.remove', { kind: kindLabel.toLowerCase() })}
            title={t('block.remove', { kind: kindLabel.toLowerCase() })}
            onClick={() => void remove()}
          >
            <X aria-hidden="true" size={16} />
          </button>
        )}
        {confirm.dialog}
      </div>
      {otherIssues.length > 0 && (
        <div className="block-card__issues" contentEditable={false} role="note">
          <p>{t('block.attentionBlock')}</p>
          <ul>
            {otherIssues.map(([field, message]) => (
              <li key={field}>
                {t('block.attention', { message: `${message} (${field})` })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div
        className="block-card__fields"
        contentEditable={false}
        role="group"
        aria-label={t('block.fields', { kind: kindLabel.toLowerCase() })}
      >
        {fields}
      </div>
      <FieldProposals blockId={node.attrs.id} />
      {(note || example) && (
        <div className="block-card__note" contentEditable={false}>
          {example && <p className="block-card__example-hint">{t('block.exampleHint')}</p>}
          {note}
        </div>
      )}
      <NodeViewContent className="block-card__text" />
      {footer && (
        <div className="block-card__foot" contentEditable={false}>
          {footer}
        </div>
      )}
    </NodeViewWrapper>
  );
}
