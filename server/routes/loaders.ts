/** Shared "load" steps of the route pipelines: find the thing and the caller's membership. */
import type { Context } from 'hono';
import type { AppEnv, Services } from '../context';
import type { DocumentRow } from '../storage/rows';
import type { MemberRow } from '../storage/rows';
import type { InviteRow, WorkspaceRow } from '../storage/rows';
import type { Repos } from '../storage/ports';
import { hashToken } from '../auth/sessionTokens';
import { GoneError, NotFoundError } from '../errors';
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

/** The invite behind a token, or the reason it can no longer be used (404 or 410). */
export async function loadInvite(repos: Repos, token: string, now = Date.now()): Promise<InviteRow> {
  return usableOrRefused(await repos.invites.findByTokenHash(hashToken(token)), now);
}

/** The invite itself while it can be used; else the reason it cannot (404 or 410). */
export function usableOrRefused(invite: InviteRow | undefined, now = Date.now()): InviteRow {
  if (!invite || invite.revoked_at !== null) throw new NotFoundError('error.inviteMissing');
  if (invite.expires_at <= now) throw new GoneError('invite_expired', 'error.inviteExpired');
  if (invite.uses >= invite.max_uses) throw new GoneError('invite_used_up', 'error.inviteUsedUp');
  return invite;
}

/** The invite the token opens, if it can still be used; null (never an error) for a bad one. */
export async function usableInvite(repos: Repos, token: string | undefined): Promise<InviteRow | null> {
  if (token === undefined) return null;
  try {
    return await loadInvite(repos, token);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof GoneError) return null;
    throw error;
  }
}
