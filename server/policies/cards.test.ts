import { describe, expect, test } from 'vitest';
import { roles, type Role } from '../../shared/api/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import { authorizeCardPromotion, canReadCard } from './index';

/**
 * Who sees and promotes a card of a private step, written out by hand from issue 14 item 4:
 * before the reveal its author alone (whatever anyone's role, the owner and the chair
 * included); after, every member; promoting takes writing the document, after the reveal.
 */
const me = 'ik';
const cards = {
  ownPrivate: { author_id: me, revealed_at: null },
  othersPrivate: { author_id: 'ander', revealed_at: null },
  othersRevealed: { author_id: 'ander', revealed_at: 1 },
  /** The author's account is gone (author_id set null): nobody is its author any more. */
  orphanPrivate: { author_id: null, revealed_at: null },
} as const;
type CardCase = keyof typeof cards;

const reads: Record<CardCase, Record<Role, boolean>> = {
  ownPrivate: { owner: true, editor: true, commenter: true, viewer: true },
  othersPrivate: { owner: false, editor: false, commenter: false, viewer: false },
  othersRevealed: { owner: true, editor: true, commenter: true, viewer: true },
  orphanPrivate: { owner: false, editor: false, commenter: false, viewer: false },
};

/** What promoting answers: allowed, or the status of the refusal. */
const promotes: Record<CardCase, Record<Role, 'ok' | 403 | 404>> = {
  ownPrivate: { owner: 403, editor: 403, commenter: 403, viewer: 403 },
  othersPrivate: { owner: 404, editor: 404, commenter: 404, viewer: 404 },
  othersRevealed: { owner: 'ok', editor: 'ok', commenter: 403, viewer: 403 },
  orphanPrivate: { owner: 404, editor: 404, commenter: 404, viewer: 404 },
};

const outcome = (run: () => void): 'ok' | 403 | 404 => {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof NotFoundError) return 404;
    if (error instanceof ForbiddenError) return 403;
    throw error;
  }
};

describe.each(Object.keys(cards) as CardCase[])('a card (%s)', (card) => {
  test.each(roles)('for a %s', (role) => {
    expect(canReadCard({ role }, me, cards[card])).toBe(reads[card][role]);
    expect(outcome(() => authorizeCardPromotion({ role }, me, cards[card]))).toBe(promotes[card][role]);
  });
});

test('someone outside the workspace reads no card and finds none to promote', () => {
  expect(canReadCard(undefined, me, cards.othersRevealed)).toBe(false);
  expect(outcome(() => authorizeCardPromotion(undefined, me, cards.othersRevealed))).toBe(404);
});
