/**
 * What one instance tells the others: workspace and personal events for their streams, access
 * that ended (their sockets and streams close too), session locks (their rooms refuse the
 * writes), sign-in outcomes (their throttles count them), and how many sockets each person and
 * address holds (the connection caps, ConnectionCensus.ts). On SQLite there are no others and
 * nothing is sent; on PostgreSQL it travels over LISTEN/NOTIFY (server/storage/postgres/PostgresBus.ts). Messages name what changed, never
 * data a policy would have to filter: receivers refetch through the API as before.
 */
import type { PersonalEventName, WorkspaceEventData, WorkspaceEventName } from '../../shared/api/registers';
import type { CensusMessage } from './ConnectionCensus';

export type ClusterMessage =
  | { kind: 'workspaceEvent'; workspaceId: string; event: WorkspaceEventName; data: WorkspaceEventData }
  | { kind: 'personalEvent'; userId: string; event: PersonalEventName }
  | { kind: 'closeForMember'; workspaceId: string; userId: string; code: number; reason: string }
  | { kind: 'closeForSession'; sessionId: string; code: number; reason: string }
  | { kind: 'sessionLock'; sessionId: string; workspaceId: string; chairUserId: string | null }
  /** `account`: a hash of the e-mail address, never the address itself. */
  | { kind: 'signIn'; outcome: 'failure' | 'success'; account: string; address: string; at: number }
  /** A wrong werksessie join code from this address (the guessing throttle). */
  | { kind: 'joinCodeFailure'; address: string; at: number }
  /** Open sockets per person and address, for the connection caps (ConnectionCensus.ts). */
  | CensusMessage;

export interface ClusterBus {
  /** Sends to every other instance; resolves once handed to the database. */
  publish(message: ClusterMessage): Promise<void>;
  /** Messages from the other instances (never this one's own). */
  subscribe(handler: (message: ClusterMessage) => void): () => void;
  close(): Promise<void>;
}

/** One instance alone (SQLite): nobody to tell. */
export function singleInstanceBus(): ClusterBus {
  return { publish: async () => undefined, subscribe: () => () => undefined, close: async () => undefined };
}

/** The sending side, for the in-memory parts that keep their own state and tell the others. */
export interface ClusterLink {
  forward(message: ClusterMessage): void;
}

export const standalone: ClusterLink = { forward: () => undefined };
