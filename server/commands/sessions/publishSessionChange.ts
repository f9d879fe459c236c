import type { Services } from '../../context';
import type { WorkSessionRow } from '../../storage/rows';

/**
 * Tells the workspace's event streams that a session changed; clients fetch it again through
 * the API, where the policy applies (the event carries no state).
 */
export function publishSessionChange(services: Services, session: Pick<WorkSessionRow, 'id' | 'workspace_id'>): void {
  services.events.publish(session.workspace_id, 'session', { sessionId: session.id });
}
