/**
 * In-process publish/subscribe of workspace events, fanned out to the Server-Sent Events
 * stream `/api/workspaces/:id/events`. Events say what changed, never the data itself: the
 * client refetches through the API, where the policy applies. Open streams are ended like
 * sockets when their session ends or their member leaves.
 *
 * A person's own events (`/api/me/events`, their inbox) go through here too, so that their
 * streams count against the same cap per user and end with the session like the others.
 *
 * With several instances, what is published here is also sent to the others (`cluster`), whose
 * streams receive it through `deliver…`; what they publish arrives the same way.
 */
import type { PersonalEventName, WorkspaceEventData, WorkspaceEventName } from '../../shared/api/registers';
import { standalone, type ClusterLink } from '../cluster/ClusterBus';

export type WorkspaceEventListener = (workspaceId: string, event: WorkspaceEventName, data: WorkspaceEventData) => void;
export type PersonalEventListener = (userId: string, event: PersonalEventName) => void;

export interface EventStreamHandle {
  sessionId: string;
  userId: string;
  /** Null for a person's own stream, which no workspace membership ends. */
  workspaceId: string | null;
  /** Ends the stream. */
  end(): void;
}

export class WorkspaceEvents {
  private readonly listeners = new Set<WorkspaceEventListener>();
  private readonly personalListeners = new Set<PersonalEventListener>();
  private readonly streams = new Set<EventStreamHandle>();

  constructor(private readonly cluster: ClusterLink = standalone) {}

  publish(workspaceId: string, event: WorkspaceEventName, data: WorkspaceEventData): void {
    this.deliver(workspaceId, event, data);
    this.cluster.forward({ kind: 'workspaceEvent', workspaceId, event, data });
  }

  /** An event published here or on another instance, to this instance's listeners. */
  deliver(workspaceId: string, event: WorkspaceEventName, data: WorkspaceEventData): void {
    for (const listener of this.listeners) listener(workspaceId, event, data);
  }

  subscribe(listener: WorkspaceEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells one person's open pages, whatever workspace they are in, that something of theirs changed. */
  publishToUser(userId: string, event: PersonalEventName): void {
    this.deliverToUser(userId, event);
    this.cluster.forward({ kind: 'personalEvent', userId, event });
  }

  deliverToUser(userId: string, event: PersonalEventName): void {
    for (const listener of this.personalListeners) listener(userId, event);
  }

  subscribeToUsers(listener: PersonalEventListener): () => void {
    this.personalListeners.add(listener);
    return () => this.personalListeners.delete(listener);
  }

  /** How many streams this user holds open, in any workspace or of their own. */
  openFor(userId: string): number {
    let count = 0;
    for (const stream of this.streams) if (stream.userId === userId) count += 1;
    return count;
  }

  /** Registers an open stream; returns the function that forgets it. */
  track(stream: EventStreamHandle): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  closeForSession(sessionId: string): void {
    this.endWhere((s) => s.sessionId === sessionId);
  }

  closeForMember(workspaceId: string, userId: string): void {
    this.endWhere((s) => s.workspaceId === workspaceId && s.userId === userId);
  }

  /** Ends every stream whose session or membership is gone (the periodic sweep). */
  async endStale(isAllowed: (stream: EventStreamHandle) => Promise<boolean>): Promise<void> {
    const streams = [...this.streams];
    const allowed = await Promise.all(streams.map(isAllowed));
    const stale = new Set(streams.filter((_, i) => !allowed[i]));
    this.endWhere((s) => stale.has(s));
  }

  private endWhere(match: (stream: EventStreamHandle) => boolean): void {
    for (const stream of [...this.streams]) {
      if (!match(stream)) continue;
      this.streams.delete(stream);
      stream.end();
    }
  }
}
