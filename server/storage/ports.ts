/**
 * What the rest of the server may ask of storage. Every method returns a Promise, so an engine
 * that answers over the network (PostgreSQL) fits behind the same interfaces as the embedded
 * one (SQLite, which answers within the same event-loop turn). Nothing outside server/storage
 * names an engine.
 */
import type { ClusterBus } from '../cluster/ClusterBus';
import type { DocumentOwnership } from '../cluster/DocumentOwnership';
import type { Language } from '../../shared/i18n/messages';
import type {
  CommentNotificationRow,
  CommentRow,
  CommentThreadRow,
  ThreadStatus,
  AdoptionDecisionRow,
  AdoptionRequestRow,
  AttributionCounts,
  AttributionTotalRow,
  AuditRow,
  BlockRecordRow,
  BlockRow,
  CalendarFeedRow,
  CommitmentDecisionRow,
  DocumentClientRow,
  DocumentRow,
  InviteRow,
  MemberRow,
  MemberWithUserRow,
  OidcLoginRow,
  PartyRow,
  PendingUpdateRow,
  RegisterRow,
  ReminderSentRow,
  SingleUseLinkPurpose,
  SingleUseLinkRow,
  SessionRow,
  UserIdentityRow,
  UserRow,
  VersionMetaRow,
  VersionRow,
  WorkspaceListRow,
  WorkspaceRow,
  WorkSessionRow,
  WorkSessionState,
  WorkSessionStepRow,
  WorkSessionTurnRow,
  WorkSessionStepPeriodRow,
  WorkSessionAttendanceRow,
  WorkSessionCardRow,
  JoinCodeRow,
  SessionGuestRow,
  StoredMemberRow,
  PollRow,
  PollOptionRow,
  PollBallotRow,
  PollVoterRow,
  SuggestionRow,
  SuggestionStatus,
  FieldSuggestionRow,
  FieldSuggestionStatus,
} from './rows';

/** On whose behalf an update was written; both null for the server's own changes. */
export interface UpdateAuthor {
  userId: string | null;
  partyId: string | null;
}

export interface StoredSnapshot {
  state: Uint8Array;
  /** The snapshot holds every log row up to and including this id. */
  uptoId: number;
}

export interface StoredLog {
  snapshot: StoredSnapshot | null;
  /** Log rows after the snapshot, in order. */
  updates: { id: number; bytes: Uint8Array }[];
}

/**
 * The per-document log of Yjs updates and its snapshot: the one store the sync core writes on
 * its hot path. `append` resolves once the rows are committed; nothing may be relayed before.
 */
export interface DocumentLog {
  read(documentId: string): Promise<StoredLog>;
  /**
   * Appends the updates in order, in one transaction; resolves with the id of the last row.
   * `afterId` is the last row the caller's state holds (its load, then its own appends): when
   * the log has a row past it, another writer appended that the caller never saw, and a
   * compaction of the caller's state would drop that row. Then nothing is stored and it rejects
   * with {@link DocumentLogMovedError}; the caller must reload instead of writing. Without
   * `afterId` (imports, tests of numbering) nothing is checked.
   */
  append(documentId: string, entries: readonly { update: Uint8Array; author: UpdateAuthor }[], afterId?: number): Promise<number>;
  /**
   * Replaces the snapshot with `state` and drops the log rows up to `uptoId`, atomically.
   * `state` must hold every one of those rows. A snapshot already past `uptoId` (another writer
   * compacted more than the caller knows) is kept, and nothing is dropped.
   */
  compact(documentId: string, state: Uint8Array, uptoId: number): Promise<void>;
  /** Documents with log rows not yet folded into their snapshot. */
  documentsWithLog(): Promise<string[]>;
}

export interface NewUser {
  email: string;
  name: string;
  /** `noPassword` (server/auth/passwords.ts) for an account that signs in only through its provider. */
  passwordHash: string;
  language?: Language;
  /** When the address was verified: by the OpenID provider that created the account. */
  emailVerifiedAt?: number | null;
  identity?: { issuer: string; subject: string };
  /**
   * Join the invite's workspace in the same transaction, one use counted. When the invite can no
   * longer be used, nothing is created and `create` rejects with {@link InviteUsedUpError}.
   */
  invite?: InviteRow;
}

