/**
 * The minutes' cards section: per revealed private step, every card with its author's name and
 * party, or only the party for an anonymous card. The rows come from
 * `SessionCardRepo.listRevealed`; a card of a step never revealed is not among them, and is left
 * out here too should one slip in, so the minutes (a document every member reads) cannot carry
 * a private card.
 */
import type { JSONContent } from '@tiptap/core';
import type { MessageKey, MessageParams } from '../../shared/i18n/translate';
import { bold, bulletList, h3, paragraph } from '../../shared/templates/builders';
import type { MemberWithUserRow, PartyRow, WorkSessionCardRow, WorkSessionStepRow } from '../storage/rows';

type Words = (key: MessageKey, params?: MessageParams) => string;

export interface MinutesCardsInput {
  steps: readonly WorkSessionStepRow[];
  cards: readonly WorkSessionCardRow[];
  parties: readonly PartyRow[];
  members: readonly Pick<MemberWithUserRow, 'user_id' | 'name'>[];
}

export function minutesCards({ steps, cards, parties, members }: MinutesCardsInput, t: Words): JSONContent[] {
  const partyName = (id: string | null) => (id ? (parties.find((p) => p.id === id)?.name ?? t('minutes.unknownParty')) : t('minutes.noParty'));
  const who = (card: WorkSessionCardRow) => {
    const name = card.anonymous === 1 ? t('minutes.anonymous') : (members.find((m) => m.user_id === card.author_id)?.name ?? t('minutes.unknownPerson'));
    return `${name} (${partyName(card.party_id)})`;
  };
  const out: JSONContent[] = [];
  for (const step of steps) {
    if (step.revealed_at === null) continue;
    const inStep = cards.filter((card) => card.step_id === step.id);
    if (inStep.length === 0) continue;
    out.push(h3(t('minutes.cardsInStep', { step: step.title })));
    out.push(bulletList(inStep.map((card) => [bold(who(card)), `: ${card.text}`])));
  }
  return out.length > 0 ? out : [paragraph(t('minutes.noCards'))];
}
