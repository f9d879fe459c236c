/**
 * A werksessie as the server has it, kept current by the workspace's `session` events (never by
 * polling). `clockOffset` is how far the server's clock is ahead of this device's, measured
 * when the answer arrived, so every screen counts down to the same moment.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionDetail } from '../../shared/api/sessions';
import { api } from '../api';
import { useWorkspaceEvents, type LiveState } from '../registers/useWorkspaceEvents';

export interface LiveSession {
  session: SessionDetail | null;
  error: unknown;
  clockOffset: number;
  live: LiveState;
  /** Replaces the shown state with an answer of the API (after the chair's own change). */
  accept: (session: SessionDetail) => void;
  reload: () => void;
}

/** The running session of a workspace (`sessionId` null) or one session by id. */
export function useLiveSession(workspaceId: string | null, sessionId: string | null): LiveSession {
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [clockOffset, setClockOffset] = useState(0);

  const accept = useCallback((next: SessionDetail) => {
    setSession(next);
    setError(null);
    if (next.timer) setClockOffset(next.timer.serverNow - Date.now());
  }, []);

  const reload = useCallback(() => {
    const load = async (): Promise<SessionDetail | null> => {
      if (sessionId) return api.getSession(sessionId);
      if (!workspaceId) return null;
      const running = (await api.listSessions(workspaceId)).find((s) => s.status === 'running');
      return running ? api.getSession(running.id) : null;
    };
    load().then(
      (next) => (next ? accept(next) : setSession(null)),
      (caught: unknown) => setError(caught),
    );
  }, [workspaceId, sessionId, accept]);

  useEffect(reload, [reload]);
  const eventsWorkspace = session?.workspaceId ?? workspaceId;
  const live = useWorkspaceEvents(eventsWorkspace ?? '', reload, 'session');
  return { session, error, clockOffset, live: eventsWorkspace ? live : 'offline', accept, reload };
}
