import { Hono } from 'hono';
import { requestAdoptionReq, signAdoptionReq } from '../../shared/api/schemas';
import type { AppEnv, Services } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize, authorizeAdoptionSignature } from '../policies';
import { buildNameBook } from '../registers/nameBook';
import { adoptionState } from '../versions/adoptionState';
import { loadDocument } from './loaders';
import { mailAdoptionRequest } from '../mail/adoptionMail';

/**
 * Mounted at /api/documents/:id/versions/:versionId/adoption: the owner asks parties to adopt
 * (vaststellen) a version; one member per party signs "akkoord namens <partij>" or declines
 * with a reason. Every step is appended, never changed, and written to the audit log.
 */
export function adoptionRoutes(services: Services) {
  const { repos } = services;

  const loadVersion = async (documentId: string, versionId: string) => {
    const version = await repos.versions.findById(versionId);
    if (!version || version.document_id !== documentId) throw new NotFoundError('error.versionMissing');
    return version;
  };

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'adoption:request');
      const version = await loadVersion(document.id, c.req.param('versionId')!);
      const body = await parseBody(c, requestAdoptionReq);
      const partyIds = [...new Set(body.partyIds)];
      const found = await Promise.all(partyIds.map((id) => repos.parties.findById(id)));
      const unknown = partyIds.filter((_id, i) => found[i]?.workspace_id !== document.workspace_id);
      if (unknown.length > 0) throw new ValidationError({ partyIds: 'error.partiesFromWorkspace' });
      if (await repos.adoptions.findRequest(version.id)) {
        throw new ConflictError('adoption_exists', 'error.adoptionExists');
      }
      await repos.adoptions.createRequest({ version_id: version.id, party_ids: JSON.stringify(partyIds), requested_by: user.id, requested_at: Date.now() });
      await repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: user.id, action: 'adoption.request', detail: { versionId: version.id, partyIds } });
      services.events.publish(document.workspace_id, 'versions', { documentId: document.id });
      const state = adoptionState((await repos.adoptions.findRequest(version.id))!, [], await buildNameBook(repos, document.workspace_id));
      await mailAdoptionRequest(services, { document, versionId: version.id, requester: user, parties: found.filter((party) => party !== undefined) });
      return c.json(state, 201);
    })
    .post('/sign', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      const version = await loadVersion(document.id, c.req.param('versionId')!);
      const request = await repos.adoptions.findRequest(version.id);
      if (!request) throw new NotFoundError('error.adoptionMissing');
      const partyId = authorizeAdoptionSignature(membership, JSON.parse(request.party_ids) as string[]);
      const body = await parseBody(c, signAdoptionReq);
      const names = await buildNameBook(repos, document.workspace_id);
      const decisions = await repos.adoptions.decisions(version.id);
      // One person, one signature: whoever decided for a party cannot decide for another one,
      // however their party changed since.
      if (decisions.some((d) => d.user_id === user.id && d.party_id !== partyId)) {
        throw new ConflictError('already_decided_for_another_party', 'error.decidedForOtherParty');
      }
      const before = adoptionState(request, decisions, names);
      if (before.status === 'adopted') throw new ConflictError('already_adopted', 'error.alreadyAdopted');
      if (before.parties.find((p) => p.partyId === partyId)?.status === 'signed') {
        throw new ConflictError('already_signed', 'error.alreadySigned');
      }
      const decision = body.decision === 'sign' ? 'signed' : 'declined';
      await repos.adoptions.recordDecision({ version_id: version.id, party_id: partyId, user_id: user.id, decision, reason: body.reason ?? null, decided_at: Date.now() });
      await repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: user.id, action: `adoption.${decision}`, detail: { versionId: version.id, partyId, reason: body.reason ?? null } });
      const after = adoptionState(request, await repos.adoptions.decisions(version.id), names);
      if (after.status === 'adopted') {
        await repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: null, action: 'adoption.adopted', detail: { versionId: version.id } });
      }
      services.events.publish(document.workspace_id, 'versions', { documentId: document.id });
      return c.json(after);
    });
}
