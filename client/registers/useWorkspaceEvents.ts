/**
 * Live register updates: the workspace's Server-Sent Events stream says when a block changed in
 * any of its documents; the page then fetches again.
 */
import type { WorkspaceEventName } from '../../shared/api/registers';
import { workspaceEventsPath } from '../api';
import { useEventStream, type LiveState } from '../live/useEventStream';

export type { LiveState };

/** `event`: which kind of change to follow (blocks in the registers by default, `threads` or `session`). */
export function useWorkspaceEvents(workspaceId: string, onChange: () => void, event: WorkspaceEventName = 'registers'): LiveState {
  // Not known yet (a session page before its session has loaded): nothing to listen to.
  return useEventStream(workspaceId ? workspaceEventsPath(workspaceId) : null, event, onChange);
}
