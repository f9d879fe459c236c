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
        // Everyone left: the pending version is taken now and stored in the background, so the
        // room's unload (and a reopen that waits for it) does not wait for its hash.
        onUnload: () => {
          if (!quietTimers.has(room.documentId) || room.doc.isDestroyed) return;
          quietTimers.cancel(room.documentId);
          versions.keepAfterUnload(room.documentId, room.doc, { label: VersionKeeper.autoLabel(), kind: 'auto', userId: null });
        },
      };
    },
  };
}
