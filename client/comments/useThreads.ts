/** A document's threads, fetched again whenever the workspace says threads changed. */
import { useCallback } from 'react';
import { api } from '../api';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { useResource } from '../useResource';

export function useThreads(workspaceId: string, documentId: string) {
  const { resource, reload } = useResource(() => api.threads(documentId), [documentId]);
  const onChange = useCallback(() => reload(), [reload]);
  useWorkspaceEvents(workspaceId, onChange, 'threads');
  return { threads: resource.status === 'ready' ? resource.data : [], resource, reload };
}
