/**
 * Wires this instance into the cluster bus: the sending link (failures are logged, never
 * thrown at the request that caused them: the sender's own instance has already acted) and
 * the receiving side, which applies what the others did to this instance's streams, sockets
 * and locks.
 */
import type { ConnectionControl } from '../context';
import type { WorkspaceEvents } from '../events/WorkspaceEvents';
import type { SessionLocks } from '../sessions/SessionLocks';
import type { JoinCodeThrottle, SignInThrottle } from '../auth/signInThrottle';
import { describeError, type Logger } from '../support/log';
import type { ClusterBus, ClusterLink, ClusterMessage } from './ClusterBus';
import type { ConnectionCensus } from './ConnectionCensus';

export function clusterLink(bus: ClusterBus, logger: Logger): ClusterLink {
  return {
    forward(message) {
      bus.publish(message).catch((error: unknown) => logger.warn('not told to the other instances', { kind: message.kind, ...describeError(error) }));
    },
  };
}

export interface LocalParts {
  events: WorkspaceEvents;
  /** This instance's sockets and streams only: closing them must not be sent on again. */
  localConnections: ConnectionControl;
  sessionLocks: SessionLocks;
  signIns: SignInThrottle;
  joinCodeGuesses: JoinCodeThrottle;
  census: ConnectionCensus;
}

export function receiveFromCluster(bus: ClusterBus, parts: LocalParts): () => void {
  return bus.subscribe((message: ClusterMessage) => {
    switch (message.kind) {
      case 'workspaceEvent':
        return parts.events.deliver(message.workspaceId, message.event, message.data);
      case 'personalEvent':
        return parts.events.deliverToUser(message.userId, message.event);
      case 'closeForMember':
        return parts.localConnections.closeForMember(message.workspaceId, message.userId, message.code, message.reason);
      case 'closeForSession':
        return parts.localConnections.closeForSession(message.sessionId, message.code, message.reason);
      case 'sessionLock':
        return parts.sessionLocks.apply(message.sessionId, message.workspaceId, message.chairUserId);
      case 'signIn':
        return parts.signIns.applyFromCluster(message.outcome, message.account, message.address, message.at);
      case 'joinCodeFailure':
        return parts.joinCodeGuesses.applyFromCluster(message.address, message.at);
      case 'connectionCount':
      case 'instanceAlive':
      case 'instanceGone':
      case 'countsWanted':
        return parts.census.receive(message);
    }
  });
}
