/**
 * Reflow (WCAG 1.4.10) in a real page: how wide the document is, and which elements stick out
 * past the viewport's right edge, so a failing test says where to look.
 */
import type { Page } from 'playwright-core';

export const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The elements whose right edge lies beyond the viewport while none of their children's does
 * (the innermost culprits), as short CSS-like paths with their width; at most `limit`. Contents
 * of a box that scrolls on its own (overflow auto or scroll) are left out: they stay in their box.
 */
export function elementsStickingOut(page: Page, limit = 6): Promise<string[]> {
  return page.evaluate((limit) => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const classes = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
      return `${el.tagName.toLowerCase()}${classes}`;
    };
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let at: Element | null = el; at && at !== document.body && parts.length < 4; at = at.parentElement) parts.unshift(name(at));
      return parts.join(' > ');
    };
    /** The box an element is laid out in: an absolutely placed one escapes every box below its positioned ancestor. */
    const containingBlock = (el: Element): Element | null => {
      const { position } = getComputedStyle(el);
      if (position === 'fixed') return null;
      if (position !== 'absolute') return el.parentElement;
      for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).position !== 'static') return at;
      }
      return null;
    };
    const scrollsItself = (el: Element) => {
      for (let at = containingBlock(el); at && at !== document.body; at = at.parentElement) {
        const { overflowX } = getComputedStyle(at);
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip') return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsItself(el));
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    return innermost.slice(0, limit).map((el) => `${path(el)} (${Math.round(el.getBoundingClientRect().width)} px, right ${Math.round(el.getBoundingClientRect().right)})`);
  }, limit);
}