/** The invite a sign-up meant to join through was used up, revoked or expired meanwhile. */
export class InviteUsedUpError extends Error {
  constructor() {
    super('invite used up');
  }
}

export interface UserRepo {
  findByEmail(email: string): Promise<UserRow | undefined>;
  findById(id: string): Promise<UserRow | undefined>;
  /**
   * Resolves null when the email is taken. With `identity`, the account is linked to that
   * account at an OpenID provider in the same transaction (null too when that one is linked).
   */
  create(input: NewUser): Promise<UserRow | null>;
  /** Resolves false when the new email is taken by someone else. A changed email is unverified. */
  update(id: string, changes: { name?: string; email?: string; language?: Language; workspace_mails?: number }): Promise<boolean>;
  /** Marks `email` verified for the person, if it is still their address; resolves whether it was. */
  markEmailVerified(id: string, email: string, now: number): Promise<boolean>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
}

export interface SessionRepo {
  insert(row: SessionRow): Promise<void>;
  findById(id: string): Promise<SessionRow | undefined>;
  delete(id: string): Promise<void>;
  setExpiry(id: string, expiresAt: number): Promise<void>;
  /** Newest first. */
  listForUser(userId: string): Promise<SessionRow[]>;
  /** Deletes every session of the user but `keepId` (none kept when null); resolves with the ids removed. */
  deleteAllForUserExcept(userId: string, keepId: string | null): Promise<string[]>;
  /** Resolves with the number of sessions removed. */
  deleteExpired(now: number): Promise<number>;
}

export interface WorkspaceRepo {
  /** Creates the workspace with its creator as owner, in one transaction. */
  create(name: string, userId: string): Promise<WorkspaceRow>;
  findById(id: string): Promise<WorkspaceRow | undefined>;
  listForUser(userId: string): Promise<WorkspaceListRow[]>;
  rename(id: string, name: string): Promise<void>;
}

export interface PartyRepo {
  create(input: Omit<PartyRow, 'id' | 'created_at'>): Promise<PartyRow>;
  findById(id: string): Promise<PartyRow | undefined>;
  listForWorkspace(workspaceId: string): Promise<PartyRow[]>;
  countForWorkspace(workspaceId: string): Promise<number>;
  update(row: PartyRow): Promise<void>;
  /** Members and open invites that still speak for this party. */
  usageCount(id: string): Promise<number>;
  /** Deletes the party and the revoked invites that named it. */
  delete(id: string): Promise<void>;
}

export interface MemberRepo {
  find(workspaceId: string, userId: string): Promise<MemberRow | undefined>;
  listForWorkspace(workspaceId: string): Promise<MemberWithUserRow[]>;
  insert(row: StoredMemberRow): Promise<void>;
  update(row: StoredMemberRow): Promise<void>;
  delete(workspaceId: string, userId: string): Promise<void>;
  ownerCount(workspaceId: string): Promise<number>;
}

export interface InviteRepo {
  create(input: Omit<InviteRow, 'id' | 'uses' | 'revoked_at' | 'created_at' | 'email'> & { email?: string | null }): Promise<InviteRow>;
  findByTokenHash(hash: string): Promise<InviteRow | undefined>;
  findById(id: string): Promise<InviteRow | undefined>;
  listForWorkspace(workspaceId: string): Promise<InviteRow[]>;
  revoke(id: string): Promise<void>;
  /**
   * Counts one use and makes the user a member, in one transaction; resolves false (and
   * changes nothing) when the invite was used up, revoked or expired in the meantime.
   */
  redeem(invite: InviteRow, userId: string, now: number): Promise<boolean>;
}

