/**
 * Room extension: a changed document gets an automatic version once it has been quiet for a
 * while, or when everyone has left (as quiet as it gets). A document nobody changed gets none.
 */
import type { ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { DocumentTimers } from '../support/DocumentTimers';
import { VersionKeeper } from '../versions/VersionKeeper';

export function autoVersions(versions: VersionKeeper, quietTimers: DocumentTimers): RoomExtensionFactory {
  return {
    name: 'autoVersions',
    create: (room: ExtensionRoom): RoomExtension => {
      const save = async () => {
        if (!room.doc.isDestroyed) await versions.create(room.documentId, room.doc, { label: VersionKeeper.autoLabel(), kind: 'auto', userId: null });
      };
      return {
        afterApply: () => quietTimers.schedule(room.documentId, save),
        onUnload: () => quietTimers.flush(room.documentId),
      };
    },
  };
}
