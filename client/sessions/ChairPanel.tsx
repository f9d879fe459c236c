/**
 * The chair's panel: next step, the clock (start, pause, resume, +1 minute, stop), the lock,
 * follow-me (bring everyone to a document), the turns of a round, revealing a private step's
 * cards, planning the next reflection moment in the closing step, and ending the session. Every
 * button is one request; the answer replaces what is shown, and the others hear of it through
 * their event stream.
 */
import { useState } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import type { SessionStateReq } from '../../shared/api/sessionSchemas';
import type { DocumentSummary } from '../../shared/api/documents';
import type { Member, Party } from '../../shared/api/workspaces';
import { api } from '../api';
import { FormError, SelectField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';
import { AgendaList } from './AgendaList';
import { HandOverChair } from './HandOverChair';
import { JoinCodePanel } from './JoinCodePanel';
import { PlanReflection } from './PlanReflection';

interface Props {
  session: SessionDetail;
  parties: readonly Party[];
  members: readonly Member[];
  documents: readonly DocumentSummary[];
  onChanged: (session: SessionDetail) => void;
}

export function ChairPanel({ session, parties, members, documents, onChanged }: Props) {
  const t = useT();
  const action = useAction();
  const active = documents.filter((d) => !d.archived);
  const [followDoc, setFollowDoc] = useState(session.follow?.documentId ?? active[0]?.id ?? '');
  const index = session.steps.findIndex((s) => s.id === session.currentStepId);
  const step = session.steps[index];
  const next = session.steps[index + 1];

  const change = (body: SessionStateReq) => action.run(async () => onChanged(await api.changeSessionState(session.id, body)));
  // The ended session carries its minutes' id: the session page then links to them.
  const end = () => action.run(async () => onChanged((await api.endSession(session.id)).session));
  // The reveal answers with the step's reveal time; the panel shows the session as it is now.
  const reveal = (stepId: string) => action.run(async () => {
    await api.revealStep(session.id, stepId);
    onChanged(await api.getSession(session.id));
  });
  const timer = session.timer;

  return (
    <section className="panel chair-panel" aria-labelledby="chair-title">
      <h2 id="chair-title">{t('session.chairPanel')}</h2>
      <div className="chair-panel__group" role="group" aria-label={t('session.agenda')}>
        <button type="button" className="button button--primary" disabled={!next || action.busy} onClick={() => next && void change({ stepId: next.id })}>
          {t('session.nextStep')}
        </button>
      </div>
      <div className="chair-panel__group" role="group" aria-label={t('session.timer')}>
        {step && (
          <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void change({ timer: { seconds: step.minutes * 60 } })}>
            {t('session.timerStart', { minutes: step.minutes })}
          </button>
        )}
        {timer?.endsAt != null && (
          <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void change({ timer: { action: 'pause' } })}>
            {t('session.timerPause')}
          </button>
        )}
        {timer && timer.endsAt === null && (
          <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void change({ timer: { action: 'resume' } })}>
            {t('session.timerResume')}
          </button>
        )}
        {timer && (
          <>
            <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void change({ timer: { action: 'extend' } })}>
              {t('session.timerExtend')}
            </button>
            <button type="button" className="button button--ghost" disabled={action.busy} onClick={() => void change({ timer: null })}>
              {t('session.timerStop')}
            </button>
          </>
        )}
      </div>
      <div className="chair-panel__group" role="group" aria-label={t('session.lock')}>
        <button type="button" className="button button--secondary" aria-pressed={session.locked} disabled={action.busy} onClick={() => void change({ locked: !session.locked })}>
          {session.locked ? t('session.unlock') : t('session.lock')}
        </button>
      </div>
      {active.length > 0 && (
        <div className="chair-panel__group chair-panel__follow">
          <SelectField name="followDocument" label={t('session.followDocument')} value={followDoc} onChange={(e) => setFollowDoc(e.target.value)}>
            {active.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {doc.title}
              </option>
            ))}
          </SelectField>
          <button type="button" className="button button--secondary" disabled={action.busy || !followDoc} onClick={() => void change({ follow: { documentId: followDoc } })}>
            {t('session.bringHere')}
          </button>
          {session.follow && (
            <button type="button" className="button button--ghost" disabled={action.busy} onClick={() => void change({ follow: null })}>
              {t('session.stopBringing')}
            </button>
          )}
        </div>
      )}
      {step?.kind === 'private' && step.revealedAt === null && (
        <div className="chair-panel__group" role="group" aria-label={t('cards.title')}>
          <span className="muted">{t('cards.count', { count: step.cardCount })}</span>
          <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void reveal(step.id)}>
            {t('cards.reveal')}
          </button>
        </div>
      )}
      {step?.kind === 'round' && <RoundControls session={session} parties={parties} busy={action.busy} onChange={change} />}
      {step?.kind === 'close' && <PlanReflection session={session} documents={active} />}
      <AgendaList session={session} busy={action.busy} onGoTo={(stepId) => void change({ stepId })} />
      <HandOverChair session={session} members={members} onChanged={onChanged} />
      <JoinCodePanel sessionId={session.id} parties={parties} />
      <div className="chair-panel__group">
        <button type="button" className="button button--danger-ghost" disabled={action.busy} onClick={() => void end()}>
          {t('session.end')}
        </button>
      </div>
      <FormError message={action.error} />
    </section>
  );
}

function RoundControls({ session, parties, busy, onChange }: { session: SessionDetail; parties: readonly Party[]; busy: boolean; onChange: (body: SessionStateReq) => unknown }) {
  const t = useT();
  const order = session.turnOrder.map((id) => parties.find((p) => p.id === id)?.name ?? '?');
  return (
    <div className="chair-panel__group chair-panel__round" role="group" aria-label={t('session.turnOrder')}>
      {order.length > 0 && <p className="muted">{`${t('session.turnOrder')}: ${order.join(' → ')}`}</p>}
      <SelectField name="turnSeconds" label={t('session.turnSeconds')} value={String(session.turnSeconds)} disabled={busy} onChange={(e) => void onChange({ turnSeconds: Number(e.target.value) })}>
        {[...new Set([60, 120, 180, 240, 300, session.turnSeconds])].sort((a, b) => a - b).map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds}
          </option>
        ))}
      </SelectField>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void onChange({ turnOrder: { partyIds: parties.map((p) => p.id) } })}>
        {t('session.setOrder')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void onChange({ turnOrder: { lot: true } })}>
        {t('session.drawLots')}
      </button>
      <button type="button" className="button button--primary" disabled={busy || session.turnOrder.length === 0} onClick={() => void onChange({ nextTurn: true })}>
        {t('session.nextTurn')}
      </button>
    </div>
  );
}
