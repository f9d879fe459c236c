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
}

/** `POST /api/auth/verify-email/:token`: the address that is now verified. */
export interface VerifiedEmail {
  email: string;
  emailVerified: true;
}
