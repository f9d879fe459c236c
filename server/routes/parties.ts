import { Hono } from 'hono';
import { defaultPartyColor } from '../../shared/api/partyColors';
import { createPartyReq, updatePartyReq } from '../../shared/api/schemas';
import type { AppEnv, Services } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import { presentParty } from '../presenters';
import { loadWorkspace } from './loaders';

/** Mounted at /api/workspaces/:id/parties. */
export function partyRoutes(services: Services) {
  const { repos } = services;

  const loadParty = async (workspaceId: string, partyId: string) => {
    const party = await repos.parties.findById(partyId);
    if (!party || party.workspace_id !== workspaceId) throw new NotFoundError('error.partyMissing');
    return party;
  };

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'party:manage');
      const body = await parseBody(c, createPartyReq);
      const color = body.color ?? defaultPartyColor(await repos.parties.countForWorkspace(workspace.id));
      const party = await repos.parties.create({ workspace_id: workspace.id, name: body.name, kind: body.kind, color });
      return c.json(presentParty(party), 201);
    })
    .patch('/:partyId', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'party:manage');
      const party = await loadParty(workspace.id, c.req.param('partyId'));
      const body = await parseBody(c, updatePartyReq);
      const updated = { ...party, ...body };
      await repos.parties.update(updated);
      return c.json(presentParty(updated));
    })
    .delete('/:partyId', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'party:manage');
      const party = await loadParty(workspace.id, c.req.param('partyId'));
      if (await repos.parties.usageCount(party.id) > 0) {
        throw new ConflictError(
          'party_in_use',
          'error.partyInUse',
        );
      }
      await repos.parties.delete(party.id);
      return c.body(null, 204);
    });
}
