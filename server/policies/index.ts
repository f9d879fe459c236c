/**
 * The only place that decides who may do what. The HTTP routes, the collaboration socket and
 * the abilities sent to the client all ask here.
 */
import type { Abilities } from '../../shared/api/abilities';
import type { MemberRole } from '../../shared/api/roles';
import { ForbiddenError, NotFoundError } from '../errors';

export const actions = [
  'workspace:read',
  'workspace:update',
  'party:manage',
  'member:manage',
  'member:leave',
  'invite:manage',
  'document:create',
  'document:read',
  'document:export',
  'document:update',
  'document:write',
  'document:comment',
  'thread:resolve',
  'comment:moderate',
  'commitment:decide',
  'version:create',
  'version:restore',
  'version:delete',
  'adoption:request',
  'adoption:sign',
  'audit:read',
  'session:read',
  'session:manage',
  'session:contribute',
] as const;
export type Action = (typeof actions)[number];

/** What a member of a workspace is: their role decides, and for commitments their party. */
export interface Membership {
  role: MemberRole;
  party_id?: string | null;
  /** For a guest: the one werksessie their grant is for. */
  guest_session_id?: string;
}

const readerActions: Action[] = ['workspace:read', 'document:read', 'document:export', 'member:leave', 'session:read'];
/** Taking part in a running werksessie: writing cards, casting ballots (issue 14). */
const participantActions: Action[] = ['session:contribute'];
const editorActions: Action[] = [
  ...readerActions,
  ...participantActions,
  'document:create',
  'document:update',
  'document:write',
  'document:comment',
  'thread:resolve',
  'commitment:decide',
  'version:create',
  'version:restore',
  'adoption:sign',
  'session:manage',
];

/**
 * A guest of a werksessie (joined with a code): sees the workspace's documents and the session,
 * comments, writes cards and votes; never writes a document, exports, manages or invites, and
 * cannot leave (their grant ends with the session).
 */
const guestActions: Action[] = ['workspace:read', 'document:read', 'document:comment', 'session:read', 'session:contribute'];

const grants: Record<MemberRole, ReadonlySet<Action>> = {
  owner: new Set<Action>([...editorActions, 'workspace:update', 'party:manage', 'member:manage', 'invite:manage', 'adoption:request', 'audit:read', 'version:delete', 'comment:moderate']),
  editor: new Set(editorActions),
  commenter: new Set<Action>([...readerActions, ...participantActions, 'document:comment', 'commitment:decide', 'adoption:sign']),
  viewer: new Set(readerActions),
  guest: new Set(guestActions),
};

/** True when the membership allows the action; a missing membership allows nothing. */
export function can(membership: Membership | undefined | null, action: Action): boolean {
  return membership ? grants[membership.role].has(action) : false;
}

/**
 * Throws when the action is not allowed. Someone who is not a member gets a 404, the same as
 * for a workspace that does not exist, so existence does not leak.
 */
export function authorize(membership: Membership | undefined | null, action: Action): asserts membership is Membership {
  if (!membership) throw new NotFoundError();
  if (!can(membership, action)) throw new ForbiddenError();
}

/**
 * Only someone who speaks for the commitment's party may confirm or withdraw it: a party's
 * word is given by its own people, whatever their role elsewhere.
 */
export function canDecideCommitment(membership: Membership | undefined | null, commitmentPartyId: unknown): boolean {
  return can(membership, 'commitment:decide') && typeof commitmentPartyId === 'string' && membership?.party_id === commitmentPartyId;
}

export function authorizeCommitmentDecision(membership: Membership | undefined | null, commitmentPartyId: unknown): void {
  authorize(membership, 'document:read');
  if (!canDecideCommitment(membership, commitmentPartyId)) {
    throw new ForbiddenError('error.notYourParty', 'not_your_party');
  }
}

