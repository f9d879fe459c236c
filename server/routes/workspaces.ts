import { Hono } from 'hono';
import type { WorkspaceDetail, WorkspaceListItem } from '../../shared/api/workspaces';
import { createWorkspaceReq, updateWorkspaceReq } from '../../shared/api/schemas';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { abilitiesFor, authorize, can } from '../policies';
import { presentDocument, presentInvite, presentMember, presentParty, presentWorkspace } from '../presenters';
import { loadWorkspace } from './loaders';
import { guestsWriteNow } from '../sessions/guestWriting';

export function workspaceRoutes(services: Services) {
  const { repos } = services;

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireUser(c);
      return c.json(
        (await repos.workspaces.listForUser(user.id)).map((w) => ({ ...presentWorkspace(w), role: w.role, partyId: w.party_id }) satisfies WorkspaceListItem),
      );
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, createWorkspaceReq);
      const workspace = await repos.workspaces.create(body.name, user.id);
      return c.json(presentWorkspace(workspace), 201);
    })
    .get('/:id', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id'));
      authorize(membership, 'workspace:read');
      const manageMembers = can(membership, 'member:manage');
      return c.json({
        ...presentWorkspace(workspace),
        role: membership.role,
        partyId: membership.party_id,
        abilities: abilitiesFor(membership, await guestsWriteNow(repos, membership)),
        parties: (await repos.parties.listForWorkspace(workspace.id)).map(presentParty),
        members: (await repos.members.listForWorkspace(workspace.id)).map((m) => presentMember(m, manageMembers)),
        documents: (await repos.documents.listForWorkspace(workspace.id)).map(presentDocument),
        ...(can(membership, 'invite:manage')
          ? { invites: (await repos.invites.listForWorkspace(workspace.id)).map(presentInvite) }
          : {}),
        // Shown to those who can free space by deleting versions.
        ...(can(membership, 'version:delete') ? { storage: await repos.storageUsage.forWorkspace(workspace.id) } : {}),
      } satisfies WorkspaceDetail);
    })
    .patch('/:id', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id'));
      authorize(membership, 'workspace:update');
      const body = await parseBody(c, updateWorkspaceReq);
      await repos.workspaces.rename(workspace.id, body.name);
      return c.json(presentWorkspace({ ...workspace, name: body.name }));
    });
}
