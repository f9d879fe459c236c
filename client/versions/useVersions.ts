/**
 * The version list of a document, kept fresh: nothing tells the page when another party signs
 * or the owner asks for adoption, so it asks again every few seconds while the tab is visible,
 * and at once when the person comes back to the tab.
 */
import { useEffect } from 'react';
import { api } from '../api';
import { useResource } from '../useResource';

export const versionsPollMs = 8_000;

export function useVersions(documentId: string) {
  const { resource, reload } = useResource(() => api.versions(documentId), [documentId]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, versionsPollMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [reload]);

  return { resource, reload };
}
