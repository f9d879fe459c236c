/** `GET /api/workspaces/:id/audit`: the workspace's audit log, for owners, newest first. */
import { z } from 'zod';

export const auditQuery = z.object({
  /** Entries with an id below this one (the `nextBefore` of the previous page). */
  before: z.coerce.number('validation.sequenceNumber').int('validation.sequenceNumber').positive('validation.sequenceNumber').optional(),
  limit: z.coerce.number('validation.number').int('validation.wholeNumber').min(1, 'validation.tooSmall').max(200, 'validation.tooBig').default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditLogEntry {
  id: number;
  at: string;
  /** What happened, e.g. `member.update`, `commitment.confirm`, `adoption.signed`, `version.restore`. */
  action: string;
  /** Who did it; null for the server's own decisions. */
  userId: string | null;
  userName: string | null;
  documentId: string | null;
  documentTitle: string | null;
  detail: Record<string, unknown>;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: number | null;
}
