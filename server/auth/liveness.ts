/**
 * Whether someone's access still stands, for what outlives a request: event streams check it
 * before every write and in their sweep, as sockets do in theirs.
 */
import type { Repos } from '../storage/ports';
import { isSignInLive } from './guestAccess';

export interface HeldAccess {
  sessionId: string;
  /** Null for what belongs to the person rather than to a workspace (their own event stream). */
  workspaceId: string | null;
  userId: string;
}

/** Still signed in, and still a member of the workspace (if the access is to one). */
export async function accessIsLive(repos: Repos, access: HeldAccess): Promise<boolean> {
  const { workspaceId } = access;
  const [live, member] = await Promise.all([isSignInLive(repos, access.sessionId), workspaceId === null ? true : repos.members.find(workspaceId, access.userId)]);
  return live && member !== undefined;
}
