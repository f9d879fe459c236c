import { Hono } from 'hono';
import type { DocumentDetail } from '../../shared/api/documents';
import { createDocumentReq, updateDocumentReq } from '../../shared/api/schemas';
import { createDocument } from '../commands/createDocument';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { abilitiesFor, authorize, can } from '../policies';
import { presentDocument, presentMember, presentParty } from '../presenters';
import { loadDocument, loadWorkspace } from './loaders';
import { guestsWriteNow } from '../sessions/guestWriting';

/** Mounted at /api/workspaces/:id/documents. */
export function workspaceDocumentRoutes(services: Services) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const user = requireUser(c);
    const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
    authorize(membership, 'document:create');
    const body = await parseBody(c, createDocumentReq);
    const document = await createDocument(services, { workspaceId: workspace.id, title: body.title, template: body.template, userId: user.id });
    return c.json(presentDocument(document), 201);
  });
}

/** Mounted at /api/documents. */
export function documentRoutes(services: Services) {
  const { repos } = services;

  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id'));
      authorize(membership, 'document:read');
      const withEmail = can(membership, 'member:manage');
      return c.json({
        ...presentDocument(document),
        workspace: { id: workspace.id, name: workspace.name },
        role: membership.role,
        partyId: membership.party_id,
        abilities: abilitiesFor(membership, await guestsWriteNow(repos, membership)),
        parties: (await repos.parties.listForWorkspace(workspace.id)).map(presentParty),
        members: (await repos.members.listForWorkspace(workspace.id)).map((m) => presentMember(m, withEmail)),
      } satisfies DocumentDetail);
    })
    .patch('/:id', async (c) => {
      const { document, membership } = await loadDocument(c, services, c.req.param('id'));
      authorize(membership, 'document:update');
      const body = await parseBody(c, updateDocumentReq);
      const now = Date.now();
      const updated = {
        ...document,
        title: body.title ?? document.title,
        archived_at: body.archived === undefined ? document.archived_at : body.archived ? (document.archived_at ?? now) : null,
        updated_at: now,
      };
      await repos.documents.update(updated);
      return c.json(presentDocument(updated));
    });
}
