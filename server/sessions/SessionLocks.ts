/**
 * Which running sessions hold their workspace's documents locked, and by which chair: kept in
 * memory because the collaboration server asks on every update, rebuilt from the database when
 * the server starts (server/server.ts) and changed by the session commands.
 */
export class SessionLocks {
  /** sessionId -> the workspace and the chair who may still write. */
  private readonly locks = new Map<string, { workspaceId: string; chairUserId: string }>();

  set(sessionId: string, workspaceId: string, chairUserId: string): void {
    this.locks.set(sessionId, { workspaceId, chairUserId });
  }

  release(sessionId: string): void {
    this.locks.delete(sessionId);
  }

  /** The chairs of the workspace's locked sessions; empty when nothing is locked. */
  chairsLocking(workspaceId: string): Set<string> {
    const chairs = new Set<string>();
    for (const lock of this.locks.values()) if (lock.workspaceId === workspaceId) chairs.add(lock.chairUserId);
    return chairs;
  }
}
