import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, onUnauthorized } from './api';
import type { User } from '../shared/api/accounts';

type SessionState =
  | { status: 'loading'; user: null }
  | { status: 'ready'; user: User | null }
  | { status: 'error'; user: null };

interface SessionValue {
  state: SessionState;
  /** After signup or login. */
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in: asked once from /api/me, updated by the auth forms and by any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.me().then(
      (user) => !cancelled && setState({ status: 'ready', user }),
      (error: unknown) => {
        if (cancelled) return;
        if (isApiError(error) && error.status === 401) setState({ status: 'ready', user: null });
        else setState({ status: 'error', user: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => onUnauthorized(() => setState({ status: 'ready', user: null })), []);

  const signedIn = useCallback((user: User) => setState({ status: 'ready', user }), []);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'ready', user: null });
    }
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'loading', user: null });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, retry }), [state, signedIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { state } = useSession();
  if (!state.user) throw new Error('useUser needs a signed-in user');
  return state.user;
}
