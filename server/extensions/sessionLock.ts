/**
 * Room extension: while a chair has locked their session (issue 14, "locks editing while
 * presenting"), an update from anyone else in the workspace's documents is refused: nothing is
 * applied, stored or relayed, and the connection closes with `documentLocked`, which invites a
 * reconnect. The client keeps its change and offers it again on every reconnect; it is taken
 * once the lock is lifted, so nothing typed is lost and nothing later waits on a missing update.
 * The rule itself is in server/policies.
 */
import { CloseCode } from '../../shared/collab/protocol';
import type { IncomingWrite, RoomExtension, RoomExtensionFactory, WriteVerdict } from '../collab/extensions';
import { mayWriteUnderLock } from '../policies';
import type { SessionLocks } from '../sessions/SessionLocks';

export function sessionLock(locks: SessionLocks): RoomExtensionFactory {
  return {
    name: 'sessionLock',
    create: (): RoomExtension => ({
      filterWrite({ principal }: IncomingWrite): WriteVerdict {
        if (mayWriteUnderLock(locks.chairsLocking(principal.workspaceId), principal.userId)) return;
        return { reject: { code: CloseCode.documentLocked, reason: 'locked by the chair' } };
      },
    }),
  };
}
