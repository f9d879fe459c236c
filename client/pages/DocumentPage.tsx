import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Editor as TiptapEditor } from '@tiptap/react';
import { api, isApiError } from '../api';
import { errorMessage } from '../forms';
import type { DocumentDetail } from '../../shared/api/documents';
import type { RestoreResult, Version } from '../../shared/api/versions';
import { noPartyColor } from '../color';
import { PartyChip } from '../components/PartyChip';
import { ErrorState, Loading, Notice } from '../components/Status';
import type { BlockEnv } from '../editor/blocks/BlockContext';
import { CriteriaPanel } from '../editor/blocks/CriteriaPanel';
import type { SelectionAnchor } from '../comments/selectionAnchor';
import { ThreadHighlights } from '../comments/ThreadHighlights';
import { ThreadsPanel } from '../comments/ThreadsPanel';
import { useThreads } from '../comments/useThreads';
import { useBlockLink } from '../editor/blocks/useBlockLink';
import { CollabNotice } from '../editor/CollabNotice';
import { ConnectionStatus } from '../editor/ConnectionStatus';
import { DocumentTitle } from '../editor/DocumentTitle';
import { Editor } from '../editor/Editor';
import { Presence } from '../editor/Presence';
import { useCollaboration, type AwarenessUser } from '../editor/useCollaboration';
import { useT } from '../i18n/I18n';
import { Link, useLocation } from '../router';
import { workspacePath } from '../routes';
import { useUser } from '../session';
import { useResource } from '../useResource';
import { latestAdopted } from '../versions/adoption';
import { AdoptedMark, AdoptionRequests } from '../versions/AdoptionHeader';
import { DocumentMenu } from '../versions/DocumentMenu';
import { SaveVersionDialog } from '../versions/SaveVersionDialog';
import { useVersions } from '../versions/useVersions';
import { VersionPanel } from '../versions/VersionPanel';
import { usePageTitle } from '../a11y/pageTitle';
import { SessionBar } from '../sessions/SessionBar';
import { SuggestionHighlights } from '../suggestions/SuggestionHighlights';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { useSuggestions } from '../suggestions/useSuggestions';
import { useFollow } from '../sessions/useFollow';
import { useLiveSession } from '../sessions/useLiveSession';