/** Signing a version "on behalf of" a party takes someone who speaks for a party that must sign. */
export function authorizeAdoptionSignature(membership: Membership | undefined | null, requiredPartyIds: readonly string[]): string {
  authorize(membership, 'document:read');
  const partyId = membership.party_id;
  if (!can(membership, 'adoption:sign') || !partyId || !requiredPartyIds.includes(partyId)) {
    throw new ForbiddenError('error.notASigningParty', 'not_a_signing_party');
  }
  return partyId;
}

/** The thread's author, editors and owners resolve and reopen a thread; viewers only read. */
export function canResolveThread(membership: Membership | undefined | null, userId: string, thread: { author_id: string | null }): boolean {
  return can(membership, 'thread:resolve') || (can(membership, 'document:comment') && thread.author_id === userId);
}

/** A comment is changed only by its author (while they may still comment). */
export function canEditComment(membership: Membership | undefined | null, userId: string, comment: { author_id: string | null }): boolean {
  return can(membership, 'document:comment') && comment.author_id === userId;
}

/** Its author deletes a comment; owners may delete any (moderation). */
export function canDeleteComment(membership: Membership | undefined | null, userId: string, comment: { author_id: string | null }): boolean {
  return canEditComment(membership, userId, comment) || can(membership, 'comment:moderate');
}

/** Throws 404 for a non-member, 403 when the check says no. */
export function authorizeCheck(membership: Membership | undefined | null, allowed: boolean): asserts membership is Membership {
  authorize(membership, 'document:read');
  if (!allowed) throw new ForbiddenError();
}

/** What a connection to a document may do, fixed when its socket opens. */
export interface CollabAbilities {
  /** Change the document's text and blocks directly (false in suggestion mode). */
  writeText: boolean;
  /** Start and answer comment threads (commenters, editors, owners). */
  comment: boolean;
  /**
   * Write suggestions (issue 15): whoever may comment. A connection that may suggest but not
   * write is in suggestion mode: the server takes from it only changes that are suggestions.
   */
  suggest: boolean;
}

/**
 * `suggestMode`: the connection asked for suggestion mode (an editor's "Voorstellen"). Whoever
 * may comment but not write is in it anyway; the rule follows the actions, not role names.
 */
export function collabAbilitiesFor(membership: Membership | undefined | null, suggestMode = false, guestsWriteNow = false): CollabAbilities {
  const comment = can(membership, 'document:comment');
  return { writeText: mayWriteText(membership, guestsWriteNow) && !(suggestMode && comment), comment, suggest: comment };
}

/**
 * Writing a document's text: whoever may write it, and a guest while the current step of their
 * werksessie lets guests write (`guestsWriteNow`, see server/sessions/guestWriting.ts).
 */
export function mayWriteText(membership: Membership | undefined | null, guestsWriteNow = false): boolean {
  return can(membership, 'document:write') || (membership?.role === 'guest' && guestsWriteNow);
}

/** Whether the step that is current in a werksessie lets its guests write: only while it runs. */
export function stepLetsGuestsWrite(session: { status: string; current_step_id: string | null }, steps: readonly { id: string; guests_write: number }[]): boolean {
  return session.status === 'running' && steps.some((step) => step.id === session.current_step_id && step.guests_write === 1);
}

/** True when a connection's changes must all be suggestions. */
export function isSuggestionMode(abilities: CollabAbilities): boolean {
  return abilities.suggest && !abilities.writeText;
}

/**
 * Accepting or rejecting a suggestion: in ordinary text whoever may write the document; inside
 * a commitment only someone who speaks for the commitment's party, as for the commitment
 * itself. `commitmentPartyIds`: the party of each commitment the suggestion touches;
 * `inOrdinaryText`: whether any of it lies outside commitments.
 */
export function authorizeSuggestionDecision(membership: Membership | undefined | null, place: { inOrdinaryText: boolean; commitmentPartyIds: readonly unknown[] }): void {
  authorize(membership, 'document:read');
  for (const partyId of place.commitmentPartyIds) {
    if (!canDecideCommitment(membership, partyId)) throw new ForbiddenError('error.notYourPartySuggestion', 'not_your_party');
  }
  if (place.inOrdinaryText && !can(membership, 'document:write')) throw new ForbiddenError();
}