export interface DocumentRepo {
  create(input: Pick<DocumentRow, 'workspace_id' | 'title' | 'template' | 'created_by'>): Promise<DocumentRow>;
  findById(id: string): Promise<DocumentRow | undefined>;
  listForWorkspace(workspaceId: string): Promise<DocumentRow[]>;
  update(row: DocumentRow): Promise<void>;
  touch(id: string, at: number): Promise<void>;
  /** Removes a document and (by cascade) its log: only for one nobody has seen yet, such as minutes whose session did not end. */
  remove(id: string): Promise<void>;
}

export interface BlockRepo {
  /** Replaces every block of one document, atomically. */
  replaceForDocument(documentId: string, rows: BlockRow[]): Promise<void>;
  listForWorkspace(workspaceId: string, kind: string): Promise<RegisterRow[]>;
  listAllForWorkspace(workspaceId: string): Promise<RegisterRow[]>;
}

export interface CommitmentDecisionRepo {
  record(row: Omit<CommitmentDecisionRow, 'id'>): Promise<CommitmentDecisionRow>;
  /** The last decision per commitment block of a document. */
  latestForDocument(documentId: string): Promise<CommitmentDecisionRow[]>;
}

export interface BlockRecordRepo {
  forDocument(documentId: string): Promise<BlockRecordRow[]>;
  /** Records blocks not recorded yet; a block already recorded keeps its first record. */
  insert(rows: BlockRecordRow[]): Promise<void>;
}

export interface CalendarFeedRepo {
  /** One secret URL per member and workspace: a new one replaces the old. */
  replace(workspaceId: string, userId: string, tokenHash: string): Promise<void>;
  findByTokenHash(hash: string): Promise<CalendarFeedRow | undefined>;
  /** Ends a member's secret URL for good: called when they leave or are removed. */
  deleteForMember(workspaceId: string, userId: string): Promise<void>;
}

export interface VersionRepo {
  create(input: Omit<VersionRow, 'id' | 'created_at' | 'content_hash'> & { created_at?: number; content_hash?: string | null }): Promise<VersionRow>;
  findById(id: string): Promise<VersionRow | undefined>;
  listForDocument(documentId: string): Promise<VersionMetaRow[]>;
  latestForDocument(documentId: string): Promise<VersionRow | undefined>;
  /** Deletes the version unless an adoption request uses it, in one statement. */
  delete(id: string): Promise<'deleted' | 'adopted' | 'missing'>;
  /** Deletes these automatic versions, except any an adoption request uses; resolves with the number deleted. */
  deleteAutomatic(ids: readonly string[]): Promise<number>;
}

/** Bytes stored for a workspace's documents (snapshots and log rows) and for their versions. */
export interface StorageUsageRepo {
  forWorkspace(workspaceId: string): Promise<{ documentsBytes: number; versionsBytes: number }>;
}

export interface AdoptionRepo {
  createRequest(row: AdoptionRequestRow): Promise<void>;
  findRequest(versionId: string): Promise<AdoptionRequestRow | undefined>;
  requestsForDocument(documentId: string): Promise<AdoptionRequestRow[]>;
  requestsForWorkspace(workspaceId: string): Promise<AdoptionRequestRow[]>;
  recordDecision(row: Omit<AdoptionDecisionRow, 'id'>): Promise<void>;
  decisions(versionId: string): Promise<AdoptionDecisionRow[]>;
}

export interface AuditEntry {
  workspaceId: string;
  documentId: string | null;
  userId: string | null;
  action: string;
  detail: unknown;
}

export interface AuditLogRepo {
  record(entry: AuditEntry): Promise<void>;
  forDocument(documentId: string): Promise<AuditRow[]>;
  /** Newest first: at most `limit` entries with an id below `before` (all when null). */
  forWorkspace(workspaceId: string, page: { before: number | null; limit: number }): Promise<AuditRow[]>;
}

export type CountUpdate = (row: PendingUpdateRow) => { counts: AttributionCounts; clientIds: number[] };

export interface SingleUseLinkRepo {
  insert(row: Omit<SingleUseLinkRow, 'used_at'>): Promise<void>;
  /**
   * Marks a valid, unused, unexpired link of this purpose used, if its account still has the
   * address it was sent to, and resolves with that account and address; null otherwise.
   */
  take(purpose: SingleUseLinkPurpose, tokenHash: string, now: number): Promise<{ user_id: string; email: string } | null>;
  dropForUser(userId: string, purpose: SingleUseLinkPurpose): Promise<void>;
}

