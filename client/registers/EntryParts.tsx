/** Pieces every register row uses: the link into the document, "Let op", the proposer. */
import type { MouseEvent, ReactNode } from 'react';
import type { RegisterEntry, RegisterEntryBase } from '../../shared/api/registers';
import type { StoredValue } from '../../shared/blocks/attrs';
import type { Party } from '../../shared/api/workspaces';
import { PartyChip } from '../components/PartyChip';
import { useI18n, useT } from '../i18n/I18n';
import { wordIssue } from '../../shared/i18n/issues';
import { Link, navigate } from '../router';
import { blockPath } from '../routes';

/** The block's text as a link to it in its document, with the document's title under it. */
export function EntryLink({ entry }: { entry: RegisterEntryBase }) {
  const t = useT();
  const lines = entry.text.split('\n').filter((l) => l.trim());
  const main = lines[0] ?? '';
  const rest = lines.slice(1).join(' ');
  return (
    <div className="entry">
      <Link to={blockPath(entry.documentId, entry.blockId)} className="entry__link" aria-label={`${main || t('reg.noText')}. ${t('reg.open', { document: entry.documentTitle })}`}>
        {main || <span className="muted">{t('reg.noText')}</span>}
      </Link>
      {rest && <span className="entry__more">{rest}</span>}
      <span className="entry__doc">
        {entry.documentTitle}
        {entry.documentArchived && <span className="entry__archived"> · {t('reg.archived')}</span>}
      </span>
    </div>
  );
}

export function Attention({ entry }: { entry: RegisterEntry }) {
  const { t, lang } = useI18n();
  if (entry.valid) return null;
  const issues = Object.entries(entry.issues)
    .map(([field, message]) => `${field}: ${wordIssue(lang, message)}`)
    .join('; ');
  return (
    <span className="attention" title={t('reg.attentionTitle', { issues })} data-testid="attention">
      {t('reg.attention')}
      <span className="visually-hidden"> — {issues}</span>
    </span>
  );
}

/** `id` is as stored: an invalid block may hold anything there. */
export function PartyOf({ id, name, parties, empty }: { id: StoredValue | undefined; name: string | null; parties: readonly Party[]; empty: ReactNode }) {
  const t = useT();
  const party = parties.find((p) => p.id === id);
  if (party) return <PartyChip name={party.name} color={party.color} compact />;
  if (name) return <PartyChip name={name} compact />;
  // An id that names no party of this workspace (removed, or written by hand).
  if (id) return <span className="attention-value">{t('block.unknownParty')}</span>;
  return <>{empty}</>;
}

export function ProposedBy({ entry, parties }: { entry: RegisterEntry; parties: readonly Party[] }) {
  const t = useT();
  if (!entry.createdBy && !entry.createdByParty) return <span className="proposed-by muted">{t('block.fromTemplateTaken')}</span>;
  return (
    <span className="proposed-by">
      <span>{entry.createdByName ?? t('block.unknownPerson')}</span>
      <PartyOf id={entry.createdByParty} name={entry.createdByPartyName} parties={parties} empty={null} />
    </span>
  );
}

/** A whole row opens the block, not only its link; clicks on links and buttons keep their own meaning. */
export function rowClick(entry: RegisterEntryBase) {
  return (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input, select, label')) return;
    if (window.getSelection()?.toString()) return; // someone selecting text to copy
    navigate(blockPath(entry.documentId, entry.blockId));
  };
}
