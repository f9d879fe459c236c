import type { AccountExport, SessionInfo } from '../../shared/api/accounts';
import type { PersonalDataExport } from '../storage/ports';
import type { SessionRow, UserRow } from '../storage/rows';
import { iso, presentUser } from './index';

export const presentSession = (session: SessionRow, currentId: string): SessionInfo => ({
  // Sessions from before their creation was kept show no date rather than 1970.
  createdAt: session.created_at > 0 ? iso(session.created_at) : '',
  expiresAt: iso(session.expires_at),
  userAgent: session.user_agent,
  current: session.id === currentId,
});

function parsedDetail(detail: string): unknown {
  try {
    return JSON.parse(detail);
  } catch {
    return detail;
  }
}

export function presentAccountExport(user: UserRow, sessions: SessionRow[], currentId: string, data: PersonalDataExport, now: number): AccountExport {
  return {
    exportedAt: iso(now),
    user: { ...presentUser(user), createdAt: iso(user.created_at) },
    sessions: sessions.map((session) => presentSession(session, currentId)),
    memberships: data.memberships.map((m) => ({ ...m, joinedAt: iso(m.joinedAt) })),
    contributions: data.contributions,
    commitmentDecisions: data.commitmentDecisions.map((d) => ({ ...d, decidedAt: iso(d.decidedAt) })),
    adoptionDecisions: data.adoptionDecisions.map((d) => ({ ...d, decidedAt: iso(d.decidedAt) })),
    auditEntries: data.auditEntries.map((e) => ({ ...e, detail: parsedDetail(e.detail), at: iso(e.at) })),
    identities: data.identities.map((i) => ({ ...i, linkedAt: iso(i.linkedAt) })),
    comments: data.comments.map((comment) => ({ ...comment, createdAt: iso(comment.createdAt), editedAt: comment.editedAt === null ? null : iso(comment.editedAt) })),
    notifications: data.notifications.map((n) => ({ ...n, createdAt: iso(n.createdAt), readAt: n.readAt === null ? null : iso(n.readAt) })),
    sessionCards: data.sessionCards.map((card) => ({ ...card, anonymous: card.anonymous === 1, createdAt: iso(card.createdAt) })),
  };
}
