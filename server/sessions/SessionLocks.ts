/**
 * Which running sessions hold their workspace's documents locked, and by which chair: kept in
 * memory because the collaboration server asks on every update, rebuilt from the database when
 * the server starts (server/server.ts) and changed by the session commands — on this instance,
 * and through the cluster link on the others, whose rooms must refuse the same writes.
 */
import { standalone, type ClusterLink } from '../cluster/ClusterBus';

export class SessionLocks {
  /** sessionId -> the workspace and the chair who may still write. */
  private readonly locks = new Map<string, { workspaceId: string; chairUserId: string }>();

  constructor(private readonly cluster: ClusterLink = standalone) {}

  set(sessionId: string, workspaceId: string, chairUserId: string): void {
    this.apply(sessionId, workspaceId, chairUserId);
    this.cluster.forward({ kind: 'sessionLock', sessionId, workspaceId, chairUserId });
  }

  release(sessionId: string): void {
    this.apply(sessionId, '', null);
    this.cluster.forward({ kind: 'sessionLock', sessionId, workspaceId: '', chairUserId: null });
  }

  /** A lock set or released here or on another instance; `chairUserId` null releases. */
  apply(sessionId: string, workspaceId: string, chairUserId: string | null): void {
    if (chairUserId) this.locks.set(sessionId, { workspaceId, chairUserId });
    else this.locks.delete(sessionId);
  }

  /** The chairs of the workspace's locked sessions; empty when nothing is locked. */
  chairsLocking(workspaceId: string): Set<string> {
    const chairs = new Set<string>();
    for (const lock of this.locks.values()) if (lock.workspaceId === workspaceId) chairs.add(lock.chairUserId);
    return chairs;
  }
}
