import type { AdoptionRepo } from '../ports';
import type { Db } from './db';

/** Adoption requests and their append-only sign-off decisions. */
export function createAdoptionRepo(db: Db): AdoptionRepo {
  return {
    createRequest: async (row) => void (await db.insertInto('adoption_requests').values(row).execute()),
    findRequest: (versionId) => db.selectFrom('adoption_requests').selectAll().where('version_id', '=', versionId).executeTakeFirst(),
    requestsForDocument: (documentId) =>
      db
        .selectFrom('adoption_requests as r')
        .innerJoin('document_versions as v', 'v.id', 'r.version_id')
        .selectAll('r')
        .where('v.document_id', '=', documentId)
        .execute(),
    requestsForWorkspace: (workspaceId) =>
      db
        .selectFrom('adoption_requests as r')
        .innerJoin('document_versions as v', 'v.id', 'r.version_id')
        .innerJoin('documents as d', 'd.id', 'v.document_id')
        .selectAll('r')
        .where('d.workspace_id', '=', workspaceId)
        .execute(),
    recordDecision: async (row) => void (await db.insertInto('adoption_decisions').values(row).execute()),
    decisions: (versionId) => db.selectFrom('adoption_decisions').selectAll().where('version_id', '=', versionId).orderBy('id').execute(),
  };
}
