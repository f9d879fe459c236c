/**
 * Room extension: the registers follow the document. After a change the document's blocks
 * are read again, at most once per short delay (off the sync hot path), and once more when
 * the room unloads, so the tables never lag what was written.
 */
import type { ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { RegisterIndexer } from '../registers/RegisterIndexer';
import type { DocumentTimers } from '../support/DocumentTimers';

export function registerIndex(indexer: RegisterIndexer, timers: DocumentTimers): RoomExtensionFactory {
  return {
    name: 'registerIndex',
    create: (room: ExtensionRoom): RoomExtension => {
      const index = async () => {
        if (!room.doc.isDestroyed) await indexer.index(room.documentId, room.doc);
      };
      return {
        afterApply: () => timers.schedule(room.documentId, index),
        onUnload: () => timers.flush(room.documentId),
      };
    },
  };
}