/**
 * Accepting or rejecting a suggested change of a block's fields: whoever may write the document,
 * and for a field in `ownerDecidedFields` (a criterion's weight) only an owner. A session's poll
 * sets weights its own way (`authorizeApplyWeights`).
 */
export function authorizeFieldSuggestionDecision(membership: Membership | undefined | null, place: { ownerOnly: boolean }): void {
  authorize(membership, 'document:read');
  if (place.ownerOnly && membership?.role !== 'owner') throw new ForbiddenError('error.weightOwnersOnly', 'owners_only');
  if (!can(membership, 'document:write')) throw new ForbiddenError();
}

export function abilitiesFor(membership: Membership | undefined | null, guestsWriteNow = false): Abilities {
  return {
    readWorkspace: can(membership, 'workspace:read'),
    manageWorkspace: can(membership, 'workspace:update'),
    manageParties: can(membership, 'party:manage'),
    manageMembers: can(membership, 'member:manage'),
    manageInvites: can(membership, 'invite:manage'),
    createDocument: can(membership, 'document:create'),
    updateDocument: can(membership, 'document:update'),
    readDocument: can(membership, 'document:read'),
    writeDocument: mayWriteText(membership, guestsWriteNow),
    comment: can(membership, 'document:comment'),
    createVersion: can(membership, 'version:create'),
    restoreVersion: can(membership, 'version:restore'),
    deleteVersion: can(membership, 'version:delete'),
    requestAdoption: can(membership, 'adoption:request'),
    signAdoption: can(membership, 'adoption:sign') && Boolean(membership?.party_id),
    readAudit: can(membership, 'audit:read'),
    manageSessions: can(membership, 'session:manage'),
    contributeToSessions: can(membership, 'session:contribute'),
  };
}

/** What the chair's rights depend on: the session's state and who chairs it. */
export interface ChairedSession {
  id: string;
  status: string;
  chair_user_id: string | null;
}

/**
 * Reading a werksessie: any member may; a guest only the session their code was for (another
 * session of the workspace is a 404 to them, as if it did not exist).
 */
export function authorizeSessionRead(membership: Membership | undefined | null, session: { id: string }): asserts membership is Membership {
  authorize(membership, 'session:read');
  if (membership.role === 'guest' && membership.guest_session_id !== session.id) throw new NotFoundError();
}

/** The sessions of a workspace the member may see listed: a guest sees only their own. */
export function sessionsVisibleTo<S extends { id: string }>(membership: Membership, sessions: S[]): S[] {
  return membership.role === 'guest' ? sessions.filter((s) => s.id === membership.guest_session_id) : sessions;
}

/** Whether the membership is a guest's: the role that is never assigned and never chairs. */
export const isGuest = (membership: Membership | undefined | null): boolean => membership?.role === 'guest';

/**
 * Only the chair of a running session moves it on, times it, locks it and hands it over: a
 * member who is not the chair gets a 403, someone outside the workspace a 404.
 */
export function authorizeChair(membership: Membership | undefined | null, session: ChairedSession, userId: string): void {
  authorizeSessionRead(membership, session);
  if (session.status !== 'running' || session.chair_user_id !== userId) throw new ForbiddenError('error.notTheChair', 'not_the_chair');
}

/**
 * Handing the chair over: the chair does, and so may an owner of the workspace — a chair who
 * left, was removed or lost their role would otherwise hold the session (and a lock on every
 * document of the workspace) for good, since nobody else may end or unlock it.
 */
export function authorizeChairHandOver(membership: Membership | undefined | null, session: ChairedSession, userId: string): void {
  authorizeSessionRead(membership, session);
  if (session.status === 'running' && membership?.role === 'owner') return;
  authorizeChair(membership, session, userId);
}

