/**
 * Puts focus on a section's heading, for when the control that had it is gone (a removed
 * row's own button): the person goes on from the list it was in, not from the top of the page.
 */
export function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (heading) focusHeadingElement(heading);
}

/** Focus on a heading, which is no control of its own: reachable by script, not by Tab. */
export function focusHeadingElement(heading: HTMLElement, options?: FocusOptions): void {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus(options);
}
