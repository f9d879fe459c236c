/**
 * Live register updates: the workspace's Server-Sent Events stream says when a block changed in
 * any of its documents; the page then fetches again. Events that come in a burst are coalesced.
 */
import { useEffect, useRef, useState } from 'react';
import type { WorkspaceEventName } from '../../shared/api/registers';
import { workspaceEventsPath } from '../api';

export type LiveState = 'connecting' | 'live' | 'offline';

const coalesceMs = 50;
const blocksChanged: WorkspaceEventName = 'registers';

/** `event`: which kind of change to follow (blocks in the registers by default, `threads` or `session`). */
export function useWorkspaceEvents(workspaceId: string, onChange: () => void, event: WorkspaceEventName = blocksChanged): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    // Not known yet (a session page before its session has loaded): nothing to listen to.
    if (!workspaceId) return;
    if (typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    const source = new EventSource(workspaceEventsPath(workspaceId), { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let missedSome = false;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onChangeRef.current(), coalesceMs);
    };
    source.addEventListener('open', () => {
      setState('live');
      // After a dropped connection, catch up on whatever happened meanwhile.
      if (missedSome) changed();
      missedSome = false;
    });
    source.addEventListener(event, changed);
    source.addEventListener('error', () => {
      missedSome = true;
      // The browser retries by itself unless the server refused the stream for good.
      setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [workspaceId, event]);

  return state;
}
