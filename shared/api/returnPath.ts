/**
 * A page to return to after signing in (`?next=`) that stays on this site: it must start with
 * one slash (not `//host`, not `/\host`) and hold no control characters, so a crafted link
 * cannot send someone elsewhere after they signed in. The client's sign-in pages and the
 * server's single sign-on both check with this.
 */
export function safeReturnPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return fallback;
  return next;
}
