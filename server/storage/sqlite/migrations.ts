/**
 * SQLite schema migrations, applied in order at start (`PRAGMA user_version` counts them).
 * Append only: never edit a released step.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,               -- hex SHA-256 of the token; the token itself is never stored
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE parties (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    color TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX parties_workspace ON parties(workspace_id);
  CREATE TABLE members (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    party_id TEXT REFERENCES parties(id),
    role TEXT NOT NULL CHECK (role IN ('owner','editor','commenter','viewer')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX members_user ON members(user_id);
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the link token
    role TEXT NOT NULL,
    party_id TEXT NOT NULL REFERENCES parties(id),
    expires_at INTEGER NOT NULL,
    max_uses INTEGER NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    revoked_at INTEGER,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX invites_workspace ON invites(workspace_id);
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    template TEXT NOT NULL,
    archived_at INTEGER,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX documents_workspace ON documents(workspace_id);
  -- The merged Yjs state of a document up to and including update log row upto_id.
  CREATE TABLE document_snapshots (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    state BLOB NOT NULL,
    upto_id INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- Every accepted Yjs update, appended before it is relayed; folded into the snapshot by compaction.
  CREATE TABLE document_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    update_bytes BLOB NOT NULL,
    user_id TEXT,
    party_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_updates_document ON document_updates(document_id, id);
  `,
  `
  -- The workspace registers: every structured block of every document, read out of the Yjs
  -- state after each change (debounced). Rebuilt from the document, so never a second truth.
  CREATE TABLE document_blocks (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    attrs TEXT NOT NULL,               -- JSON, as stored in the document
    text TEXT NOT NULL,
    valid INTEGER NOT NULL,
    issues TEXT NOT NULL,              -- JSON { field: message }
    PRIMARY KEY (document_id, block_id)
  );
  CREATE INDEX document_blocks_workspace ON document_blocks(workspace_id, kind);
  -- Who confirmed or withdrew a commitment, recorded by the API: the authority over
  -- the commitment's status attributes in the document.
  CREATE TABLE commitment_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed','confirmed','withdrawn')),
    user_id TEXT NOT NULL REFERENCES users(id),
    party_id TEXT NOT NULL,
    decided_at INTEGER NOT NULL
  );
  CREATE INDEX commitment_decisions_block ON commitment_decisions(document_id, block_id, id);
  -- Secret per-member calendar feed tokens (hash only).
  CREATE TABLE calendar_feeds (
    token_hash TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    UNIQUE (workspace_id, user_id)
  );
  `,
  `
  -- Named and automatic versions: immutable copies of a document's Yjs state.
  CREATE TABLE document_versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('manual','auto','before_restore')),
    state BLOB NOT NULL,
    attribution TEXT NOT NULL,         -- JSON: per-party totals at the time of the version
    created_by TEXT REFERENCES users(id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_versions_document ON document_versions(document_id, created_at);
  -- Adoption (vaststellen): which parties must sign a version, and their append-only decisions.
  CREATE TABLE adoption_requests (
    version_id TEXT PRIMARY KEY REFERENCES document_versions(id) ON DELETE CASCADE,
    party_ids TEXT NOT NULL,           -- JSON array
    requested_by TEXT NOT NULL REFERENCES users(id),
    requested_at INTEGER NOT NULL
  );
  CREATE TABLE adoption_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id TEXT NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    decision TEXT NOT NULL CHECK (decision IN ('signed','declined')),
    reason TEXT,
    decided_at INTEGER NOT NULL
  );
  CREATE INDEX adoption_decisions_version ON adoption_decisions(version_id, id);
  -- Append-only audit log of decisions that matter outside the text.
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL,
    document_id TEXT,
    user_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,              -- JSON
    at INTEGER NOT NULL
  );
  CREATE INDEX audit_log_workspace ON audit_log(workspace_id, id);
  -- Attribution, summarised from the update log before compaction drops its rows.
  ALTER TABLE document_updates ADD COLUMN attributed INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE attribution_daily (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    party_id TEXT NOT NULL,            -- '' for a member without a party
    day TEXT NOT NULL,                 -- YYYY-MM-DD (UTC)
    chars_inserted INTEGER NOT NULL DEFAULT 0,
    chars_deleted INTEGER NOT NULL DEFAULT 0,
    blocks_inserted INTEGER NOT NULL DEFAULT 0,
    updates INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, user_id, party_id, day)
  );
  -- Which Yjs client id wrote for which user and party: answers "who wrote this?".
  CREATE TABLE document_clients (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    party_id TEXT,
    PRIMARY KEY (document_id, client_id)
  );
  `,
  `
  -- Insertion order of versions: ties of created_at no longer fall back on SQLite's rowid.
  ALTER TABLE document_versions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  UPDATE document_versions SET seq = rowid;
  `,
  `
  -- What a commitment's confirmation covers (a hash of its party, text and fields), and why the
  -- server returned one to "proposed"; decisions the server takes itself have no user.
  CREATE TABLE commitment_decisions_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed','confirmed','withdrawn')),
    user_id TEXT REFERENCES users(id),
    party_id TEXT,
    decided_at INTEGER NOT NULL,
    content_hash TEXT,
    reason TEXT
  );
  INSERT INTO commitment_decisions_next (id, document_id, block_id, status, user_id, party_id, decided_at)
    SELECT id, document_id, block_id, status, user_id, party_id, decided_at FROM commitment_decisions;
  DROP TABLE commitment_decisions;
  ALTER TABLE commitment_decisions_next RENAME TO commitment_decisions;
  CREATE INDEX commitment_decisions_block ON commitment_decisions(document_id, block_id, id);
  -- Who created each structured block, as the server saw the update that inserted it.
  CREATE TABLE block_records (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    created_by TEXT,
    created_by_party TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (document_id, block_id)
  );
  `,
  `
  -- A hash of each version's content (the document as Tiptap JSON, keys sorted), so a version
  -- identical to the one before it is not kept twice. NULL for versions made before this step:
  -- their hash is computed from their state when it is needed.
  ALTER TABLE document_versions ADD COLUMN content_hash TEXT;
  `,
  `
  -- Accounts for life (issue 17): a person sees their sessions (when and on what they signed
  -- in) and can delete their account; a deleted account stays as a row without personal data,
  -- so what the person wrote stays credited to their party.
  ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sessions ADD COLUMN user_agent TEXT;
  ALTER TABLE users ADD COLUMN deleted_at INTEGER;
  `,
  `
  -- Password reset links: only the SHA-256 of the token is stored; single use, one hour.
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX password_resets_user ON password_resets(user_id);
  `,
  `
  -- E-mail (issue 17): an address counts as the person's own once they followed a link sent to
  -- it (a changed address is unverified again); mails to a person go out in their language.
  ALTER TABLE users ADD COLUMN email_verified_at INTEGER;
  ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
  `,
  `
  -- Links sent by mail that work once (password reset, address verification), in one table; a
  -- link names the address it went to and works only while the account still has that address.
  CREATE TABLE single_use_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX single_use_links_user ON single_use_links(user_id, purpose);
  INSERT INTO single_use_links (token_hash, purpose, user_id, email, expires_at, used_at)
    SELECT r.token_hash, 'password_reset', r.user_id, u.email, r.expires_at, r.used_at
    FROM password_resets r JOIN users u ON u.id = r.user_id;
  DROP TABLE password_resets;
  -- An invite can be sent to an address; the owner sees where it went.
  ALTER TABLE invites ADD COLUMN email TEXT;
  -- Reminders sent, one per person, block and date: a moved date is reminded of again.
  CREATE TABLE reminders_sent (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    due_date TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (document_id, block_id, due_date, user_id)
  );
  `,
  `
  -- Single sign-on (issue 17): an account at an OpenID provider (issuer, subject) belongs to one
  -- werktafel account; removed with the person's other data when the account is deleted.
  CREATE TABLE user_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
  );
  CREATE INDEX user_identities_user ON user_identities(user_id);
  -- A sign-in at the provider that has started and not come back yet: keyed by the SHA-256 of a
  -- token only the starting browser holds (in a cookie), taken once, for ten minutes.
  CREATE TABLE oidc_logins (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
  `
  -- Reminders and adoption requests by mail can be turned off per person; mails about the
  -- account itself (verification, reset, a changed address) always go.
  ALTER TABLE users ADD COLUMN workspace_mails INTEGER NOT NULL DEFAULT 1;
  `,
  `
  -- Werksessies (issue 14): a meeting at the table with an agenda of steps, a chair and live
  -- state (step, timer, follow-me, lock, turns). The live state is server state, not document
  -- content. A running timer is when it ends (ms); a paused one is what was left.
  CREATE TABLE work_sessions (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at BIGINT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'ended')),
    chair_user_id TEXT REFERENCES users(id),
    current_step_id TEXT,
    timer_ends_at BIGINT,
    timer_paused_ms BIGINT,
    follow_document_id TEXT,
    follow_block_id TEXT,
    locked INTEGER NOT NULL DEFAULT 0,
    turn_party_id TEXT,
    turn_order TEXT NOT NULL DEFAULT '[]',
    turn_seconds INTEGER NOT NULL DEFAULT 180,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    ended_at BIGINT
  );
  CREATE INDEX work_sessions_workspace ON work_sessions(workspace_id, created_at);
  CREATE TABLE work_session_steps (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    instruction TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('talk', 'round', 'write', 'private', 'poll', 'decide', 'close')),
    document_id TEXT,
    block_id TEXT
  );
  CREATE INDEX work_session_steps_session ON work_session_steps(session_id, position);
  -- One party's turn in a round: when it began and ended, and what the party said.
  CREATE TABLE work_session_turns (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    said TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX work_session_turns_session ON work_session_turns(session_id, started_at);
  `,
  `
  -- Comment threads (issue 15): a thread is about a range of a document's text, kept there by a
  -- \`comment\` mark the server writes; the quote is what the range said when the thread started,
  -- shown when its text is gone. Comments and the notifications they cause live here, not in the
  -- document.
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
    quote TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL
  );
  CREATE INDEX comment_threads_document ON comment_threads(document_id, status);
  CREATE INDEX comment_threads_workspace ON comment_threads(workspace_id, status);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at INTEGER
  );
  CREATE INDEX comments_thread ON comments(thread_id, created_at);
  -- A mention or a reply reaches each person once per comment.
  CREATE TABLE comment_notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('mention', 'reply')),
    created_at INTEGER NOT NULL,
    read_at INTEGER,
    UNIQUE (user_id, comment_id)
  );
  CREATE INDEX comment_notifications_user ON comment_notifications(user_id, read_at);
  `,
  `
  -- Minutes of a werksessie (issue 14, item 8): the document they were written into (set in the
  -- same statement that ends the session, so an ended session always names its minutes), when
  -- each step was current (a step can be current more than once), and who opened the running
  -- session, which is how the minutes say who was there.
  ALTER TABLE work_sessions ADD COLUMN minutes_document_id TEXT;
  CREATE TABLE work_session_step_periods (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT
  );
  CREATE INDEX work_session_step_periods_session ON work_session_step_periods(session_id, started_at);
  CREATE TABLE work_session_attendance (
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    party_id TEXT,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (session_id, user_id)
  );
  `,
  `
  -- Private input, then reveal (issue 14, item 4): cards written in a \`private\` step, seen by
  -- their author only until the chair reveals the step. They live here and never in a shared
  -- Y.Doc, so no frame can carry one before the reveal. The author and party are what the server
  -- knew of the request; \`anonymous\` hides the author (not the party) once revealed.
  ALTER TABLE work_session_steps ADD COLUMN revealed_at BIGINT;
  CREATE TABLE work_session_cards (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    step_id TEXT NOT NULL,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT,
    text TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX work_session_cards_step ON work_session_cards(session_id, step_id, created_at);
  `,
  `
  -- Guests of a werksessie (issue 14, item 7). A join code is kept as the SHA-256 of its
  -- characters, like a session token: the chair sees it once, a leaked database opens nothing.
  -- A guest is a user row without an address (\`guest\` = 1, a placeholder where the address
  -- goes) and one grant: this session, this party, in this workspace. The grant ends 12 hours
  -- after the session does; signing up turns the guest into an account and keeps the user id.
  ALTER TABLE users ADD COLUMN guest INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE work_session_join_codes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    expires_at BIGINT NOT NULL,
    seats INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX work_session_join_codes_session ON work_session_join_codes(session_id);
  CREATE TABLE work_session_guests (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
    join_code_id TEXT REFERENCES work_session_join_codes(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX work_session_guests_workspace ON work_session_guests(workspace_id, user_id);
  `,
  `
  -- Polls of a werksessie (issue 14, items 5 and 6). Who voted and what was voted are separate
  -- tables: the voters table says who has a ballot in (for "one each" and "who has voted") and
  -- holds no votes; a ballot of an anonymous poll carries no person, only their party, under a
  -- random key, so no row ties a person to what they voted. Unit party: one ballot per party,
  -- keyed by the party, replaced by a later one until the poll closes.
  CREATE TABLE work_session_polls (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES work_sessions(id) ON DELETE CASCADE,
    step_id TEXT,
    question TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('points', 'dots', 'score', 'consent')),
    budget INTEGER,
    max_per_option INTEGER,
    unit TEXT NOT NULL CHECK (unit IN ('person', 'party')),
    anonymous INTEGER NOT NULL,
    results_hidden INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    weights_applied_at BIGINT
  );
  CREATE INDEX work_session_polls_session ON work_session_polls(session_id, created_at);
  CREATE TABLE work_session_poll_options (
    id TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL REFERENCES work_session_polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    document_id TEXT,
    block_id TEXT
  );
  CREATE INDEX work_session_poll_options_poll ON work_session_poll_options(poll_id, position);
  CREATE TABLE work_session_poll_voters (
    poll_id TEXT NOT NULL REFERENCES work_session_polls(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id),
    party_id TEXT,
    PRIMARY KEY (poll_id, user_id)
  );
  CREATE TABLE work_session_poll_ballots (
    id TEXT PRIMARY KEY,
    poll_id TEXT NOT NULL REFERENCES work_session_polls(id) ON DELETE CASCADE,
    ballot_key TEXT NOT NULL,
    user_id TEXT,
    party_id TEXT,
    allocations TEXT NOT NULL,
    reason TEXT,
    UNIQUE (poll_id, ballot_key)
  );
  `,
  `
  -- Suggestions (issue 15): who proposed each insertion or removal is the server's record of the
  -- connection that first wrote the suggestion's id, never the mark (which holds only the id).
  -- The id is unique per document: marks live in one document, and a client chooses the id.
  CREATE TABLE suggestions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete')),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    created_at INTEGER NOT NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decided_at INTEGER,
    PRIMARY KEY (document_id, id)
  );
  CREATE INDEX suggestions_document ON suggestions(document_id, status);
  `,
  `
  -- Guests who may write (issue 14, item 7): the chair allows a step's guests to write in the
  -- documents while that step is current; otherwise guests comment and suggest only.
  ALTER TABLE work_session_steps ADD COLUMN guests_write INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Suggested changes of a block's fields (issue 15): a weight, an action's owner, a date. They
  -- live here, not in the document, until someone who may decide accepts one; \`changes\` and
  -- \`previous\` are JSON objects of attribute name to value (the proposal, and what the block held
  -- when it was made). Who proposed is the server's record of the request.
  CREATE TABLE field_suggestions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    block_kind TEXT NOT NULL,
    changes TEXT NOT NULL,
    previous TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    created_at INTEGER NOT NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decided_at INTEGER,
    PRIMARY KEY (document_id, id)
  );
  CREATE INDEX field_suggestions_document ON field_suggestions(document_id, status);
  `,
  `
  -- A points poll of a werksessie that sets criteria weights decides the open suggestions of
  -- those weights (issue 15): the poll that did is kept beside the person who applied it, so the
  -- decision reads as the table's, not as that person's own. Null when a person decided.
  ALTER TABLE field_suggestions ADD COLUMN decided_by_poll_id TEXT REFERENCES work_session_polls(id) ON DELETE SET NULL;
  `,
  `
  -- A suggestion can be withdrawn (issue 15): no character carries its mark any more, because its
  -- suggester took the text back or someone who may write deleted it; nobody decided it. SQLite
  -- cannot change a CHECK in place, so the table is rebuilt.
  CREATE TABLE suggestions_next (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    party_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete')),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'withdrawn')),
    created_at INTEGER NOT NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decided_at INTEGER,
    PRIMARY KEY (document_id, id)
  );
  INSERT INTO suggestions_next (document_id, id, workspace_id, user_id, party_id, kind, status, created_at, decided_by, decided_at)
    SELECT document_id, id, workspace_id, user_id, party_id, kind, status, created_at, decided_by, decided_at FROM suggestions;
  DROP TABLE suggestions;
  ALTER TABLE suggestions_next RENAME TO suggestions;
  CREATE INDEX suggestions_document ON suggestions(document_id, status);
  `,
];
