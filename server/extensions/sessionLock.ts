/**
 * Room extension: while a chair has locked their session (issue 14, "locks editing while
 * presenting"), updates from anyone else in the workspace's documents are dropped the way a
 * reader's are: nothing is applied, stored or relayed, and the socket stays open so the
 * participant keeps following what the chair shows. The rule itself is in server/policies.
 */
import type { IncomingWrite, RoomExtension, RoomExtensionFactory, WriteVerdict } from '../collab/extensions';
import { mayWriteUnderLock } from '../policies';
import type { SessionLocks } from '../sessions/SessionLocks';

export function sessionLock(locks: SessionLocks): RoomExtensionFactory {
  return {
    name: 'sessionLock',
    create: (): RoomExtension => ({
      filterWrite({ principal }: IncomingWrite): WriteVerdict {
        if (mayWriteUnderLock(locks.chairsLocking(principal.workspaceId), principal.userId)) return;
        return { drop: { reason: 'locked by the chair' } };
      },
    }),
  };
}
