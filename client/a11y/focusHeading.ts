/**
 * Puts focus on a section's heading, for when the control that had it is gone (a removed
 * row's own button): the person goes on from the list it was in, not from the top of the page.
 */
export function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}
