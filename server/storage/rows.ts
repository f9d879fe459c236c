/**
 * The rows the storage hands out, one type per table, the same for every engine. Times are
 * milliseconds since the epoch; JSON columns are strings, parsed by whoever knows their shape.
 */
import type { DocumentTemplate, MemberRole, PartyKind, Role } from '../../shared/api/roles';
import type { VersionKind } from '../../shared/api/versions';
import type { CommitmentStatus } from '../../shared/blocks/attrs';
import type { Language } from '../../shared/i18n/messages';
import type { PollKind, PollStatus, PollUnit } from '../../shared/sessions/polls';
import type { SessionStatus, StepKind } from '../../shared/sessions/steps';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  /** Set when the person deleted their account: the row then holds no personal data. */
  deleted_at: number | null;
  /** When the person followed a link sent to `email`; null until then and after every change of address. */
  email_verified_at: number | null;
  /** The language of the mails werktafel sends this person. */
  language: Language;
  /** 1: reminders and adoption requests by mail; 0: turned off by the person. */
  workspace_mails: number;
  /** 1 for a guest of a werksessie: no address (`email` holds a placeholder) and no password. */
  guest: number;
}

export interface SessionRow {
  /** Hex SHA-256 of the token; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: number;
  created_at: number;
  /** The browser's User-Agent at sign-in (cut short), so a person recognises the device. */
  user_agent: string | null;
}

export interface WorkspaceRow {
  id: string;
  name: string;
  created_by: string;
  created_at: number;
}

export interface WorkspaceListRow extends WorkspaceRow {
  role: Role;
  party_id: string | null;
}

export interface PartyRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: PartyKind;
  color: string;
  created_at: number;
}

export interface MemberRow {
  workspace_id: string;
  user_id: string;
  party_id: string | null;
  role: MemberRole;
  created_at: number;
  /** For a guest: the one werksessie their grant is for. */
  guest_session_id?: string;
}

/** A membership as the members table holds it: an assignable role, never a guest's grant. */
export type StoredMemberRow = Omit<MemberRow, 'role' | 'guest_session_id'> & { role: Role };

export interface MemberWithUserRow extends StoredMemberRow {
  name: string;
  email: string;
  email_verified_at: number | null;
  language: Language;
  workspace_mails: number;
}

export interface InviteRow {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: Role;
  party_id: string;
  expires_at: number;
  max_uses: number;
  uses: number;
  revoked_at: number | null;
  created_by: string;
  created_at: number;
  /** The address the invite was mailed to, if it was. */
  email: string | null;
}