/** A block that can carry a date (reflection moment, action), as reminders see it. */
export interface DatedBlockRow extends Pick<BlockRow, 'workspace_id' | 'document_id' | 'block_id' | 'kind' | 'attrs' | 'text' | 'valid' | 'issues'> {
  workspace_name: string;
  document_title: string;
}

export interface ReminderRepo {
  /**
   * The valid reflection moments and actions of documents not archived, in every workspace, whose
   * attributes mention `date` (the caller checks which attribute holds it).
   */
  datedBlocks(date: string): Promise<DatedBlockRow[]>;
  /** Records that a reminder goes out; resolves false when one already went for this person, block and date. */
  claim(row: ReminderSentRow): Promise<boolean>;
}

/** Accounts at OpenID providers and the werktafel accounts they sign in to. */
export interface UserIdentityRepo {
  find(issuer: string, subject: string): Promise<UserIdentityRow | undefined>;
  /** Resolves false when that identity is linked already (to anyone). */
  link(row: UserIdentityRow): Promise<boolean>;
}

/** Sign-ins at the OpenID provider that started here and have not come back yet. */
export interface OidcLoginRepo {
  insert(row: OidcLoginRow): Promise<void>;
  /** Removes the login and resolves it, if it exists and has not expired; null otherwise (so it works once). */
  take(id: string, now: number): Promise<OidcLoginRow | null>;
  /** Resolves with the number removed. */
  deleteExpired(now: number): Promise<number>;
}

/** What `GET /api/me/export` hands a person about themselves, beyond their profile and sessions. */
export interface PersonalDataExport {
  memberships: { workspaceId: string; workspaceName: string; role: string; partyName: string | null; joinedAt: number }[];
  contributions: { documentId: string; documentTitle: string; day: string; charsInserted: number; charsDeleted: number; blocksInserted: number }[];
  commitmentDecisions: { documentId: string; blockId: string; status: string; decidedAt: number; reason: string | null }[];
  adoptionDecisions: { versionId: string; decision: string; reason: string | null; decidedAt: number }[];
  auditEntries: { workspaceId: string; documentId: string | null; action: string; detail: string; at: number }[];
  /** Accounts at OpenID providers that sign in to this one. */
  identities: { issuer: string; subject: string; linkedAt: number }[];
  /** What the person wrote in comment threads. */
  comments: { commentId: string; threadId: string; documentId: string; documentTitle: string; body: string; createdAt: number; editedAt: number | null }[];
  /** Their inbox: which comments reached them, why, and whether they read them. */
  notifications: { id: string; kind: string; threadId: string; commentId: string; documentId: string; createdAt: number; readAt: number | null }[];
  /** The cards they wrote in werksessies: their own, so private ones too. */
  sessionCards: { cardId: string; sessionId: string; stepId: string; text: string; anonymous: number; createdAt: number }[];
}

export interface PersonalDataRepo {
  export(userId: string): Promise<PersonalDataExport>;
  /** Removes the person's personal data and access, keeping the row their work is credited to. */
  anonymise(userId: string, now: number): Promise<void>;
}

export interface AttributionRepo {
  /**
   * Counts every not yet attributed log row up to `uptoId` with `count` and marks them done,
   * in one transaction; resolves with the number of rows.
   */
  summarise(documentId: string, uptoId: number, count: CountUpdate): Promise<number>;
  totals(documentId: string): Promise<AttributionTotalRow[]>;
  /**
   * The summaries, the client ids and the log rows not yet summarised (in order), read from one
   * snapshot: read apart, a summary committed in between was counted twice (PostgreSQL, where
   * each read may take its own connection).
   */
  live(documentId: string): Promise<{ totals: AttributionTotalRow[]; clients: DocumentClientRow[]; pending: PendingUpdateRow[] }>;
  documentsWithPending(): Promise<string[]>;
}

