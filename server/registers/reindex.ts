/**
 * At start: documents whose update log was not folded into a snapshot were open when the
 * process stopped (a clean stop compacts every room), so their registers may lag the last
 * edits. Read them again before serving.
 */
import type { DocumentStore } from '../collab/DocumentStore';
import type { Repos } from '../db/repos';
import type { RegisterIndexer } from './RegisterIndexer';

export function reindexUnsettledDocuments(repos: Repos, store: DocumentStore, registers: RegisterIndexer): number {
  const ids = repos.documentUpdates.documentsWithLog();
  for (const documentId of ids) {
    try {
      const { doc } = store.load(documentId);
      registers.index(documentId, doc);
      doc.destroy();
    } catch (error) {
      console.error(`[registers] document=${documentId} not reindexed:`, (error as Error).message);
    }
  }
  return ids.length;
}