export interface DocumentRow {
  id: string;
  workspace_id: string;
  title: string;
  template: DocumentTemplate;
  archived_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface BlockRow {
  document_id: string;
  block_id: string;
  workspace_id: string;
  kind: string;
  position: number;
  /** JSON, as stored in the document. */
  attrs: string;
  text: string;
  valid: number;
  /** JSON `{ field: message }`. */
  issues: string;
}

export interface RegisterRow extends BlockRow {
  document_title: string;
  document_archived: boolean;
}


export interface CommitmentDecisionRow {
  id: number;
  document_id: string;
  block_id: string;
  status: CommitmentStatus;
  /** Null when the server decided (a commitment returned to "proposed" after a restore). */
  user_id: string | null;
  party_id: string | null;
  decided_at: number;
  /** What a confirmation covers: a hash of the commitment's party, text and fields. */
  content_hash: string | null;
  /** Why the server decided, e.g. 'content_changed'. */
  reason: string | null;
}

/** Who created a structured block, as the server saw the update that inserted it. */
export interface BlockRecordRow {
  document_id: string;
  block_id: string;
  /** Null for blocks the server wrote (templates). */
  created_by: string | null;
  created_by_party: string | null;
  created_at: number;
}

export interface CalendarFeedRow {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  created_at: number;
}

export type { VersionKind };

export interface VersionRow {
  id: string;
  document_id: string;
  label: string;
  kind: VersionKind;
  state: Uint8Array;
  /** JSON: per-party totals at the time of the version. */
  attribution: string;
  created_by: string | null;
  created_at: number;
  /** SHA-256 of the content (see server/versions/contentHash.ts); null for versions older than the hash. */
  content_hash: string | null;
}

export type VersionMetaRow = Omit<VersionRow, 'state'>;

export interface AdoptionRequestRow {
  version_id: string;
  /** JSON array of party ids. */
  party_ids: string;
  requested_by: string;
  requested_at: number;
}

export interface AdoptionDecisionRow {
  id: number;
  version_id: string;
  party_id: string;
  user_id: string;
  decision: 'signed' | 'declined';
  reason: string | null;
  decided_at: number;
}

export interface AuditRow {
  id: number;
  workspace_id: string;
  document_id: string | null;
  user_id: string | null;
  action: string;
  /** JSON. */
  detail: string;
  at: number;
}

/** A log row not yet counted into the attribution summaries. */
export interface PendingUpdateRow {
  id: number;
  update_bytes: Uint8Array;
  user_id: string | null;
  party_id: string | null;
  created_at: number;
}

export interface AttributionCounts {
  charsInserted: number;
  charsDeleted: number;
  blocksInserted: number;
}

export interface AttributionTotalRow {
  user_id: string;
  /** '' for a member without a party. */
  party_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  chars_inserted: number;
  chars_deleted: number;
  blocks_inserted: number;
  updates: number;
}

export interface DocumentClientRow {
  client_id: number;
  user_id: string;
  party_id: string | null;
}

export type SingleUseLinkPurpose = 'password_reset' | 'email_verification';

export interface SingleUseLinkRow {
  /** Hex SHA-256 of the token in the link. */
  token_hash: string;
  purpose: SingleUseLinkPurpose;
  user_id: string;
  /** The address the link was sent to: it works only while the account has this address. */
  email: string;
  expires_at: number;
  used_at: number | null;
}

/** A reminder that went out: one per person, block and date. */
export interface ReminderSentRow {
  document_id: string;
  block_id: string;
  /** The date reminded of (YYYY-MM-DD); a moved date is reminded of again. */
  due_date: string;
  user_id: string;
  sent_at: number;
}

/** An account at an OpenID provider, linked to a werktafel account. */
export interface UserIdentityRow {
  /** The provider's `iss`, as its discovery document names it. */
  issuer: string;
  /** The provider's `sub`: stable for the person at that provider. */
  subject: string;
  user_id: string;
  created_at: number;
}

/** A sign-in at the OpenID provider that has started and not come back yet. */
export interface OidcLoginRow {
  /** Hex SHA-256 of the token in the starting browser's cookie. */
  id: string;
  state: string;
  nonce: string;
  /** The PKCE verifier; only its challenge went to the provider. */
  code_verifier: string;
  /** A path on this site to land on after signing in. */
  return_to: string;
  expires_at: number;
}

/** A werksessie (issue 14) and its live state; `turn_order` is a JSON array of party ids. */
export interface WorkSessionRow {
  id: string;
  workspace_id: string;
  title: string;
  starts_at: number | null;
  status: SessionStatus;
  chair_user_id: string | null;
  current_step_id: string | null;
  timer_ends_at: number | null;
  timer_paused_ms: number | null;
  follow_document_id: string | null;
  follow_block_id: string | null;
  locked: number;
  turn_party_id: string | null;
  turn_order: string;
  turn_seconds: number;
  created_by: string;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  /** The document its minutes were written into when it ended. */
  minutes_document_id: string | null;
}

/** The live part of a session the chair changes. */
export type WorkSessionState = Pick<
  WorkSessionRow,
  'current_step_id' | 'timer_ends_at' | 'timer_paused_ms' | 'follow_document_id' | 'follow_block_id' | 'locked' | 'turn_party_id' | 'turn_order' | 'turn_seconds' | 'chair_user_id'
>;

export interface WorkSessionStepRow {
  id: string;
  session_id: string;
  position: number;
  title: string;
  instruction: string;
  minutes: number;
  kind: StepKind;
  document_id: string | null;
  block_id: string | null;
  /** When the chair revealed the cards of this (private) step; null while they are private. */
  revealed_at: number | null;
  /** 1: guests may write in the documents while this step is current. */
  guests_write: number;
}

export interface WorkSessionTurnRow {
  id: string;
  session_id: string;
  step_id: string;
  party_id: string;
  started_at: number;
  ended_at: number | null;
  said: string;
}

/** A stretch of time during which a step was the current one; the minutes add them up. */
export interface WorkSessionStepPeriodRow {
  id: string;
  session_id: string;
  step_id: string;
  started_at: number;
  ended_at: number | null;
}

/** Someone who opened the session while it ran, with the party they were in then. */
export interface WorkSessionAttendanceRow {
  session_id: string;
  user_id: string;
  party_id: string | null;
  first_seen_at: number;
}

/**
 * A card written in a private step: its author alone sees it until the step is revealed.
 * `anonymous` (0/1): once revealed, shown with its party but without its author.
 */
export interface WorkSessionCardRow {
  id: string;
  session_id: string;
  step_id: string;
  author_id: string | null;
  party_id: string | null;
  text: string;
  anonymous: number;
  created_at: number;
}

export type ThreadStatus = 'open' | 'resolved';

/** A comment thread about a range of a document (its mark in the document carries the id). */
export interface CommentThreadRow {
  id: string;
  document_id: string;
  workspace_id: string;
  author_id: string | null;
  party_id: string | null;
  /** What the range said when the thread started; shown when its text is gone. */
  quote: string;
  status: ThreadStatus;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  party_id: string | null;
  body: string;
  created_at: number;
  edited_at: number | null;
}

export type NotificationKind = 'mention' | 'reply';

export interface CommentNotificationRow {
  id: string;
  user_id: string;
  comment_id: string;
  thread_id: string;
  kind: NotificationKind;
  created_at: number;
  read_at: number | null;
}

/** A code the chair shows on the wall; only the hash of its characters is kept. */
export interface JoinCodeRow {
  id: string;
  session_id: string;
  party_id: string;
  code_hash: string;
  expires_at: number;
  seats: number;
  used: number;
  created_by: string | null;
  created_at: number;
}

/** A guest's grant: one werksessie, one party, in that session's workspace. */
export interface SessionGuestRow {
  user_id: string;
  session_id: string;
  workspace_id: string;
  party_id: string;
  join_code_id: string | null;
  created_at: number;
}

/** A poll of a werksessie (issue 14, item 5). Booleans are 0/1 as elsewhere. */
export interface PollRow {
  id: string;
  session_id: string;
  step_id: string | null;
  question: string;
  kind: PollKind;
  budget: number | null;
  max_per_option: number | null;
  unit: PollUnit;
  anonymous: number;
  results_hidden: number;
  status: PollStatus;
  created_by: string;
  created_at: number;
  closed_at: number | null;
  weights_applied_at: number | null;
}

/** An option of a poll; a criterion block of a document when `block_id` is set. */
export interface PollOptionRow {
  id: string;
  poll_id: string;
  position: number;
  label: string;
  document_id: string | null;
  block_id: string | null;
}

/** Who has cast a ballot (for "one each" and "who has voted"), never what they voted. */
export interface PollVoterRow {
  poll_id: string;
  user_id: string;
  party_id: string | null;
}

/**
 * What was voted. `ballot_key` makes "one each": the person's id (unit person), the party's id
 * (unit party), or a random id for a person in an anonymous poll. `user_id` is null in an
 * anonymous poll, so no row ties a person to what they voted. `allocations`: JSON
 * `[{ optionId, value }]`, every option once.
 */
export interface PollBallotRow {
  id: string;
  poll_id: string;
  ballot_key: string;
  user_id: string | null;
  party_id: string | null;
  allocations: string;
  reason: string | null;
}

/**
 * What became of a suggestion. `withdrawn`: nobody decided it, but no character carries its mark
 * any more (its suggester took the text back, or someone who may write deleted it); the server
 * notes that after the update that did it.
 */
export type SuggestionStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';
/** A field suggestion lives in its row, not in the document: it is decided, never withdrawn. */
export type FieldSuggestionStatus = Exclude<SuggestionStatus, 'withdrawn'>;

/** Who proposed a suggestion, as the server recorded it from the connection (issue 15). */
export interface SuggestionRow {
  document_id: string;
  id: string;
  workspace_id: string;
  user_id: string | null;
  party_id: string | null;
  kind: 'insert' | 'delete';
  status: SuggestionStatus;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
}

/**
 * A suggested change of a block's fields (issue 15), kept apart from the document until decided.
 * `changes` and `previous` are JSON objects of attribute name to value.
 */
export interface FieldSuggestionRow {
  document_id: string;
  id: string;
  workspace_id: string;
  block_id: string;
  block_kind: string;
  changes: string;
  previous: string;
  user_id: string | null;
  party_id: string | null;
  status: FieldSuggestionStatus;
  created_at: number;
  decided_by: string | null;
  decided_at: number | null;
  /** The poll whose weights decided it (`decided_by` then is who applied them); null when a person did. */
  decided_by_poll_id: string | null;
}