function DocumentWorkspace({ document: doc, onReload, onTitleSaved }: {
  document: DocumentDetail;
  onReload: () => void;
  onTitleSaved: () => void;
}) {
  const t = useT();
  const me = useUser();
  const location = useLocation();
  const myParty = doc.parties.find((p) => p.id === doc.partyId);

  const awarenessUser = useMemo<AwarenessUser>(
    () => ({ id: me.id, name: me.name, partyId: myParty?.id ?? null, partyName: myParty?.name ?? '', color: myParty?.color ?? noPartyColor }),
    [me.name, me.id, myParty?.color, myParty?.name],
  );
  const checkAccess = useCallback(async () => {
    try {
      await api.probeDocument(doc.id);
      return null;
    } catch (error) {
      if (!isApiError(error)) return null;
      if (error.status === 401) return 'sessionEnded' as const;
      if (error.status === 403 || error.status === 404) return 'accessRevoked' as const;
      return null;
    }
  }, [doc.id]);
  // Commenters and guests only suggest; editors choose ("Bewerken" / "Voorstellen").
  const [chooseSuggest, setChooseSuggest] = useState(false);
  const suggesting = doc.abilities.comment && (!doc.abilities.writeDocument || chooseSuggest);
  const collab = useCollaboration(doc.id, awarenessUser, onReload, checkAccess, doc.abilities.writeDocument && chooseSuggest);
  const [editor, setEditor] = useState<TiptapEditor | null>(null);
  const { highlightId, reveal } = useBlockLink(collab.session?.provider ?? null);
  // A running werksessie of the workspace: its bar above the document, follow-me, and its lock
  // (the server drops other people's writes while the chair presents; the editor says so first).
  const live = useLiveSession(doc.workspace.id, null);
  const { following, setFollowing } = useFollow(live.session, doc.id, reveal);
  const lockedOut = Boolean(live.session?.locked && !live.session.youChair);
  const canWrite = doc.abilities.writeDocument && !lockedOut;
  const versions = useVersions(doc.id);
  const versionList = versions.resource.status === 'ready' ? versions.resource.data : [];
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const threads = useThreads(doc.workspace.id, doc.id);
  const [pendingComment, setPendingComment] = useState<SelectionAnchor | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const mayComment = doc.abilities.comment;
  const suggestions = useSuggestions(doc.workspace.id, doc.id, me.id);
  const [activeSuggestion, setActiveSuggestion] = useState<string | null>(null);

  const onVersionSaved = (version: Version) => {
    setSaveOpen(false);
    setVersionsOpen(true);
    setFlash(t('version.saved', { label: version.label }));
    versions.reload();
  };
  const onRestored = (result: RestoreResult) => {
    const restored = versionList.find((v) => v.id === result.restoredVersionId);
    setFlash(t('version.restored', { label: restored?.label ?? '' }));
    versions.reload();
  };

  const reloadSuggestions = suggestions.reload;
  const proposeField = useCallback(
    (blockId: string, changes: Record<string, string | number | null>) => {
      api
        .proposeFieldChange(doc.id, blockId, changes)
        .then(() => {
          setFlash(t('suggest.fieldProposed'));
          reloadSuggestions();
        })
        .catch((failure: unknown) => setFlash(errorMessage(failure, t)));
    },
    [doc.id, reloadSuggestions, t],
  );

  const blockEnv = useMemo<BlockEnv>(
    () => ({
      documentId: doc.id,
      me: { id: me.id, name: me.name, partyId: doc.partyId },
      parties: doc.parties,
      members: doc.members,
      canWrite: canWrite && !suggesting,
      canDecide: doc.abilities.writeDocument || doc.abilities.comment,
      highlightId,
      // In "Voorstellen" a changed block field becomes a suggestion beside the document.
      proposeField: suggesting && !lockedOut ? proposeField : undefined,
      fieldSuggestions: suggestions.suggestions.filter((suggestion) => suggestion.kind === 'field'),
    }),
    [doc, me.id, me.name, canWrite, suggesting, lockedOut, proposeField, suggestions.suggestions, highlightId],
  );

  let body: ReactNode = <Loading />;
  if (collab.session) {
    body = (
      <Editor
        key={suggesting && !lockedOut ? 'suggest' : 'edit'}
        doc={collab.session.doc}
        provider={collab.session.provider}
        user={awarenessUser}
        editable={canWrite}
        selectOnly={mayComment}
        blockEnv={blockEnv}
        onEditor={setEditor}
        onComment={mayComment ? setPendingComment : undefined}
        onThreadClick={setActiveThread}
        suggesting={suggesting && !lockedOut}
        suggestContext={suggestions.context}
        modeSwitch={canWrite && mayComment ? { onChange: setChooseSuggest, canSwitch: collab.saved && collab.state === 'connected' } : undefined}
        onSuggestionClick={setActiveSuggestion}
      />
    );
  }

  return (
    <div className="doc-page">
      <div className="doc-page__bar">
        <nav className="breadcrumb" aria-label="breadcrumb">
          <Link to={workspacePath(doc.workspace.id)}>{t('doc.back', { workspace: doc.workspace.name })}</Link>
        </nav>
        <ConnectionStatus state={collab.state} saved={collab.saved} reconnecting={collab.reconnecting} />
      </div>
      {live.session && (
        <SessionBar session={live.session} parties={doc.parties} clockOffset={live.clockOffset} following={following} onFollowChange={setFollowing} showSessionLink />
      )}
      <div className="doc-page__head">
        <DocumentTitle documentId={doc.id} title={doc.title} editable={doc.abilities.updateDocument} onSaved={onTitleSaved} />
        {doc.archived && <span className="status-badge status-badge--archived">{t('doc.archivedBadge')}</span>}
        <AdoptedMark documentId={doc.id} versions={versionList} />
      </div>
      <DocumentMenu
        doc={doc}
        adopted={latestAdopted(versionList)}
        versionsOpen={versionsOpen}
        onSaveVersion={() => setSaveOpen(true)}
        onToggleVersions={() => setVersionsOpen((open) => !open)}
      />
      <SaveVersionDialog documentId={doc.id} open={saveOpen} onClose={() => setSaveOpen(false)} onSaved={onVersionSaved} />
      {flash && (
        <p className="doc-flash" role="status">
          {flash}
          <button type="button" className="button button--ghost button--small" onClick={() => setFlash(null)}>
            {t('common.close')}
          </button>
        </p>
      )}
      <AdoptionRequests doc={doc} versions={versionList} maySign={doc.abilities.comment} onChanged={versions.reload} />
      {collab.problem && (
        <CollabNotice
          problem={collab.problem}
          returnTo={location.href}
          onReconnect={collab.reconnect}
          onDismiss={collab.dismissProblem}
        />
      )}
      {collab.state === 'offline' && !collab.problem && (
        <Notice tone="warning">
          <p>{t('conn.offlineHint')}</p>
        </Notice>
      )}
      {!canWrite && !lockedOut && !suggesting && (
        <Notice tone="info">
          <p className="read-only-notice">{t('doc.readOnly', { role: t(`role.${doc.role}`).toLowerCase() })}</p>
        </Notice>
      )}
      {suggesting && !doc.abilities.writeDocument && !lockedOut && (
        <Notice tone="info">
          <p className="suggest-only-notice">{t('suggest.onlySuggest')}</p>
        </Notice>
      )}
      <div className={versionsOpen ? 'doc-page__body doc-page__body--panel' : 'doc-page__body'}>
        {/* Before the editor in reading and tab order: on a phone it opens right under "Versies". */}
        {versionsOpen && (
          <div className="doc-page__versions">
            <VersionPanel
              doc={doc}
              versions={versions.resource}
              onChanged={versions.reload}
              onRestored={onRestored}
              onClose={() => setVersionsOpen(false)}
            />
          </div>
        )}
        <div className="doc-page__main">
          <ThreadHighlights threads={threads.threads} activeId={activeThread} />
          <SuggestionHighlights suggestions={suggestions.suggestions} activeId={activeSuggestion} />
          {body}
        </div>
        <aside className="doc-page__side">
          {collab.session && <Presence provider={collab.session.provider} />}
          <SuggestionsPanel
            documentId={doc.id}
            editor={editor}
            suggestions={suggestions.suggestions}
            mayDecide={doc.abilities.writeDocument}
            mayDecideWeights={doc.role === 'owner'}
            myCommitments={{ partyId: doc.partyId, mayDecide: doc.abilities.comment }}
            parties={doc.parties}
            members={doc.members}
            activeId={activeSuggestion}
            onChanged={suggestions.reload}
          />
          <ThreadsPanel
            documentId={doc.id}
            threads={threads.threads}
            members={doc.members}
            parties={doc.parties}
            pending={pendingComment}
            onPendingDone={() => setPendingComment(null)}
            activeId={activeThread}
            onChanged={threads.reload}
          />
          {editor && <CriteriaPanel editor={editor} onJump={(blockId) => reveal(blockId)} />}
          <section className="side-panel" aria-labelledby="doc-me-title">
            <h2 id="doc-me-title" className="visually-hidden">
              {t('doc.yourRole')}
            </h2>
            <dl className="facts facts--stacked">
              <div>
                <dt>{t('doc.yourRole')}</dt>
                <dd>{t(`role.${doc.role}`)}</dd>
              </div>
              <div>
                <dt>{t('doc.yourParty')}</dt>
                <dd>
                  {myParty ? <PartyChip name={myParty.name} color={myParty.color} /> : <span className="muted">{t('members.noParty')}</span>}
                </dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const { resource, reload } = useResource(() => api.getDocument(id), [id]);
  usePageTitle(resource.data?.title, resource.data?.workspace.name);
  const onTitleSaved = useCallback(() => reload(), [reload]);

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={reload} />;
  return <DocumentWorkspace document={resource.data} onReload={reload} onTitleSaved={onTitleSaved} />;
}
