/**
 * A document's threads, fetched again whenever the workspace says threads changed. The header's
 * inbox hears of it too (a window event), so its count follows while a document is open.
 */
import { useCallback } from 'react';
import { api } from '../api';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { useResource } from '../useResource';

export const threadsChangedEvent = 'werktafel:threads';

export function useThreads(workspaceId: string, documentId: string) {
  const { resource, reload } = useResource(() => api.threads(documentId), [documentId]);
  const onChange = useCallback(() => {
    reload();
    window.dispatchEvent(new Event(threadsChangedEvent));
  }, [reload]);
  useWorkspaceEvents(workspaceId, onChange, 'threads');
  return { threads: resource.status === 'ready' ? resource.data : [], resource, reload };
}