/** Werksessies (issue 14): the session, its agenda, its live state and the turns of its rounds. */
export interface WorkSessionRepo {
  create(session: WorkSessionRow, steps: readonly WorkSessionStepRow[]): Promise<void>;
  findById(id: string): Promise<WorkSessionRow | undefined>;
  /** Newest first. */
  listForWorkspace(workspaceId: string): Promise<WorkSessionRow[]>;
  /** Running sessions that are locked: the collaboration server's lock is rebuilt from these at start. */
  listLocked(): Promise<WorkSessionRow[]>;
  rename(id: string, title: string, startsAt: number | null): Promise<void>;
  /** Replaces the agenda in one transaction; `steps` in their new order. */
  replaceSteps(sessionId: string, steps: readonly WorkSessionStepRow[]): Promise<void>;
  listSteps(sessionId: string): Promise<WorkSessionStepRow[]>;
  /** Writes only the fields given: a request that read the row earlier must not write back what others changed since. */
  setState(id: string, changes: Partial<WorkSessionState>): Promise<void>;
  /** `running` with its chair. */
  setStatus(id: string, status: 'running', at: number, chairUserId: string): Promise<void>;
  /**
   * Ends a running session with its minutes, atomically: the live state is cleared, the open
   * turn and step period close. False (and nothing changed) when it was not running any more,
   * e.g. a second end that came in at the same time.
   */
  end(id: string, at: number, minutesDocumentId: string): Promise<boolean>;
  /** Closes the open step period (if any) at `at` and, when given, opens one for `stepId`. */
  switchStep(sessionId: string, at: number, next: WorkSessionStepPeriodRow | null): Promise<void>;
  /** In the order they began. */
  listStepPeriods(sessionId: string): Promise<WorkSessionStepPeriodRow[]>;
  /** The first time counts; a later visit of the same person changes nothing. */
  recordAttendance(row: WorkSessionAttendanceRow): Promise<void>;
  listAttendance(sessionId: string): Promise<WorkSessionAttendanceRow[]>;
  /** Ends the session's open turn (if any) at `at` and, when given, opens the next one, atomically. */
  switchTurn(sessionId: string, at: number, next: WorkSessionTurnRow | null): Promise<void>;
  findTurn(id: string): Promise<WorkSessionTurnRow | undefined>;
  setSaid(turnId: string, said: string): Promise<void>;
  /** In the order they began. */
  listTurns(sessionId: string): Promise<WorkSessionTurnRow[]>;
}

/** Cards of private steps (issue 14, item 4). Who may see which is decided in server/policies. */
export interface SessionCardRepo {
  insert(card: WorkSessionCardRow): Promise<void>;
  findById(id: string): Promise<WorkSessionCardRow | undefined>;
  /** The step's cards, oldest first. */
  listForStep(sessionId: string, stepId: string): Promise<WorkSessionCardRow[]>;
  /** The step's cards by one author, oldest first. */
  listOwn(sessionId: string, stepId: string, authorId: string): Promise<WorkSessionCardRow[]>;
  /** How many cards each step of the session has (a count says nothing of what they say). */
  countPerStep(sessionId: string): Promise<Map<string, number>>;
  /** Every card of the session's revealed steps, oldest first: what the minutes may show. */
  listRevealed(sessionId: string): Promise<WorkSessionCardRow[]>;
  /**
   * Marks a step revealed at `at`, unless it already was (the first reveal time stands).
   * Resolves with the step's reveal time.
   */
  reveal(stepId: string, at: number): Promise<number>;
}

/** What casting a ballot came to: in, in instead of the party's earlier one, or refused. */
export type BallotOutcome = 'cast' | 'replaced' | 'already_voted' | 'poll_closed';

/** A ballot to store: the voter goes to the voters table, the ballot row carries only what `PollBallotRow` allows. */
export interface NewBallot {
  voter: PollVoterRow;
  ballot: PollBallotRow;
}

