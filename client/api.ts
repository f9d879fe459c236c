/**
 * The HTTP API client: same-origin fetch with the session cookie, JSON in and out, and one
 * error type that forms can read field messages from.
 */
import type { AuditLogPage } from '../shared/api/audit';
import type { CreateThreadReq, InboxRes, OpenThreadEntry, ThreadRes, ThreadStatus } from '../shared/api/comments';
import type { AuthOptions, SessionInfo, User, VerifiedEmail } from '../shared/api/accounts';
import type { DocumentAuthor, DocumentContributions } from '../shared/api/attribution';
import type { DecideSuggestionsRes, SuggestionRes } from '../shared/api/suggestions';
import type {
  CommitmentDecision,
  CommitmentDecisionPath,
  DocumentDetail,
  DocumentSummary,
  ExportFormat,
} from '../shared/api/documents';
import type { ApiErrorBody } from '../shared/api/http';
import { currentLanguage } from './i18n/currentLanguage';
import { translate } from './i18n/translate';
import type { CastBallotReq, CreatePollReq } from '../shared/api/pollSchemas';
import type { BallotCast, PollDetail, PollResults, PollSummary, WeightsApplied } from '../shared/api/polls';
import type { CalendarFeed, RegisterEntries, RegisterName, WorkspaceContribution } from '../shared/api/registers';
import type {
  ChangePasswordReq,
  DeleteMeReq,
  PasswordResetReq,
  PasswordResetRequestReq,
  UpdateMeReq,
  CreateDocumentReq,
  CreateInviteReq,
  CreatePartyReq,
  CreateVersionReq,
  CreateWorkspaceReq,
  LoginReq,
  RequestAdoptionReq,
  SignAdoptionReq,
  SignupReq,
  UpdateDocumentReq,
  UpdateMemberReq,
  UpdatePartyReq,
  UpdateWorkspaceReq,
} from '../shared/api/schemas';
import type { ReflectionPlanned, SessionDetail, SessionEnded, SessionSummary } from '../shared/api/sessions';
import type { PromotedCard, SessionCard, SessionCardList } from '../shared/api/cards';
import type { PromoteCardReq, WriteCardReq } from '../shared/api/cardSchemas';
import type { CreateJoinCodeReq, CreatedJoinCode, JoinedAsGuest, JoinReq } from '../shared/api/guestSchemas';
import type { CreateSessionReq, PlanReflectionReq, SessionStateReq, UpdateSessionReq } from '../shared/api/sessionSchemas';
import type { AdoptionState, RestoreResult, Version, VersionDetail, VersionDiff } from '../shared/api/versions';
import type {
  AcceptedInvite,
  CreatedInvite,
  InvitePreview,
  Member,
  Party,
  Workspace,
  WorkspaceDetail,
  WorkspaceListItem,
} from '../shared/api/workspaces';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds from a Retry-After header (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when a request answers 401: the session is gone. Returns an unsubscribe function. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface RequestOptions {
  /** Do not broadcast a 401 (for /api/me and the sign-in forms, where 401 is an answer). */
  quietUnauthorized?: boolean;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // The interface language, so that the server's messages come in it.
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate(currentLanguage(), 'error.network'));
  }
  if (response.status === 204) return undefined as T;
  const data = await readJson(response);
  if (response.ok) return data as T;

  if (response.status === 401 && !options.quietUnauthorized) {
    for (const listener of unauthorizedListeners) listener();
  }
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  if (isErrorBody(data)) {
    const { code, message, fields } = data.error;
    throw new ApiError(response.status, code, message, fields, retryAfter);
  }
  throw new ApiError(response.status, `http_${response.status}`, response.statusText, undefined, retryAfter);
}

const enc = encodeURIComponent;

