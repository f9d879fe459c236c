import type { Context } from 'hono';
import { Hono } from 'hono';
import type { RestoreResult, Version, VersionAttribution, VersionDetail, VersionDiff } from '../../shared/api/versions';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createVersionReq } from '../../shared/api/schemas';
import { DOCUMENT_FRAGMENT, documentSchema, readJsonFromDoc } from '../../shared/editor/schema';
import type { AppEnv, Services } from '../context';
import type { VersionMetaRow } from '../db/versions';
import { NotFoundError } from '../errors';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import type { NameBook } from '../presenters/registers';
import { buildNameBook } from '../registers/nameBook';
import { adoptionState } from '../versions/adoptionState';
import { diffDocuments } from '../versions/diffDocuments';
import { jsonFromState } from '../versions/versionContent';
import { loadDocument } from './loaders';

/** Mounted at /api/documents/:id/versions. */
export function versionRoutes(services: Services) {
  const { repos, registry, versionKeeper } = services;

  const present = (v: VersionMetaRow, names: NameBook): Version => {
    const request = repos.adoptions.findRequest(v.id);
    return {
      id: v.id,
      documentId: v.document_id,
      label: v.label,
      kind: v.kind,
      createdAt: new Date(v.created_at).toISOString(),
      createdBy: v.created_by,
      createdByName: v.created_by ? (names.users.get(v.created_by) ?? null) : null,
      attribution: JSON.parse(v.attribution) as VersionAttribution[],
      adoption: request ? adoptionState(request, repos.adoptions.decisions(v.id), names) : null,
    };
  };

  const loadVersion = (c: Context<AppEnv>, documentId: string) => {
    const version = repos.versions.findById(c.req.param('versionId')!);
    if (!version || version.document_id !== documentId) throw new NotFoundError('Deze versie bestaat niet.');
    return version;
  };

  /** The current state, from the open room or loaded for the moment. */
  const currentJson = (documentId: string) => registry.withRoom(documentId, (room) => readJsonFromDoc(room.doc));

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const names = buildNameBook(repos, workspace.id);
      return c.json(repos.versions.listForDocument(document.id).map((v) => present(v, names)));
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const { document, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'version:create');
      const body = await parseBody(c, createVersionReq);
      const version = registry.withRoom(document.id, (room) =>
        versionKeeper.create(document.id, room.doc, { label: body.label, kind: 'manual', userId: user.id }),
      );
      repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: user.id, action: 'version.create', detail: { versionId: version.id, label: body.label } });
      services.events.publish(document.workspace_id, 'versions', { documentId: document.id });
      return c.json(present(version, buildNameBook(repos, document.workspace_id)), 201);
    })
    .get('/:versionId', (c) => {
      const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const version = loadVersion(c, document.id);
      return c.json({ ...present(version, buildNameBook(repos, workspace.id)), content: jsonFromState(version.state) } satisfies VersionDetail);
    })
    .get('/:versionId/diff', (c) => {
      const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const from = loadVersion(c, document.id);
      const against = c.req.query('against') ?? 'current';
      let toJson;
      let toLabel = 'nu';
      if (against === 'current') toJson = currentJson(document.id);
      else {
        const to = repos.versions.findById(against);
        if (!to || to.document_id !== document.id) throw new NotFoundError('De versie om mee te vergelijken bestaat niet.');
        toJson = jsonFromState(to.state);
        toLabel = to.label;
      }
      const entries = diffDocuments(jsonFromState(from.state), toJson, buildNameBook(repos, workspace.id));
      return c.json({ from: { id: from.id, label: from.label }, to: { id: against, label: toLabel }, entries } satisfies VersionDiff);
    })
    .post('/:versionId/restore', (c) => {
      const user = requireUser(c);
      const { document, membership } = loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'version:restore');
      const version = loadVersion(c, document.id);
      const restored = documentSchema().nodeFromJSON(jsonFromState(version.state));
      const backup = registry.withRoom(document.id, (room) => {
        const before = versionKeeper.create(document.id, room.doc, {
          label: `Voor het terugzetten van '${version.label}'`,
          kind: 'before_restore',
          userId: user.id,
        });
        // A restore is a new change on top of the current document: history stays as it was,
        // and everyone connected sees it arrive like any edit.
        room.applyServerChange((doc: Y.Doc) => {
          const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
          updateYFragment(doc, fragment, restored, { mapping: new Map(), isOMark: new Map() });
          room.commitments.enforceAll(fragment);
        }, { userId: user.id, partyId: membership.party_id });
        return before;
      });
      repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: user.id, action: 'version.restore', detail: { versionId: version.id, backupVersionId: backup.id } });
      services.events.publish(document.workspace_id, 'versions', { documentId: document.id });
      return c.json({ restoredVersionId: version.id, backupVersionId: backup.id } satisfies RestoreResult);
    });
}
