/**
 * Follows one kind of event on a Server-Sent Events stream and calls `onChange` when it arrives;
 * the page then fetches again. Events that come in a burst are coalesced, and after a dropped
 * connection the page catches up once the stream is back.
 */
import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'offline';

const coalesceMs = 50;

/** `path`: the stream's URL, or null while it is not known yet (nothing to listen to). */
export function useEventStream(path: string | null, event: string, onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!path) return;
    if (typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    const source = new EventSource(path, { withCredentials: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let missedSome = false;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onChangeRef.current(), coalesceMs);
    };
    source.addEventListener('open', () => {
      setState('live');
      if (missedSome) changed();
      missedSome = false;
    });
    source.addEventListener(event, changed);
    source.addEventListener('error', () => {
      missedSome = true;
      // The browser retries by itself unless the server refused the stream for good.
      setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [path, event]);

  return state;
}
