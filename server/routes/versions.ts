import type { Context } from 'hono';
import { Hono } from 'hono';
import type { RestoreResult, Version, VersionAttribution } from '../../shared/api/versions';
import { createVersionReq } from '../../shared/api/schemas';
import { storedBytes, storedUpdates } from '../commands/readDocument';
import { createVersion, deleteVersion, restoreVersion } from '../commands/versions';
import type { AppEnv, Services } from '../context';
import type { VersionMetaRow } from '../storage/rows';
import { NotFoundError } from '../errors';
import { requestLanguage } from '../http/language';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import type { NameBook } from '../presenters/registers';
import { buildNameBook } from '../registers/nameBook';
import { checkInputSize, diffSubject, offloadHttpError, versionSubject, type OffloadSubject } from '../offload/httpErrors';
import type { JobInput } from '../offload/jobs';
import { movableBuffers } from '../offload/transfer';
import { adoptionState } from '../versions/adoptionState';
import { loadDocument } from './loaders';

/**
 * Mounted at /api/documents/:id/versions. Reading a version's content and diffing run on a
 * worker thread and answer with the bytes it made (server/offload): a version of a large
 * document is seconds of work that must not hold up everyone's edits.
 */
export function versionRoutes(services: Services) {
  const { repos, workers } = services;

  /** A worker's JSON bytes as the response, or the 422/503 its caps call for. */
  const jsonFromWorker = async <N extends 'diff' | 'versionDetail'>(c: Context<AppEnv>, subject: OffloadSubject, name: N, input: JobInput<N>, stored: Uint8Array[]) => {
    const bytes = await workers.run(name, input, movableBuffers(stored)).catch((error: unknown) => {
      throw offloadHttpError(error, workers.limits, subject);
    });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
  };

  const present = async (v: VersionMetaRow, names: NameBook): Promise<Version> => {
    const request = await repos.adoptions.findRequest(v.id);
    return {
      id: v.id,
      documentId: v.document_id,
      label: v.label,
      kind: v.kind,
      createdAt: new Date(v.created_at).toISOString(),
      createdBy: v.created_by,
      createdByName: v.created_by ? (names.users.get(v.created_by) ?? null) : null,
      attribution: JSON.parse(v.attribution) as VersionAttribution[],
      adoption: request ? adoptionState(request, await repos.adoptions.decisions(v.id), names) : null,
    };
  };

  const loadVersion = async (c: Context<AppEnv>, documentId: string) => {
    const version = await repos.versions.findById(c.req.param('versionId')!);
    if (!version || version.document_id !== documentId) throw new NotFoundError('error.versionMissing');
    return version;
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const names = await buildNameBook(repos, workspace.id);
      return c.json(await Promise.all((await repos.versions.listForDocument(document.id)).map((v) => present(v, names))));
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'version:create');
      const body = await parseBody(c, createVersionReq);
      // Nothing changed since the latest version: that version is the answer, 200 instead of 201.
      const { version, created } = await createVersion(services, document, { userId: user.id, label: body.label });
      return c.json(await present(version, await buildNameBook(repos, document.workspace_id)), created ? 201 : 200);
    })
    .get('/:versionId', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const version = await loadVersion(c, document.id);
      checkInputSize(version.state.byteLength, workers.limits, versionSubject);
      const presented = await present(version, await buildNameBook(repos, workspace.id));
      return jsonFromWorker(c, versionSubject, 'versionDetail', { version: presented, state: version.state }, [version.state]);
    })
    .get('/:versionId/diff', async (c) => {
      const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const from = await loadVersion(c, document.id);
      const against = c.req.query('against') ?? 'current';
      let after;
      let toLabel = 'nu';
      if (against === 'current') after = await storedUpdates(services, document.id);
      else {
        const to = await repos.versions.findById(against);
        if (!to || to.document_id !== document.id) throw new NotFoundError('error.compareVersionMissing');
        after = [to.state];
        toLabel = to.label;
      }
      checkInputSize(from.state.byteLength + storedBytes(after), workers.limits, diffSubject);
      const names = await buildNameBook(repos, workspace.id);
      const input = { from: { id: from.id, label: from.label }, to: { id: against, label: toLabel }, before: [from.state], after, names, lang: requestLanguage(c) };
      return jsonFromWorker(c, diffSubject, 'diff', input, [from.state, ...after]);
    })
    .post('/:versionId/restore', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'version:restore');
      const version = await loadVersion(c, document.id);
      const { backup } = await restoreVersion(services, document, version, { userId: user.id, partyId: membership.party_id ?? null });
      return c.json({ restoredVersionId: version.id, backupVersionId: backup.id } satisfies RestoreResult);
    })
    .delete('/:versionId', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'version:delete');
      await deleteVersion(services, document, await loadVersion(c, document.id), user.id);
      return c.body(null, 204);
    });
}
