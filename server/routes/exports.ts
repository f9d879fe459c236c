import { Hono } from 'hono';
import type { AppEnv, Services } from '../context';
import type { VersionMetaRow } from '../storage/rows';
import { NotFoundError, ValidationError } from '../errors';
import { exportFormats, type ExportFormat } from '../../shared/api/documents';
import { storedBytes, storedUpdates } from '../commands/readDocument';
import type { ExportInput } from '../export/types';
import { checkInputSize, exportSubject, offloadHttpError } from '../offload/httpErrors';
import { movableBuffers } from '../offload/transfer';
import { authorize } from '../policies';
import type { NameBook } from '../presenters/registers';
import { buildNameBook } from '../registers/nameBook';
import { adoptionState } from '../versions/adoptionState';
import { loadDocument } from './loaders';

/**
 * `GET /api/documents/:id/export?format=docx|odt|pdf|md|html[&version=<id>]`: produced on the
 * server from the stored Yjs state with the shared schema, never from a browser's DOM, on a
 * worker thread within the caps of server/offload (a PDF of a long document is seconds of work).
 * Adoption belongs to a version: only a version's export carries its sign-off, because the
 * current text may have changed since the parties signed.
 */
export function exportRoutes(services: Services) {
  const { repos, workers } = services;

  const adoptionFor = async (version: VersionMetaRow | undefined, names: NameBook): Promise<ExportInput['adoption']> => {
    const request = version ? await repos.adoptions.findRequest(version.id) : undefined;
    if (!version || !request) return null;
    const state = adoptionState(request, await repos.adoptions.decisions(version.id), names);
    return {
      status: state.status,
      parties: state.parties.map((p) => ({
        name: p.partyName,
        color: p.color,
        signedBy: p.status === 'signed' ? p.userName : null,
        signedAt: p.status === 'signed' ? p.at : null,
        declined: p.status === 'declined' ? { by: p.userName ?? 'onbekend', reason: p.reason ?? '' } : null,
      })),
    };
  };

  return new Hono<AppEnv>().get('/', async (c) => {
    const { document, workspace, membership } = await loadDocument(c, services, c.req.param('id')!);
    authorize(membership, 'document:export');
    const format = c.req.query('format') ?? '';
    if (!(exportFormats as readonly string[]).includes(format)) {
      throw new ValidationError({ format: 'error.exportFormat' });
    }
    const subject = exportSubject(format);
    const names = await buildNameBook(repos, workspace.id);
    const versionId = c.req.query('version');
    let updates: Uint8Array[];
    let version: VersionMetaRow | undefined;
    if (versionId) {
      const stored = await repos.versions.findById(versionId);
      if (!stored || stored.document_id !== document.id) throw new NotFoundError('error.versionMissing');
      version = stored;
      updates = [stored.state];
    } else {
      updates = await storedUpdates(services, document.id);
    }
    checkInputSize(storedBytes(updates), workers.limits, subject);
    const result = await workers
      .run('export', {
        format: format as ExportFormat,
        updates,
        title: document.title,
        workspaceName: workspace.name,
        versionLabel: version?.label ?? null,
        adoption: await adoptionFor(version, names),
        names,
        exportedAt: new Date(),
      }, movableBuffers(updates))
      .catch((error: unknown) => {
        throw offloadHttpError(error, workers.limits, subject);
      });
    c.header('Content-Type', result.contentType);
    c.header('Content-Disposition', `attachment; filename="${result.filename}"`);
    return c.body(result.body as Uint8Array<ArrayBuffer>);
  });
}
