/**
 * The cards of one private step. Before the reveal a participant writes cards and sees only
 * their own (the server gives nothing else, to the chair neither), with a count of how many
 * the table has written; after the reveal everyone sees all of them, an anonymous card with its
 * party only. The list is fetched again whenever the session says the step changed (its count
 * or its reveal), so it follows the workspace's `session` events without polling.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { SessionCard } from '../../shared/api/cards';
import { cardLimits } from '../../shared/api/cardSchemas';
import type { DocumentSummary } from '../../shared/api/documents';
import type { SessionDetail, SessionStep } from '../../shared/api/sessions';
import type { Abilities } from '../../shared/api/abilities';
import type { Party } from '../../shared/api/workspaces';
import { api } from '../api';
import { FormError } from '../components/Field';
import { errorMessage } from '../forms';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';
import { PromoteCard } from './PromoteCard';

interface Props {
  session: SessionDetail;
  step: SessionStep;
  parties: readonly Party[];
  documents: readonly DocumentSummary[];
  abilities: Abilities;
}

export function PrivateCards({ session, step, parties, documents, abilities }: Props) {
  const t = useT();
  const [cards, setCards] = useState<SessionCard[]>([]);
  const [error, setError] = useState<string | null>(null);
  const revealed = step.revealedAt !== null;

  useEffect(() => {
    let current = true;
    api.listCards(session.id, step.id).then(
      (list) => current && setCards(list.cards),
      (caught: unknown) => current && setError(errorMessage(caught, t)),
    );
    return () => {
      current = false;
    };
  }, [session.id, step.id, step.revealedAt, step.cardCount, t]);

  const mayWrite = !revealed && session.status === 'running' && abilities.contributeToSessions;
  const headingId = `cards-${step.id}`;
  return (
    <section className="panel private-cards" aria-labelledby={headingId} data-testid="private-cards">
      <h2 id={headingId}>
        {t('cards.title')}: {step.title}
      </h2>
      {revealed ? <p className="status-badge">{t('cards.revealed')}</p> : <p className="muted">{t('cards.privateHint')}</p>}
      <p className="muted" aria-live="polite" data-testid="card-count">
        {t('cards.count', { count: step.cardCount })}
      </p>
      {mayWrite && <CardForm sessionId={session.id} stepId={step.id} onWritten={(card) => setCards((shown) => [...shown, card])} />}
      <h3>{revealed ? t('cards.all') : t('cards.yours')}</h3>
      {cards.length === 0 ? (
        <p className="muted">{t('cards.none')}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <CardItem key={card.id} card={card} parties={parties} documents={documents} mayPromote={revealed && abilities.writeDocument} />
          ))}
        </ul>
      )}
      <FormError message={error} />
    </section>
  );
}

function CardItem({ card, parties, documents, mayPromote }: { card: SessionCard; parties: readonly Party[]; documents: readonly DocumentSummary[]; mayPromote: boolean }) {
  const t = useT();
  const party = parties.find((p) => p.id === card.partyId);
  return (
    <li className="card-list__card" data-testid="session-card">
      <p className="card-list__text">{card.text}</p>
      <p className="card-list__meta">
        <span>{card.author ? (card.author.name ?? '?') : t('cards.anonymousAuthor')}</span>
        {party ? <PartyChip name={party.name} color={party.color} compact /> : <span className="muted">{card.partyName ?? t('cards.noParty')}</span>}
        {card.mine && <span className="muted">({t('cards.mine')})</span>}
      </p>
      {mayPromote && <PromoteCard cardId={card.id} documents={documents} />}
    </li>
  );
}

function CardForm({ sessionId, stepId, onWritten }: { sessionId: string; stepId: string; onWritten: (card: SessionCard) => void }) {
  const t = useT();
  const action = useAction();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const id = `card-text-${stepId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => onWritten(await api.writeCard(sessionId, { stepId, text, anonymous })));
    if (ok) setText('');
  };
  return (
    <form className="card-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id} className="field__label">
        {t('cards.text')}
      </label>
      <textarea id={id} name="text" className="input" rows={3} maxLength={cardLimits.textMax} value={text} onChange={(e) => setText(e.target.value)} />
      {action.fields.text && <p className="field__error">{action.fields.text}</p>}
      <label className="checkbox-field">
        <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span>{t('cards.anonymous')}</span>
      </label>
      {anonymous && <p className="muted">{t('cards.anonymousHint')}</p>}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('cards.add')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
