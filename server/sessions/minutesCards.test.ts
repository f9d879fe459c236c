import { expect, test } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n/translate';
import type { MemberWithUserRow, PartyRow, WorkSessionCardRow, WorkSessionStepRow } from '../storage/rows';
import { minutesCards } from './minutesCards';

const t = (key: MessageKey, params?: MessageParams) => translate('nl', key, params);
const step = (id: string, revealedAt: number | null): WorkSessionStepRow => ({
  id, session_id: 's', position: 0, title: `Stap ${id}`, instruction: '', minutes: 5, kind: 'private', document_id: null, block_id: null, revealed_at: revealedAt, guests_write: 0,
});
const card = (id: string, stepId: string, text: string, anonymous: number): WorkSessionCardRow => ({
  id, session_id: 's', step_id: stepId, author_id: 'u1', party_id: 'p1', text, anonymous, created_at: 1,
});
const parties = [{ id: 'p1', name: 'Bewoners' }] as PartyRow[];
const members = [{ user_id: 'u1', name: 'Ans de Vries' }] as MemberWithUserRow[];

test('revealed cards with name and party, an anonymous one with the party only; an unrevealed step shows nothing', () => {
  const out = JSON.stringify(
    minutesCards(
      {
        steps: [step('a', 10), step('b', null)],
        cards: [card('1', 'a', 'Open op zondag', 0), card('2', 'a', 'Buurtbudget', 1), card('3', 'b', 'GEHEIM', 0)],
        parties,
        members,
      },
      t,
    ),
  );
  expect(out).toContain('Ans de Vries (Bewoners)');
  expect(out).toContain('anoniem (Bewoners)');
  expect(out).toContain('Buurtbudget');
  expect(out.match(/Ans de Vries/g)).toHaveLength(1);
  expect(out).not.toContain('GEHEIM');
  expect(out).not.toContain('Stap b');
});

test('without revealed cards the section says so', () => {
  expect(JSON.stringify(minutesCards({ steps: [step('b', null)], cards: [card('3', 'b', 'GEHEIM', 0)], parties, members }, t))).toContain('Er zijn geen kaartjes onthuld.');
});
