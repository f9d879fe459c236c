/** Shared "load" steps of the route pipelines: find the thing and the caller's membership. */
import type { Context } from 'hono';
import type { AppEnv, Services } from '../context';
import type { DocumentRow } from '../storage/rows';
import type { MemberRow } from '../storage/rows';
import type { WorkspaceRow } from '../storage/rows';
import { NotFoundError } from '../errors';
import { requireUser } from '../http/session';

export interface WorkspaceAccess {
  workspace: WorkspaceRow;
  /** Undefined for a signed-in non-member: the policy turns that into a 404. */
  membership: MemberRow | undefined;
}

export async function loadWorkspace(c: Context<AppEnv>, services: Services, workspaceId: string): Promise<WorkspaceAccess> {
  const user = requireUser(c);
  const workspace = await services.repos.workspaces.findById(workspaceId);
  if (!workspace) throw new NotFoundError();
  return { workspace, membership: await services.repos.members.find(workspace.id, user.id) };
}

export interface DocumentAccess extends WorkspaceAccess {
  document: DocumentRow;
}

export async function loadDocument(c: Context<AppEnv>, services: Services, documentId: string): Promise<DocumentAccess> {
  const document = await services.repos.documents.findById(documentId);
  if (!document) {
    requireUser(c);
    throw new NotFoundError();
  }
  return { document, ...(await loadWorkspace(c, services, document.workspace_id)) };
}
