/** The frame every block shares: kind, who proposed it, its fields, its text, and "Let op". */
import { useMemo, type ReactNode } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { validateBlockAttrs, type BlockName } from '../../../shared/blocks/attrs';
import { PartyChip } from '../../components/PartyChip';
import { useI18n, useT } from '../../i18n/I18n';
import { wordIssue } from '../../../shared/i18n/issues';
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
  // Example blocks of a template belong to nobody until someone takes them over.
  if (!createdBy && !createdByParty) return <span className="block-card__by block-card__by--template">{t('block.fromTemplate')}</span>;
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
  const { node, deleteNode } = view;
  const kindLabel = t(`block.kind.${kind}`);
  const otherIssues = Object.entries(issues).filter(([field]) => !fieldNames.includes(field));
  const invalid = Object.keys(issues).length > 0;
  const highlighted = !!highlightId && highlightId === node.attrs.id;
  const classes = [
    'block-card',
    `block-card--${kind}`,
    invalid ? 'block-card--invalid' : '',
    highlighted ? 'block-card--highlight' : '',
    className ?? '',
  ];

  return (
    <NodeViewWrapper className={classes.filter(Boolean).join(' ')} data-valid={invalid ? 'false' : 'true'}>
      <div className="block-card__head" contentEditable={false}>
        <span className="block-card__kind">{kindLabel}</span>
        {badges}
        <Proposer createdBy={node.attrs.createdBy} createdByParty={node.attrs.createdByParty} />
        {canWrite && (
          <button
            type="button"
            className="block-card__remove"
            aria-label={t('block.remove', { kind: kindLabel.toLowerCase() })}
            title={t('block.remove', { kind: kindLabel.toLowerCase() })}
            onClick={() => {
              if (window.confirm(t('block.confirmRemove'))) deleteNode();
            }}
          >
            ×
          </button>
        )}
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
      {note && (
        <div className="block-card__note" contentEditable={false}>
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
