/** Shared "load" steps of the route pipelines: find the thing and the caller's membership. */
import type { Context } from 'hono';
import type { AppEnv, Services } from '../context';
import type { DocumentRow } from '../db/documents';
import type { MemberRow } from '../db/members';
import type { WorkspaceRow } from '../db/workspaces';
import { NotFoundError } from '../errors';
import { requireUser } from '../http/session';

export interface WorkspaceAccess {
  workspace: WorkspaceRow;
  /** Undefined for a signed-in non-member: the policy turns that into a 404. */
  membership: MemberRow | undefined;
}

export function loadWorkspace(c: Context<AppEnv>, services: Services, workspaceId: string): WorkspaceAccess {
  const user = requireUser(c);
  const workspace = services.repos.workspaces.findById(workspaceId);
  if (!workspace) throw new NotFoundError();
  return { workspace, membership: services.repos.members.find(workspace.id, user.id) };
}

export interface DocumentAccess extends WorkspaceAccess {
  document: DocumentRow;
}

export function loadDocument(c: Context<AppEnv>, services: Services, documentId: string): DocumentAccess {
  const document = services.repos.documents.findById(documentId);
  if (!document) {
    requireUser(c);
    throw new NotFoundError();
  }
  return { document, ...loadWorkspace(c, services, document.workspace_id) };
}
