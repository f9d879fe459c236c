/**
 * In-process publish/subscribe of workspace events, fanned out to the Server-Sent Events
 * stream `/api/workspaces/:id/events`. Events say what changed, never the data itself: the
 * client refetches through the API, where the policy applies.
 */
export type WorkspaceEventName = 'registers' | 'versions';

export type WorkspaceEventListener = (workspaceId: string, event: WorkspaceEventName, data: { documentId: string }) => void;

export class WorkspaceEvents {
  private readonly listeners = new Set<WorkspaceEventListener>();

  publish(workspaceId: string, event: WorkspaceEventName, data: { documentId: string }): void {
    for (const listener of this.listeners) listener(workspaceId, event, data);
  }

  subscribe(listener: WorkspaceEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
