/**
 * A document log that keeps nothing: only for measuring what persistence costs
 * (`COLLAB_PERSISTENCE=off` in the benchmark). A server with it loses every edit at exit.
 */
import type { DocumentLog } from './ports';

export function createNullDocumentLog(): DocumentLog {
  let lastId = 0;
  return {
    read: async () => ({ snapshot: null, updates: [] }),
    append: async (_documentId, entries) => (lastId += entries.length),
    compact: async () => undefined,
    documentsWithLog: async () => [],
  };
}
