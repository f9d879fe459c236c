/**
 * Deep links to a block (`/d/:id#block-<blockId>`): once the document has synced, scroll the
 * block into view and highlight it for a moment. Also used by the criteria panel's "go to".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

const highlightMs = 4000;
const waitForViewMs = 3000;

export function blockIdFromHash(hash: string): string | null {
  const match = /^#block-(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function useBlockLink(provider: WebsocketProvider | null) {
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [hash, setHash] = useState(() => window.location.hash);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      clearTimeout(timer.current);
    };
  }, []);

  /** Scrolls to the block as soon as its node view is in the page; false if it never appears. */
  const reveal = useCallback((blockId: string, onGone?: () => void) => {
    const deadline = performance.now() + waitForViewMs;
    let frame = 0;
    let lastHeight = -1;
    let stableFrames = 0;
    const attempt = () => {
      const element = document.getElementById(`block-${blockId}`);
      // The node view mounts empty and React draws the card a few frames later; scrolling
      // before its height settles would centre a placeholder and leave the card half off screen.
      const height = element?.getBoundingClientRect().height ?? -1;
      stableFrames = element && height === lastHeight ? stableFrames + 1 : 0;
      lastHeight = height;
      if (element && (stableFrames >= 3 || performance.now() >= deadline)) {
        element.scrollIntoView({ block: 'center' });
        setHighlightId(blockId);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setHighlightId(null), highlightMs);
        return;
      }
      if (performance.now() < deadline) frame = requestAnimationFrame(attempt);
      else onGone?.();
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    const blockId = blockIdFromHash(hash);
    if (!blockId || !provider) return;
    let cancelReveal: (() => void) | undefined;
    const onSync = (synced: boolean) => {
      if (!synced || cancelReveal) return;
      cancelReveal = reveal(blockId);
    };
    if (provider.synced) onSync(true);
    else provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      cancelReveal?.();
    };
  }, [hash, provider, reveal]);

  return { highlightId, reveal };
}
