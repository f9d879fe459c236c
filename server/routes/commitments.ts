import { Hono } from 'hono';
import type { CommitmentDecision } from '../../shared/api/documents';
import { DocumentLoadError } from '../collab/DocumentStore';
import type { CommitmentAuthority } from '../collab/commitmentGuard';
import type { AppEnv, Services } from '../context';
import { HttpError, NotFoundError } from '../errors';
import { requireUser } from '../http/session';
import { authorizeCommitmentDecision } from '../policies';
import { findBlockElement } from '../registers/extractBlocks';
import { loadDocument } from './loaders';

const decisions = { confirm: 'confirmed', withdraw: 'withdrawn' } as const;

/**
 * Mounted at /api/documents/:id/commitments. The only way a commitment's status changes: the
 * decision is recorded in SQLite, then written into the document by the server.
 */
export function commitmentRoutes(services: Services) {
  const { repos, registry } = services;

  return new Hono<AppEnv>().post('/:blockId/:decision{confirm|withdraw}', (c) => {
    const user = requireUser(c);
    const { document, membership } = loadDocument(c, services, c.req.param('id')!);
    const blockId = c.req.param('blockId');
    const status = decisions[c.req.param('decision') as keyof typeof decisions];
    try {
      const authority = registry.withRoom(document.id, (room) => {
        const element = findBlockElement(room.doc, 'commitment', blockId);
        if (!element) throw new NotFoundError('Deze toezegging staat niet (meer) in het document.');
        authorizeCommitmentDecision(membership, element.getAttribute('partyId'));
        const decidedAt = Date.now();
        repos.commitmentDecisions.record({
          document_id: document.id,
          block_id: blockId,
          status,
          user_id: user.id,
          party_id: membership!.party_id!,
          decided_at: decidedAt,
        });
        const next: CommitmentAuthority = { status, confirmedBy: user.id, confirmedAt: new Date(decidedAt).toISOString() };
        room.commitments.setAuthority(blockId, next);
        room.applyServerChange(() => {
          element.setAttribute('status', next.status);
          element.setAttribute('confirmedBy', next.confirmedBy!);
          element.setAttribute('confirmedAt', next.confirmedAt!);
        });
        return next;
      });
      return c.json({ documentId: document.id, blockId, ...authority } satisfies CommitmentDecision);
    } catch (error) {
      if (error instanceof DocumentLoadError) {
        throw new HttpError(503, 'document_unavailable', 'Dit document kan nu niet worden geladen.');
      }
      throw error;
    }
  });
}
