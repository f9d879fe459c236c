import { Hono } from 'hono';
import type { CommitmentDecision } from '../../shared/api/documents';
import { decideCommitment } from '../commands/decideCommitment';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { authorize } from '../policies';
import { loadDocument } from './loaders';

const decisions = { confirm: 'confirmed', withdraw: 'withdrawn' } as const;

/**
 * Mounted at /api/documents/:id/commitments. The only way a commitment's status changes: the
 * decision is recorded, then written into the document by the server (decideCommitment).
 */
export function commitmentRoutes(services: Services) {
  return new Hono<AppEnv>().post('/:blockId/:decision{confirm|withdraw}', async (c) => {
    const user = requireUser(c);
    const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
    authorize(membership, 'document:read');
    const blockId = c.req.param('blockId');
    const status = decisions[c.req.param('decision') as keyof typeof decisions];
    const authority = await decideCommitment(services, { document, membership, userId: user.id, blockId, status });
    return c.json({ documentId: document.id, blockId, ...authority } satisfies CommitmentDecision);
  });
}
