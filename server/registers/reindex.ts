/**
 * At start: documents whose update log was not folded into a snapshot were open when the
 * process stopped (a clean stop compacts every room), so their registers may lag the last
 * edits. Read them again before serving.
 */
import { loadDocument } from '../collab/loadDocument';
import type { DocumentLog } from '../storage/ports';
import { describeFailure, type Logger } from '../support/log';
import type { RegisterIndexer } from './RegisterIndexer';

export async function reindexUnsettledDocuments(log: DocumentLog, registers: RegisterIndexer, logger: Logger): Promise<number> {
  const ids = await log.documentsWithLog();
  for (const documentId of ids) {
    try {
      const { doc } = await loadDocument(log, documentId);
      try {
        await registers.index(documentId, doc);
      } finally {
        doc.destroy();
      }
    } catch (error) {
      logger.error('document not reindexed', { document: documentId, ...describeFailure(error) });
    }
  }
  return ids.length;
}