/** The polls of werksessies (issue 14, item 5), their options, voters and ballots. */
export interface PollRepo {
  create(poll: PollRow, options: readonly PollOptionRow[]): Promise<void>;
  findById(id: string): Promise<PollRow | undefined>;
  /** Oldest first. */
  listForSession(sessionId: string): Promise<PollRow[]>;
  listOptions(pollId: string): Promise<PollOptionRow[]>;
  /**
   * Stores a ballot while the poll is open, atomically with that check: unit person, one per
   * voter (a second is `already_voted`); unit party, one per party, a later one replacing it.
   */
  castBallot(unit: PollRow['unit'], input: NewBallot): Promise<BallotOutcome>;
  /** Closes an open poll; false when it was closed already (or by a close at the same time). */
  close(id: string, at: number): Promise<boolean>;
  markWeightsApplied(id: string, at: number): Promise<void>;
  listBallots(pollId: string): Promise<PollBallotRow[]>;
  /** The ballot stored under this key (the caller's or their party's), if any. */
  findBallot(pollId: string, ballotKey: string): Promise<PollBallotRow | undefined>;
  /** The session's polls in which the person, or (unit party) their party, has a ballot in; never what. */
  votedPollIds(sessionId: string, userId: string, partyId: string | null): Promise<string[]>;
}

/** A notification with what the inbox shows of its comment and thread. */
export interface InboxRow extends CommentNotificationRow {
  document_id: string;
  workspace_id: string;
  quote: string;
  body: string;
  author_id: string | null;
}

export interface CommentRepo {
  /** Stores a thread with its first comment, in one transaction. */
  createThread(thread: CommentThreadRow, first: CommentRow): Promise<void>;
  findThread(id: string): Promise<CommentThreadRow | undefined>;
  /** Takes back a thread whose mark could not be stored (its comments and notifications go with it). */
  deleteThread(id: string): Promise<void>;
  threadsOfDocument(documentId: string, status?: ThreadStatus): Promise<CommentThreadRow[]>;
  openThreadsOfWorkspace(workspaceId: string): Promise<CommentThreadRow[]>;
  setStatus(threadId: string, status: ThreadStatus, by: string, at: number): Promise<void>;
  addComment(row: CommentRow): Promise<void>;
  findComment(id: string): Promise<CommentRow | undefined>;
  /** The comments of these threads, oldest first. */
  commentsOf(threadIds: readonly string[]): Promise<CommentRow[]>;
  editComment(id: string, body: string, at: number): Promise<void>;
  deleteComment(id: string): Promise<void>;
  /** Comments per party in a workspace's documents. */
  countByParty(workspaceId: string): Promise<{ party_id: string; comments: number }[]>;
  /**
   * Records notifications; one that a person already has for the comment is skipped. Returns
   * the people newly notified, so an edit that mentions someone again tells them nothing twice.
   */
  notify(rows: readonly CommentNotificationRow[]): Promise<string[]>;
  inbox(userId: string, limit: number): Promise<InboxRow[]>;
  unreadCount(userId: string): Promise<number>;
  markRead(userId: string, ids: readonly string[], at: number): Promise<void>;
}

/** Join codes and the guests they let in (issue 14 item 7). */
export interface GuestRepo {
  /** Resolves false when a code with that hash is stored already (a second draw is due). */
  createJoinCode(row: JoinCodeRow): Promise<boolean>;
  findJoinCodeByHash(codeHash: string): Promise<JoinCodeRow | undefined>;
  /**
   * Makes the guest's user row and grant in one transaction that takes a seat of the code: the
   * last seat goes to one person however many join at once. Resolves false (nothing made) when
   * the code has no seat left or expired meanwhile.
   */
  join(code: JoinCodeRow, user: UserRow, grant: SessionGuestRow, now: number): Promise<boolean>;
  /** The session's guests with their names (which carry the guest's marker), for its minutes. */
  listNamesForSession(sessionId: string): Promise<{ user_id: string; name: string }[]>;
  /** The guest's grant with the end of its session (null while it has not ended). */
  findGrant(userId: string): Promise<(SessionGuestRow & { session_ended_at: number | null }) | undefined>;
  /**
   * Turns a guest into an account with the same id, so what they wrote stays theirs. Resolves
   * false when the address is taken (or the user is no guest).
   */
  becomeAccount(userId: string, account: { email: string; name: string; passwordHash: string; language: Language }): Promise<boolean>;
}

