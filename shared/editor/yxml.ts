/**
 * Walks Yjs XML trees without recursion. Documents come from any client, and a hostile one can
 * nest elements thousands deep; a recursive walk would overflow the stack in a timer and take
 * the process down.
 */
import * as Y from 'yjs';

/**
 * Visits every XmlElement under `root` in document order. Returning `false` from `visit` skips
 * that element's children; returning `'stop'` ends the walk.
 */
export function forEachXmlElement(
  root: Y.XmlFragment | Y.XmlElement,
  visit: (element: Y.XmlElement) => boolean | 'stop' | void,
): void {
  const stack: Y.XmlElement[] = [];
  const pushChildren = (parent: Y.XmlFragment | Y.XmlElement) => {
    const children = parent.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  };
  pushChildren(root);
  while (stack.length > 0) {
    const element = stack.pop()!;
    const result = visit(element);
    if (result === 'stop') return;
    if (result !== false) pushChildren(element);
  }
}

/** Every XmlText under `root`, in document order. */
export function textNodes(root: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const stack: (Y.XmlElement | Y.XmlText)[] = [];
  const push = (parent: Y.XmlFragment | Y.XmlElement) => {
    const children = parent.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
    }
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) found.push(node);
    else push(node);
  }
  return found;
}

/** The characters of a text node, without its formatting. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The text of every XmlText under `root`, one entry per text node, in document order. */
export function textsUnder(root: Y.XmlFragment | Y.XmlElement): string[] {
  return textNodes(root).map(plainText);
}
