/**
 * The tables as Kysely sees them: the query builder checks every column name and type of the
 * repositories against this, for SQLite and PostgreSQL alike. Columns the database fills in
 * (autoincrement ids, defaults) are `Generated`.
 */
import type { Generated } from 'kysely';
import type {
  AdoptionDecisionRow,
  AdoptionRequestRow,
  AuditRow,
  AttributionTotalRow,
  BlockRecordRow,
  BlockRow,
  CalendarFeedRow,
  CommitmentDecisionRow,
  CommentNotificationRow,
  CommentRow,
  CommentThreadRow,
  SuggestionRow,
  FieldSuggestionRow,
  DocumentRow,
  InviteRow,
  OidcLoginRow,
  PartyRow,
  ReminderSentRow,
  SingleUseLinkRow,
  SessionRow,
  UserIdentityRow,
  UserRow,
  VersionRow,
  WorkspaceRow,
  WorkSessionRow,
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
  PollVoterRow,
  PollBallotRow,
} from './rows';

type WithGeneratedId<Row extends { id: number }> = Omit<Row, 'id'> & { id: Generated<number> };

export interface DocumentSnapshotTable {
  document_id: string;
  state: Uint8Array;
  /** The merged state holds every log row up to and including this id. */
  upto_id: number;
  updated_at: number;
}

export interface DocumentUpdateTable {
  id: Generated<number>;
  document_id: string;
  update_bytes: Uint8Array;
  user_id: string | null;
  party_id: string | null;
  created_at: number;
  /** 1 once the row is counted into attribution_daily. */
  attributed: Generated<number>;
}

export interface AttributionDailyTable extends AttributionTotalRow {
  document_id: string;
}

export interface DocumentClientTable {
  document_id: string;
  client_id: number;
  user_id: string;
  party_id: string | null;
}

export interface Tables {
  users: UserRow;
  sessions: SessionRow;
  single_use_links: SingleUseLinkRow;
  reminders_sent: ReminderSentRow;
  workspaces: WorkspaceRow;
  parties: PartyRow;
  /** Only assignable roles are stored here; a guest's membership comes from work_session_guests. */
  members: StoredMemberRow;
  invites: InviteRow;
  documents: DocumentRow;
  document_snapshots: DocumentSnapshotTable;
  document_updates: DocumentUpdateTable;
  document_blocks: BlockRow;
  commitment_decisions: WithGeneratedId<CommitmentDecisionRow>;
  calendar_feeds: CalendarFeedRow;
  block_records: BlockRecordRow;
  /** `seq`: insertion order, for versions made in the same millisecond. */
  document_versions: VersionRow & { seq: number };
  adoption_requests: AdoptionRequestRow;
  adoption_decisions: WithGeneratedId<AdoptionDecisionRow>;
  audit_log: WithGeneratedId<AuditRow>;
  attribution_daily: AttributionDailyTable;
  document_clients: DocumentClientTable;
  user_identities: UserIdentityRow;
  oidc_logins: OidcLoginRow;
  work_sessions: WorkSessionRow;
  work_session_steps: WorkSessionStepRow;
  work_session_turns: WorkSessionTurnRow;
  work_session_step_periods: WorkSessionStepPeriodRow;
  work_session_attendance: WorkSessionAttendanceRow;
  work_session_cards: WorkSessionCardRow;
  work_session_join_codes: JoinCodeRow;
  work_session_guests: SessionGuestRow;
  work_session_polls: PollRow;
  work_session_poll_options: PollOptionRow;
  work_session_poll_voters: PollVoterRow;
  work_session_poll_ballots: PollBallotRow;
  comment_threads: CommentThreadRow;
  comments: CommentRow;
  comment_notifications: CommentNotificationRow;
  suggestions: SuggestionRow;
  field_suggestions: FieldSuggestionRow;
}
