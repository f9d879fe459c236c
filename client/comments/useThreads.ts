/**
 * A document's threads, fetched again whenever the workspace says threads changed. (The header's
 * inbox follows the person's own event stream instead, on every page.)
 */
import { api } from '../api';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { useResource } from '../useResource';

export function useThreads(workspaceId: string, documentId: string) {
  const { resource, reload } = useResource(() => api.threads(documentId), [documentId]);
  useWorkspaceEvents(workspaceId, reload, 'threads');
  return { threads: resource.status === 'ready' ? resource.data : [], resource, reload };
}
