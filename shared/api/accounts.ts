import type { Language } from '../i18n/messages';
/** Responses of signing up, signing in and `GET /api/me`. */

/** The signed-in person. */
export interface User {
  id: string;
  email: string;
  name: string;
  /** Whether the person followed a link sent to this address (false again after a change). */
  emailVerified: boolean;
  /** The language of werktafel's mails to this person. */
  language: Language;
  /** Reminders and adoption requests by mail (the person can turn them off). */
  workspaceMails: boolean;
  /** False for an account made through single sign-on that never set a password. */
  hasPassword: boolean;
  /** A guest of a werksessie who joined with a code: no address (`email` is empty), no account yet. */
  guest: boolean;
}

/** `GET /api/me/sessions`: where the person is signed in, newest first. */
export interface SessionInfo {
  createdAt: string;
  expiresAt: string;
  /** The browser it was made in, as it said at sign-in; null for sessions from before this was kept. */
  userAgent: string | null;
  /** The session of this request. */
  current: boolean;
}

/** `GET /api/me/export`: everything werktafel holds about the person (AVG article 20). */
export interface AccountExport {
  exportedAt: string;
  user: User & { createdAt: string };
  sessions: SessionInfo[];
  memberships: { workspaceId: string; workspaceName: string; role: string; partyName: string | null; joinedAt: string }[];
  contributions: { documentId: string; documentTitle: string; day: string; charsInserted: number; charsDeleted: number; blocksInserted: number }[];
  commitmentDecisions: { documentId: string; blockId: string; status: string; decidedAt: string; reason: string | null }[];
  adoptionDecisions: { versionId: string; decision: string; reason: string | null; decidedAt: string }[];
  auditEntries: { workspaceId: string; documentId: string | null; action: string; detail: unknown; at: string }[];
  /** Accounts at an organisation's sign-in service (OpenID Connect) that sign in to this one. */
  identities: { issuer: string; subject: string; linkedAt: string }[];
  /** What the person wrote in comment threads (issue 15). */
  comments: { commentId: string; threadId: string; documentId: string; documentTitle: string; body: string; createdAt: string; editedAt: string | null }[];
  /** Their inbox of mentions and replies. */
  notifications: { id: string; kind: string; threadId: string; commentId: string; documentId: string; createdAt: string; readAt: string | null }[];
  /** The cards they wrote in werksessies, revealed or not (they are the author's own). */
  sessionCards: { cardId: string; sessionId: string; stepId: string; text: string; anonymous: boolean; createdAt: string }[];
}

/** `POST /api/auth/verify-email/:token`: the address that is now verified. */
export interface VerifiedEmail {
  email: string;
  emailVerified: true;
}

/** How people may sign up (`SIGNUP`). */
export const signupModes = ['open', 'invite', 'domains'] as const;
export type SignupMode = (typeof signupModes)[number];

/** `GET /api/auth/options`: what the sign-in and sign-up pages offer. */
export interface AuthOptions {
  /**
   * Single sign-on through the organisation's OpenID provider, with the name on its button
   * (`OIDC_NAME`; null: the page says "je organisatie" or "your organisation").
   */
  oidc: { name: string | null } | null;
  signup: SignupMode;
  /** With `signup: 'domains'`: the address domains that may sign up without an invite. */
  domains?: string[];
}

/** The `?sso_error=` codes the single sign-on callback sends the sign-in page. */
export const ssoErrors = ['state', 'cancelled', 'provider', 'unverified', 'unverified_new', 'not_linkable', 'no_email', 'deleted'] as const;
export type SsoError = (typeof ssoErrors)[number];
