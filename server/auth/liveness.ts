/**
 * Whether someone's access still stands, for what outlives a request: event streams check it
 * before every write and in their sweep, as sockets do in theirs.
 */
import type { Repos } from '../storage/ports';
import { isSessionLive } from './sessionTokens';

export interface HeldAccess {
  sessionId: string;
  workspaceId: string;
  userId: string;
}

/** Still signed in, and still a member of the workspace. */
export async function accessIsLive(repos: Repos, access: HeldAccess): Promise<boolean> {
  const [live, member] = await Promise.all([isSessionLive(repos.sessions, access.sessionId), repos.members.find(access.workspaceId, access.userId)]);
  return live && member !== undefined;
}
