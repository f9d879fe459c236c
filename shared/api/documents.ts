/** Responses about documents: the document itself, commitment decisions and exports. */
import type { CommitmentStatus } from '../blocks/attrs';
import type { Abilities } from './abilities';
import type { DocumentTemplate, MemberRole } from './roles';
import type { Member, Party } from './workspaces';

/** `POST /api/workspaces/:id/documents` (201), `PATCH /api/documents/:id`, and in workspace details. */
export interface DocumentSummary {
  id: string;
  workspaceId: string;
  title: string;
  template: DocumentTemplate;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/documents/:id`: the document with its workspace and the caller's place in it. */
export interface DocumentDetail extends DocumentSummary {
  workspace: { id: string; name: string };
  role: MemberRole;
  partyId: string | null;
  abilities: Abilities;
  parties: Party[];
  members: Member[];
}

/** The last segment of `POST /api/documents/:id/commitments/:blockId/confirm|withdraw`. */
export type CommitmentDecisionPath = 'confirm' | 'withdraw';

/** The answer to a commitment decision: the status the server wrote into the document. */
export interface CommitmentDecision {
  documentId: string;
  blockId: string;
  status: CommitmentStatus;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

/** `GET /api/documents/:id/export?format=…`. */
export const exportFormats = ['docx', 'odt', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];