/**
 * What a party said in its turn is recorded while the session runs, by the chair or by a
 * member of that party who may take part in writing (not a viewer). After the session the
 * record stands as everyone saw it.
 */
export function authorizeTurnText(membership: Membership | undefined | null, session: ChairedSession, turnPartyId: string, userId: string): void {
  authorizeSessionRead(membership, session);
  if (session.status !== 'running') throw new ForbiddenError('error.notYourTurn', 'not_your_turn');
  if (session.chair_user_id === userId) return;
  if (membership?.party_id === turnPartyId && can(membership, 'document:comment')) return;
  throw new ForbiddenError('error.notYourTurn', 'not_your_turn');
}

/**
 * While a session of the workspace is locked, only its chair writes in the workspace's
 * documents (the chair presents; the others follow). `lockingChairs`: the chairs of the
 * workspace's locked sessions, empty when none is locked.
 */
export function mayWriteUnderLock(lockingChairs: ReadonlySet<string>, userId: string): boolean {
  return lockingChairs.size === 0 || lockingChairs.has(userId);
}

/** What deciding about a card depends on: who wrote it, and whether its step is revealed. */
export interface CardVisibility {
  author_id: string | null;
  revealed_at: number | null;
}

/**
 * A card of a private step is its author's alone until the chair reveals the step: not the
 * chair's, not an owner's (issue 14: private input enforced by the server). After the reveal
 * everyone who reads the session sees it.
 */
export function canReadCard(membership: Membership | undefined | null, userId: string, card: CardVisibility): boolean {
  return can(membership, 'session:read') && (card.revealed_at !== null || (card.author_id !== null && card.author_id === userId));
}

/**
 * Turning a card into a document's text: someone who may write the document, once the card is
 * revealed. A card one may not see is not found (its existence does not leak); one's own card
 * before the reveal is a 403 — even its author waits for the table to see it first.
 */
export function authorizeCardPromotion(membership: Membership | undefined | null, userId: string, card: CardVisibility): void {
  if (!canReadCard(membership, userId, card)) throw new NotFoundError('error.cardMissing');
  authorize(membership, 'document:write');
  if (card.revealed_at === null) throw new ForbiddenError('error.cardNotRevealed', 'card_not_revealed');
}

/**
 * A guest has no account to change (name, address, password): the name carries the guest's
 * marker, and an address would make mail go to someone nobody verified. Signing up turns the
 * guest into an account first.
 */
export function authorizeAccountChange(user: { guest: number }): void {
  if (user.guest === 1) throw new ForbiddenError('error.guestSignUpFirst', 'guest_sign_up_first');
}

/**
 * Casting a ballot in a poll of a session is taking part: commenters, editors and owners (and
 * later guests), not viewers. In a poll counted per party the ballot speaks for the voter's
 * party, so someone without a party cannot cast one. Returns the party the ballot is cast for.
 */
export function authorizeBallot(membership: Membership | undefined | null, unit: 'person' | 'party'): string | null {
  authorize(membership, 'session:contribute');
  const partyId = membership.party_id ?? null;
  if (unit === 'party' && !partyId) throw new ForbiddenError('error.noPartyToVote', 'no_party');
  return partyId;
}

/**
 * Turning a closed poll's result into the criteria's weights: the chair of the running session,
 * or an owner of the workspace at any time (a poll often closes just before the session ends,
 * and the weights are then set afterwards). It writes into documents, so it also takes the
 * right to write them.
 */
export function canApplyWeights(membership: Membership | undefined | null, session: ChairedSession, userId: string): boolean {
  const chairs = session.status === 'running' && session.chair_user_id === userId;
  return can(membership, 'document:write') && (chairs || membership?.role === 'owner');
}

export function authorizeApplyWeights(membership: Membership | undefined | null, session: ChairedSession, userId: string): void {
  authorize(membership, 'session:read');
  if (!canApplyWeights(membership, session, userId)) throw new ForbiddenError('error.weightsNotAllowed', 'not_the_chair');
}
