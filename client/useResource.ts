import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: unknown };

const loading = { status: 'loading', data: undefined, error: undefined } as const;

/**
 * Loads data for a page. `reload()` fetches again without blanking what is shown, so a list
 * does not flash after each change; a change of `deps` (another id) starts from loading.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [resource, setResource] = useState<Resource<T>>(loading);
  const [version, setVersion] = useState(0);
  const stableLoad = useCallback(load, deps); // the caller names the inputs of `load`
  const lastLoad = useRef(stableLoad);

  useEffect(() => {
    let cancelled = false;
    if (lastLoad.current !== stableLoad) {
      lastLoad.current = stableLoad;
      setResource(loading);
    }
    stableLoad().then(
      (data) => !cancelled && setResource({ status: 'ready', data, error: undefined }),
      (error: unknown) => !cancelled && setResource({ status: 'error', data: undefined, error }),
    );
    return () => {
      cancelled = true;
    };
  }, [stableLoad, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { resource, reload };
}