export const api = {
  listSessions: (workspaceId: string) => request<SessionSummary[]>('GET', `/api/workspaces/${enc(workspaceId)}/sessions`),
  createSession: (workspaceId: string, body: CreateSessionReq) => request<SessionSummary>('POST', `/api/workspaces/${enc(workspaceId)}/sessions`, body),
  getSession: (id: string) => request<SessionDetail>('GET', `/api/sessions/${enc(id)}`),
  updateSession: (id: string, body: UpdateSessionReq) => request<SessionDetail>('PATCH', `/api/sessions/${enc(id)}`, body),
  startSession: (id: string) => request<SessionDetail>('POST', `/api/sessions/${enc(id)}/start`),
  changeSessionState: (id: string, body: SessionStateReq) => request<SessionDetail>('PATCH', `/api/sessions/${enc(id)}/state`, body),
  handOverChair: (id: string, userId: string) => request<SessionDetail>('POST', `/api/sessions/${enc(id)}/chair`, { userId }),
  /** Ends the session; answers with the minutes' document id and the ended session. */
  endSession: (id: string) => request<SessionEnded>('POST', `/api/sessions/${enc(id)}/end`),
  planReflection: (id: string, body: PlanReflectionReq) => request<ReflectionPlanned>('POST', `/api/sessions/${enc(id)}/reflection`, body),
  /** The code is in the answer this once; only its hash is stored. */
  createJoinCode: (sessionId: string, body: CreateJoinCodeReq) => request<CreatedJoinCode>('POST', `/api/sessions/${enc(sessionId)}/join-codes`, body),
  joinWithCode: (body: JoinReq) => request<JoinedAsGuest>('POST', '/api/join', body, { quietUnauthorized: true }),
  listPolls: (sessionId: string) => request<PollSummary[]>('GET', `/api/sessions/${enc(sessionId)}/polls`),
  createPoll: (sessionId: string, body: CreatePollReq) => request<PollDetail>('POST', `/api/sessions/${enc(sessionId)}/polls`, body),
  getPoll: (id: string) => request<PollDetail>('GET', `/api/polls/${enc(id)}`),
  castBallot: (id: string, body: CastBallotReq) => request<BallotCast>('POST', `/api/polls/${enc(id)}/ballots`, body),
  closePoll: (id: string) => request<PollSummary>('POST', `/api/polls/${enc(id)}/close`),
  pollResults: (id: string) => request<PollResults>('GET', `/api/polls/${enc(id)}/results`),
  applyWeights: (id: string) => request<WeightsApplied>('POST', `/api/polls/${enc(id)}/apply-weights`),
  saveSaid: (id: string, turnId: string, said: string) => request<SessionDetail>('PUT', `/api/sessions/${enc(id)}/turns/${enc(turnId)}/said`, { said }),
  writeCard: (id: string, body: WriteCardReq) => request<SessionCard>('POST', `/api/sessions/${enc(id)}/cards`, body),
  listCards: (id: string, stepId: string) => request<SessionCardList>('GET', `/api/sessions/${enc(id)}/cards?stepId=${enc(stepId)}`),
  revealStep: (id: string, stepId: string) => request<{ stepId: string; revealedAt: number }>('POST', `/api/sessions/${enc(id)}/steps/${enc(stepId)}/reveal`),
  promoteCard: (cardId: string, body: PromoteCardReq) => request<PromotedCard>('POST', `/api/cards/${enc(cardId)}/promote`, body),
  me: () => request<User>('GET', '/api/me', undefined, { quietUnauthorized: true }),
  authOptions: () => request<AuthOptions>('GET', '/api/auth/options', undefined, { quietUnauthorized: true }),
  signup: (body: SignupReq) => request<User>('POST', '/api/auth/signup', body, { quietUnauthorized: true }),
  login: (body: LoginReq) => request<User>('POST', '/api/auth/login', body, { quietUnauthorized: true }),
  logout: () => request<void>('POST', '/api/auth/logout', undefined, { quietUnauthorized: true }),
  requestPasswordReset: (body: PasswordResetRequestReq) => request<{ ok: true }>('POST', '/api/auth/password-reset', body),
  resetPassword: (token: string, body: PasswordResetReq) => request<void>('POST', `/api/auth/password-reset/${encodeURIComponent(token)}`, body, { quietUnauthorized: true }),
  updateMe: (body: UpdateMeReq) => request<User>('PATCH', '/api/me', body),
  verifyEmail: (token: string) => request<VerifiedEmail>('POST', `/api/auth/verify-email/${encodeURIComponent(token)}`, undefined, { quietUnauthorized: true }),
  resendVerification: () => request<{ ok: true }>('POST', '/api/me/email-verification'),
  changePassword: (body: ChangePasswordReq) => request<void>('POST', '/api/me/password', body),
  mySessions: () => request<SessionInfo[]>('GET', '/api/me/sessions'),
  signOutElsewhere: () => request<void>('DELETE', '/api/me/sessions'),
  deleteMe: (body: DeleteMeReq) => request<void>('DELETE', '/api/me', body),

  listWorkspaces: () => request<WorkspaceListItem[]>('GET', '/api/workspaces'),
  createWorkspace: (body: CreateWorkspaceReq) => request<Workspace>('POST', '/api/workspaces', body),
  getWorkspace: (id: string) => request<WorkspaceDetail>('GET', `/api/workspaces/${enc(id)}`),
  updateWorkspace: (id: string, body: UpdateWorkspaceReq) =>
    request<Workspace>('PATCH', `/api/workspaces/${enc(id)}`, body),

  createParty: (workspaceId: string, body: CreatePartyReq) =>
    request<Party>('POST', `/api/workspaces/${enc(workspaceId)}/parties`, body),
  updateParty: (workspaceId: string, partyId: string, body: UpdatePartyReq) =>
    request<Party>('PATCH', `/api/workspaces/${enc(workspaceId)}/parties/${enc(partyId)}`, body),
  deleteParty: (workspaceId: string, partyId: string) =>
    request<void>('DELETE', `/api/workspaces/${enc(workspaceId)}/parties/${enc(partyId)}`),

  updateMember: (workspaceId: string, userId: string, body: UpdateMemberReq) =>
    request<Member>('PATCH', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, body),
  removeMember: (workspaceId: string, userId: string) =>
    request<void>('DELETE', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`),

  createInvite: (workspaceId: string, body: CreateInviteReq) =>
    request<CreatedInvite>('POST', `/api/workspaces/${enc(workspaceId)}/invites`, body),
  revokeInvite: (workspaceId: string, inviteId: string) =>
    request<void>('DELETE', `/api/workspaces/${enc(workspaceId)}/invites/${enc(inviteId)}`),
  getInvite: (token: string) => request<InvitePreview>('GET', `/api/invites/${enc(token)}`, undefined, { quietUnauthorized: true }),
  acceptInvite: (token: string) => request<AcceptedInvite>('POST', `/api/invites/${enc(token)}/accept`),

  createDocument: (workspaceId: string, body: CreateDocumentReq) =>
    request<DocumentSummary>('POST', `/api/workspaces/${enc(workspaceId)}/documents`, body),
  getDocument: (id: string) => request<DocumentDetail>('GET', `/api/documents/${enc(id)}`),
  /** The same request, but a 401 is only an answer: the editor page stays to keep unsaved text. */
  probeDocument: (id: string) =>
    request<DocumentDetail>('GET', `/api/documents/${enc(id)}`, undefined, { quietUnauthorized: true }),
  updateDocument: (id: string, body: UpdateDocumentReq) =>
    request<DocumentSummary>('PATCH', `/api/documents/${enc(id)}`, body),

  /** The server checks the party, records who and when, and writes it into the document. */
  decideCommitment: (documentId: string, blockId: string, decision: CommitmentDecisionPath) =>
    request<CommitmentDecision>('POST', `/api/documents/${enc(documentId)}/commitments/${enc(blockId)}/${decision}`),

  versions: (documentId: string) => request<Version[]>('GET', `/api/documents/${enc(documentId)}/versions`),
  getVersion: (documentId: string, versionId: string) =>
    request<VersionDetail>('GET', `${versionPath(documentId, versionId)}`),
  createVersion: (documentId: string, label: string) =>
    request<Version>('POST', `/api/documents/${enc(documentId)}/versions`, { label } satisfies CreateVersionReq),
  /** `against` is 'current' or another version's id. */
  diffVersion: (documentId: string, versionId: string, against: string) =>
    request<VersionDiff>('GET', `${versionPath(documentId, versionId)}/diff?against=${enc(against)}`),
  restoreVersion: (documentId: string, versionId: string) =>
    request<RestoreResult>('POST', `${versionPath(documentId, versionId)}/restore`),
  deleteVersion: (documentId: string, versionId: string) => request<void>('DELETE', versionPath(documentId, versionId)),
  requestAdoption: (documentId: string, versionId: string, partyIds: string[]) =>
    request<AdoptionState>('POST', `${versionPath(documentId, versionId)}/adoption`, { partyIds } satisfies RequestAdoptionReq),
  signAdoption: (documentId: string, versionId: string, body: SignAdoptionReq) =>
    request<AdoptionState>('POST', `${versionPath(documentId, versionId)}/adoption/sign`, body),
  documentContributions: (documentId: string) =>
    request<DocumentContributions>('GET', `/api/documents/${enc(documentId)}/contributions`),
  authors: (documentId: string) => request<DocumentAuthor[]>('GET', `/api/documents/${enc(documentId)}/authors`),

  register: <N extends RegisterName>(workspaceId: string, name: N) =>
    request<RegisterEntries[N][]>('GET', registerPath(workspaceId, name)),
  auditLog: (workspaceId: string, before?: number) =>
    request<AuditLogPage>('GET', `/api/workspaces/${enc(workspaceId)}/audit${before === undefined ? '' : `?before=${before}`}`),
  contributions: (workspaceId: string) =>
    request<WorkspaceContribution[]>('GET', `/api/workspaces/${enc(workspaceId)}/contributions`),
  /** A new secret calendar address for the caller; the previous one stops working. */
  createCalendarFeed: (workspaceId: string) =>
    request<CalendarFeed>('POST', `/api/workspaces/${enc(workspaceId)}/calendar-feed`),

  threads: (documentId: string, status?: ThreadStatus) =>
    request<ThreadRes[]>('GET', `/api/documents/${enc(documentId)}/threads${status ? `?status=${status}` : ''}`),
  /** The server writes the highlight; 409 anchor_not_synced until the selection's text has reached it. */
  startThread: (documentId: string, body: CreateThreadReq) => request<ThreadRes>('POST', `/api/documents/${enc(documentId)}/threads`, body),
  reply: (threadId: string, body: string) => request<{ id: string }>('POST', `/api/threads/${enc(threadId)}/comments`, { body }),
  resolveThread: (threadId: string) => request<ThreadRes>('POST', `/api/threads/${enc(threadId)}/resolve`),
  reopenThread: (threadId: string) => request<ThreadRes>('POST', `/api/threads/${enc(threadId)}/reopen`),
  editComment: (commentId: string, body: string) => request<{ id: string; body: string }>('PATCH', `/api/comments/${enc(commentId)}`, { body }),
  deleteComment: (commentId: string) => request<void>('DELETE', `/api/comments/${enc(commentId)}`),
  inbox: () => request<InboxRes>('GET', '/api/me/notifications'),
  openThreads: (workspaceId: string) => request<OpenThreadEntry[]>('GET', `/api/workspaces/${enc(workspaceId)}/threads`),
  /** The document's open suggestions, with who suggested them (the server's record). */
  suggestions: (documentId: string) => request<SuggestionRes[]>('GET', `/api/documents/${enc(documentId)}/suggestions`),
  decideSuggestion: (documentId: string, suggestionId: string, decision: 'accept' | 'reject') =>
    request<SuggestionRes>('POST', `/api/documents/${enc(documentId)}/suggestions/${enc(suggestionId)}/${decision}`),
  /** Suggests a change of a block's fields; it waits beside the document until someone decides. */
  proposeFieldChange: (documentId: string, blockId: string, changes: Record<string, string | number | null>) =>
    request<SuggestionRes>('POST', `/api/documents/${enc(documentId)}/suggestions`, { blockId, changes }),
  /** All open suggestions of one person or one party at once; those not ours to decide stay open. */
  decideSuggestions: (documentId: string, decision: 'accept' | 'reject', of: { userId: string } | { partyId: string }) =>
    request<DecideSuggestionsRes>('POST', `/api/documents/${enc(documentId)}/suggestions/decide`, { decision, ...of }),
  markRead: (ids: string[]) => request<{ unread: number }>('POST', '/api/me/notifications/read', { ids }),
};

/** A register's API path; add `?format=csv` for the CSV download. */
export function registerPath(workspaceId: string, name: RegisterName): string {
  return `/api/workspaces/${enc(workspaceId)}/${name}`;
}

/** The signed-in person's own Server-Sent Events stream (`notifications` events). */
export const personalEventsPath = '/api/me/events';

/** The workspace's Server-Sent Events stream (`registers` events). */
export function workspaceEventsPath(workspaceId: string): string {
  return `/api/workspaces/${enc(workspaceId)}/events`;
}

function versionPath(documentId: string, versionId: string): string {
  return `/api/documents/${enc(documentId)}/versions/${enc(versionId)}`;
}

/** The download address of an export, of the current document or of one version. */
export function exportPath(documentId: string, format: ExportFormat, versionId?: string): string {
  const version = versionId ? `&version=${enc(versionId)}` : '';
  return `/api/documents/${enc(documentId)}/export?format=${format}${version}`;
}
