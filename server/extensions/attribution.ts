/**
 * Room extension: who wrote what outlives the log rows it is read from. The log is summarised
 * a while after changes, and always before compaction deletes rows (a failed summary
 * postpones the compaction rather than lose the history).
 */
import type { AttributionRecorder } from '../attribution/AttributionRecorder';
import type { ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { DocumentTimers } from '../support/DocumentTimers';

export function attribution(recorder: AttributionRecorder, timers: DocumentTimers): RoomExtensionFactory {
  return {
    name: 'attribution',
    create: (room: ExtensionRoom): RoomExtension => ({
      afterApply: () => timers.schedule(room.documentId, async () => void (await recorder.summarise(room.documentId))),
      beforeCompact: (uptoId) => recorder.summarise(room.documentId, uptoId),
    }),
  };
}
