import { Hono } from 'hono';
import * as Y from 'yjs';
import type { AppEnv, Services } from '../context';
import type { VersionMetaRow } from '../db/versions';
import { NotFoundError, ValidationError } from '../errors';
import { exportFormats, renderExport, type ExportFormat, type ExportInput } from '../export/renderExport';
import { authorize } from '../policies';
import type { NameBook } from '../presenters/registers';
import { buildNameBook } from '../registers/nameBook';
import { adoptionState } from '../versions/adoptionState';
import { loadDocument } from './loaders';

/**
 * `GET /api/documents/:id/export?format=docx|pdf|md|html[&version=<id>]`: produced on the
 * server from the stored Yjs state with the shared schema, never from a browser's DOM.
 * Adoption belongs to a version: only a version's export carries its sign-off, because the
 * current text may have changed since the parties signed.
 */
export function exportRoutes(services: Services) {
  const { repos, registry } = services;

  const adoptionFor = (version: VersionMetaRow | undefined, names: NameBook): ExportInput['adoption'] => {
    const request = version ? repos.adoptions.findRequest(version.id) : undefined;
    if (!version || !request) return null;
    const state = adoptionState(request, repos.adoptions.decisions(version.id), names);
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
    const { document, workspace, membership } = loadDocument(c, services, c.req.param('id')!);
    authorize(membership, 'document:read');
    const format = c.req.query('format') ?? '';
    if (!(exportFormats as readonly string[]).includes(format)) {
      throw new ValidationError({ format: 'Kies docx, pdf, md of html.' });
    }
    const names = buildNameBook(repos, workspace.id);
    const versionId = c.req.query('version');
    let doc: Y.Doc;
    let version: VersionMetaRow | undefined;
    if (versionId) {
      const stored = repos.versions.findById(versionId);
      if (!stored || stored.document_id !== document.id) throw new NotFoundError('Deze versie bestaat niet.');
      version = stored;
      doc = new Y.Doc();
      Y.applyUpdate(doc, stored.state);
    } else {
      // A copy of the current state, so rendering never holds the live document.
      doc = new Y.Doc();
      Y.applyUpdate(doc, registry.withRoom(document.id, (room) => Y.encodeStateAsUpdate(room.doc)));
    }
    try {
      const result = await renderExport(format as ExportFormat, {
        doc,
        title: document.title,
        workspaceName: workspace.name,
        versionLabel: version?.label ?? null,
        adoption: adoptionFor(version, names),
        names,
        exportedAt: new Date(),
      });
      c.header('Content-Type', result.contentType);
      c.header('Content-Disposition', `attachment; filename="${result.filename}"`);
      return c.body(typeof result.body === 'string' ? result.body : new Uint8Array(result.body));
    } finally {
      doc.destroy();
    }
  });
}
