/**
 * The polls of a session on its page: for the chair a form to open one and a button to close
 * each; for participants the ballot of an open poll; for everyone the results (as far as the
 * server shows them). The session page refetches the session on every `session` event, and each
 * poll reloads with it, so ballots and closes reach every screen without polling.
 */
import { useEffect, useState } from 'react';
import type { PollDetail, PollResults, PollSummary } from '../../../shared/api/polls';
import type { SessionDetail } from '../../../shared/api/sessions';
import type { WorkspaceDetail } from '../../../shared/api/workspaces';
import { api } from '../../api';
import { FormError } from '../../components/Field';
import { useT } from '../../i18n/I18n';
import { useAction } from '../../useAction';
import { BallotForm } from './BallotForm';
import { CreatePollForm } from './CreatePollForm';
import { PollResultsView } from './PollResultsView';

interface Props {
  session: SessionDetail;
  workspace: WorkspaceDetail;
  /** Asks the page to fetch the session again (after the chair opened or closed a poll). */
  onChanged: () => void;
}

export function PollsSection({ session, workspace, onChanged }: Props) {
  const t = useT();
  if (session.polls.length === 0 && !session.youChair) return null;
  return (
    <section className="panel polls" aria-labelledby="polls-title">
      <h2 id="polls-title">{t('poll.title')}</h2>
      {session.polls.length === 0 && <p className="muted">{t('poll.none')}</p>}
      {[...session.polls].reverse().map((summary) => (
        <PollCard key={summary.id} summary={summary} session={session} workspace={workspace} onChanged={onChanged} />
      ))}
      {session.youChair && <CreatePollForm sessionId={session.id} workspaceId={workspace.id} stepId={session.currentStepId} onCreated={onChanged} />}
    </section>
  );
}

function PollCard({ summary, session, workspace, onChanged }: { summary: PollSummary; session: SessionDetail; workspace: WorkspaceDetail; onChanged: () => void }) {
  const t = useT();
  const close = useAction();
  const [poll, setPoll] = useState<PollDetail | null>(null);
  const [results, setResults] = useState<PollResults | null>(null);
  const [error, setError] = useState<unknown>(null);

  // A new session object means something changed (a ballot, a close): read the poll again.
  useEffect(() => {
    let current = true;
    Promise.all([api.getPoll(summary.id), api.pollResults(summary.id)]).then(
      ([detail, counted]) => {
        if (!current) return;
        setPoll(detail);
        setResults(counted);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [summary.id, session]);

  const running = session.status === 'running';
  const mayVote = poll && running && poll.status === 'open' && workspace.abilities.contributeToSessions && (poll.unit === 'party' ? Boolean(workspace.partyId) : !poll.youVoted);
  return (
    <article className="poll-card">
      <h3>{summary.question}</h3>
      <p className="muted">
        {`${t(`pollKind.${summary.kind}`)} · ${t(`pollUnit.${summary.unit}`)} · ${t(summary.status === 'open' ? 'poll.open' : 'poll.closed')}`}
        {summary.youVoted && ` · ${t('poll.youVoted')}`}
      </p>
      {error !== null && <FormError message={t('error.generic')} />}
      {poll?.youVoted && !mayVote && <p role="status">{t('poll.voted')}</p>}
      {poll && mayVote && <BallotForm key={`${poll.id}-${String(poll.youVoted)}`} poll={poll} onCast={onChanged} />}
      {poll && results && <PollResultsView poll={poll} results={results} parties={workspace.parties} onApplied={onChanged} />}
      {session.youChair && summary.status === 'open' && (
        <button type="button" className="button button--secondary" disabled={close.busy} onClick={() => void close.run(async () => (await api.closePoll(summary.id), onChanged()))}>
          {t('poll.close')}
        </button>
      )}
      <FormError message={close.error} />
    </article>
  );
}
