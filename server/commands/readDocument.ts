/**
 * Reading a document as it is now, for work that runs on a worker thread. It reads what is
 * stored (the snapshot and the log rows after it), not the live Y.Doc: encoding a room's
 * document costs the event loop about 150 ms for 25,000 paragraphs, copying the stored bytes a
 * few milliseconds. Every update anyone else has received is stored (durable before relay),
 * so this is the document as everyone sees it, and it needs no open room.
 */
import type { Services } from '../context';
import type { StoredUpdates } from '../offload/jobs';

export async function storedUpdates(services: Services, documentId: string): Promise<StoredUpdates> {
  const { snapshot, updates } = await services.log.read(documentId);
  return [...(snapshot ? [snapshot.state] : []), ...updates.map((row) => row.bytes)];
}

export const storedBytes = (updates: StoredUpdates): number => updates.reduce((sum, update) => sum + update.byteLength, 0);
