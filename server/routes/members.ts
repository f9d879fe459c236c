import { Hono } from 'hono';
import { updateMemberReq } from '../../shared/api/schemas';
import { CloseCode } from '../../shared/collab/protocol';
import type { AppEnv, Services } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import { presentMember } from '../presenters';
import { isAdoptionOpen } from '../versions/adoptionState';
import { loadWorkspace } from './loaders';

const lastOwner = () =>
  new ConflictError('last_owner', 'error.lastOwner');

/** Mounted at /api/workspaces/:id/members. */
export function memberRoutes(services: Services) {
  const { repos } = services;

  const loadMember = async (workspaceId: string, userId: string) => {
    const member = (await repos.members.listForWorkspace(workspaceId)).find((m) => m.user_id === userId);
    if (!member) throw new NotFoundError('error.memberMissing');
    return member;
  };

  /** An adoption not yet adopted that asks one of these parties to sign. */
  const signsOpenAdoption = async (workspaceId: string, partyIds: (string | null)[]) => {
    for (const request of await repos.adoptions.requestsForWorkspace(workspaceId)) {
      const asked = JSON.parse(request.party_ids) as string[];
      if (!partyIds.some((id) => id !== null && asked.includes(id))) continue;
      if (isAdoptionOpen(request, await repos.adoptions.decisions(request.version_id))) return true;
    }
    return false;
  };

  return new Hono<AppEnv>()
    .patch('/:userId', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'member:manage');
      const target = await loadMember(workspace.id, c.req.param('userId'));
      const body = await parseBody(c, updateMemberReq);
      if (body.partyId !== undefined) {
        const party = await repos.parties.findById(body.partyId);
        if (!party || party.workspace_id !== workspace.id) throw new ValidationError({ partyId: 'error.partyFromWorkspace' });
      }
      const role = body.role ?? target.role;
      if (target.role === 'owner' && role !== 'owner' && await repos.members.ownerCount(workspace.id) <= 1) throw lastOwner();
      const updated = { ...target, role, party_id: body.partyId ?? target.party_id };
      if (target.user_id === user.id && updated.party_id !== target.party_id && (await signsOpenAdoption(workspace.id, [target.party_id, updated.party_id]))) {
        // Otherwise one person could sign for one party, move, and sign for another.
        throw new ConflictError('adoption_open', 'error.adoptionOpen');
      }
      await repos.members.update(updated);
      if (role !== target.role || updated.party_id !== target.party_id) {
        await repos.auditLog.record({
          workspaceId: workspace.id,
          documentId: null,
          userId: user.id,
          action: 'member.update',
          detail: { memberId: target.user_id, from: { role: target.role, partyId: target.party_id }, to: { role, partyId: updated.party_id } },
        });
        // Open sockets carry the old role and party (every stored update is attributed to the
        // party); closing them makes the client reconnect with the new ones.
        services.connections.closeForMember(workspace.id, target.user_id, CloseCode.roleChanged, 'membership changed');
      }
      return c.json(presentMember(updated, true));
    })
    .delete('/:userId', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      const targetId = c.req.param('userId');
      authorize(membership, targetId === user.id ? 'member:leave' : 'member:manage');
      const target = await loadMember(workspace.id, targetId);
      if (target.role === 'owner' && await repos.members.ownerCount(workspace.id) <= 1) throw lastOwner();
      await repos.members.delete(workspace.id, target.user_id);
      await repos.calendarFeeds.deleteForMember(workspace.id, target.user_id);
      await repos.auditLog.record({
        workspaceId: workspace.id,
        documentId: null,
        userId: user.id,
        action: targetId === user.id ? 'member.leave' : 'member.remove',
        detail: { memberId: target.user_id, role: target.role, partyId: target.party_id },
      });
      services.connections.closeForMember(workspace.id, target.user_id, CloseCode.accessRevoked, 'removed from workspace');
      return c.body(null, 204);
    });
}
