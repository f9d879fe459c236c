/**
 * After a navigation inside the app (a link, back and forward, the redirect after signing in)
 * focus moves to the new page's h1, so a screen reader reads the new page from its heading and
 * the next Tab starts there. A page opened directly is left alone: the browser and the screen
 * reader already start at its top. The heading may arrive later (pages load their data first);
 * if the person has put focus somewhere in the meantime (clicked into the editor, typed), it
 * stays where they put it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { focusHeadingElement } from './focusHeading';

/** How long a new page may take to show its heading before we give up moving focus. */
const headingWaitMs = 10_000;

/** Whether focus is still where the navigation left it: nowhere, or on the control that caused it. */
function focusUntouched(before: Element | null, container: HTMLElement): boolean {
  const now = document.activeElement;
  return now === null || now === document.body || now === container || now === before || !now.isConnected;
}

export function useFocusHeadingOnNavigate(href: string, container: RefObject<HTMLElement | null>): void {
  // The address focus was last settled for; the first one is the page opened directly.
  const settled = useRef(href);

  useEffect(() => {
    if (settled.current === href) return;
    settled.current = href;
    const main = container.current;
    if (!main) return;
    const before = document.activeElement;
    const tryFocus = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (focusUntouched(before, main)) focusHeadingElement(heading, { preventScroll: true });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = window.setTimeout(() => stop(), headingWaitMs);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [href, container]);
}