export interface SuggestionRepo {
  /** Records suggestions the first time their ids are written; an id the document already has is left as it is. */
  record(rows: readonly SuggestionRow[]): Promise<void>;
  find(documentId: string, id: string): Promise<SuggestionRow | undefined>;
  ofDocument(documentId: string, status?: SuggestionStatus): Promise<SuggestionRow[]>;
  /** Decides an open suggestion; false when it was no longer open (someone decided first). */
  decide(documentId: string, id: string, status: 'accepted' | 'rejected', by: string, at: number): Promise<boolean>;
  /** Takes a decision back when the document change it needed could not be stored. */
  reopen(documentId: string, id: string): Promise<void>;
  /** Marks open suggestions whose text is gone as withdrawn (nobody decided); returns those that were still open. */
  withdraw(documentId: string, ids: readonly string[], at: number): Promise<Pick<SuggestionRow, 'id' | 'workspace_id'>[]>;
  /** Opens withdrawn ones again (their text came back); a decided one stays decided. */
  revive(documentId: string, ids: readonly string[]): Promise<void>;
}

/** Suggested changes of block fields, with who proposed them (the server's record of the request). */
export interface FieldSuggestionRepo {
  create(row: FieldSuggestionRow): Promise<void>;
  find(documentId: string, id: string): Promise<FieldSuggestionRow | undefined>;
  ofDocument(documentId: string, status?: FieldSuggestionStatus): Promise<FieldSuggestionRow[]>;
  /**
   * Decides an open one; false when it was no longer open (someone decided first). `byPollId`
   * names the poll when its weights decided it.
   */
  decide(documentId: string, id: string, status: Exclude<FieldSuggestionStatus, 'open'>, by: string, at: number, byPollId?: string): Promise<boolean>;
  /** Takes a decision back when the document change it needed could not be stored. */
  reopen(documentId: string, id: string): Promise<void>;
}

export interface Repos {
  guests: GuestRepo;
  users: UserRepo;
  sessions: SessionRepo;
  workspaces: WorkspaceRepo;
  parties: PartyRepo;
  members: MemberRepo;
  invites: InviteRepo;
  documents: DocumentRepo;
  blocks: BlockRepo;
  commitmentDecisions: CommitmentDecisionRepo;
  calendarFeeds: CalendarFeedRepo;
  blockRecords: BlockRecordRepo;
  versions: VersionRepo;
  storageUsage: StorageUsageRepo;
  adoptions: AdoptionRepo;
  auditLog: AuditLogRepo;
  attribution: AttributionRepo;
  personalData: PersonalDataRepo;
  singleUseLinks: SingleUseLinkRepo;
  reminders: ReminderRepo;
  identities: UserIdentityRepo;
  oidcLogins: OidcLoginRepo;
  workSessions: WorkSessionRepo;
  sessionCards: SessionCardRepo;
  comments: CommentRepo;
  polls: PollRepo;
  suggestions: SuggestionRepo;
  fieldSuggestions: FieldSuggestionRepo;
}

/** One opened database: the document log, the repositories, and its lifecycle. */
export interface Storage {
  log: DocumentLog;
  /** How this instance reaches the others on the same database (none on SQLite). */
  bus: ClusterBus;
  /** Which instance serves a document's room (always this one on SQLite). */
  ownership: DocumentOwnership;
  repos: Repos;
  /** Resolves when the database answers a trivial query (health and readiness checks). */
  ping(): Promise<void>;
  /** Schema migrations the database holds, and the number this build knows (readiness). */
  migrations(): Promise<{ applied: number; known: number }>;
  close(): Promise<void>;
}

/** The log has rows the appending caller never saw (see {@link DocumentLog.append}). */
export class DocumentLogMovedError extends Error {
  constructor(documentId: string, afterId: number, head: number) {
    super(`document ${documentId}: the log is at ${head}, the writer's state at ${afterId}; nothing was stored`);
  }
}
