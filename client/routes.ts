/**
 * The client's routes as data, and the pure helpers around them (no DOM), so they can be
 * tested without a browser.
 */
import type { RegisterName } from '../shared/api/registers';
import { safeReturnPath } from '../shared/api/returnPath';

/** The registers' Dutch path segments under /w/:id/. */
export const registerSlugs: Record<RegisterName, string> = {
  actions: 'acties',
  commitments: 'toezeggingen',
  reflections: 'reflectie',
  criteria: 'criteria',
};

const registerBySlug = new Map(Object.entries(registerSlugs).map(([name, slug]) => [slug, name as RegisterName]));

export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'home' }
  | { name: 'workspace'; id: string }
  | { name: 'register'; id: string; register: RegisterName }
  /** The register of open comment threads across the workspace's documents. */
  | { name: 'threads'; id: string }
  | { name: 'document'; id: string }
  | { name: 'version'; id: string; versionId: string }
  /** `against` is another version's id, or 'current' for the document as it is now. */
  | { name: 'versionDiff'; id: string; versionId: string; against: string }
  | { name: 'contributions'; id: string }
  | { name: 'session'; id: string }
  | { name: 'invite'; token: string }
  /** The page a werksessie's join code opens (issue 14 item 7). */
  | { name: 'join'; code: string }
  | { name: 'account' }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword'; token: string }
  | { name: 'verifyEmail'; token: string }
  | { name: 'notFound' };

/** Routes a signed-out person may see. */
export const publicRoutes: ReadonlySet<Route['name']> = new Set(['login', 'signup', 'invite', 'join', 'notFound', 'forgotPassword', 'resetPassword', 'verifyEmail']);

/** The path segment that stands for "the document as it is now" in a comparison. */
const currentSlug = 'nu';

const withParams: [RegExp, (...values: string[]) => Route][] = [
  [/^\/w\/([^/]+)\/?$/, (id) => ({ name: 'workspace', id: id! })],
  [/^\/w\/([^/]+)\/opmerkingen\/?$/, (id) => ({ name: 'threads', id: id! })],
  [/^\/d\/([^/]+)\/?$/, (id) => ({ name: 'document', id: id! })],
  [/^\/sessie\/([^/]+)\/?$/, (id) => ({ name: 'session', id: id! })],
  [/^\/d\/([^/]+)\/bijdragen\/?$/, (id) => ({ name: 'contributions', id: id! })],
  [/^\/d\/([^/]+)\/versies\/([^/]+)\/?$/, (id, versionId) => ({ name: 'version', id: id!, versionId: versionId! })],
  [
    /^\/d\/([^/]+)\/versies\/([^/]+)\/vergelijken\/([^/]+)\/?$/,
    (id, versionId, against) => ({ name: 'versionDiff', id: id!, versionId: versionId!, against: against === currentSlug ? 'current' : against! }),
  ],
  [/^\/uitnodiging\/([^/]+)\/?$/, (token) => ({ name: 'invite', token: token! })],
  [/^\/meedoen\/([^/]+)\/?$/, (code) => ({ name: 'join', code: code! })],
  [/^\/wachtwoord-herstellen\/([^/]+)\/?$/, (token) => ({ name: 'resetPassword', token: token! })],
  [/^\/e-mail-bevestigen\/([^/]+)\/?$/, (token) => ({ name: 'verifyEmail', token: token! })],
];

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/inloggen' || pathname === '/inloggen/') return { name: 'login' };
  if (pathname === '/aanmelden' || pathname === '/aanmelden/') return { name: 'signup' };
  if (pathname === '/account' || pathname === '/account/') return { name: 'account' };
  if (pathname === '/wachtwoord-vergeten' || pathname === '/wachtwoord-vergeten/') return { name: 'forgotPassword' };
  const register = /^\/w\/([^/]+)\/([a-z]+)\/?$/.exec(pathname);
  const registerName = register?.[2] ? registerBySlug.get(register[2]) : undefined;
  if (register?.[1] && registerName) {
    try {
      return { name: 'register', id: decodeURIComponent(register[1]), register: registerName };
    } catch {
      return { name: 'notFound' };
    }
  }
  for (const [pattern, build] of withParams) {
    const match = pattern.exec(pathname);
    if (match) {
      try {
        return build(...match.slice(1).map((value) => decodeURIComponent(value)));
      } catch {
        return { name: 'notFound' };
      }
    }
  }
  return { name: 'notFound' };
}

/** A return path from `?next=` that stays on this site (see shared/api/returnPath.ts). */
export const safeNext = safeReturnPath;

/** `/inloggen?next=...` (or `/aanmelden?next=...`) returning to `path`. */
export function authPath(page: 'login' | 'signup', returnTo: string): string {
  const base = page === 'login' ? '/inloggen' : '/aanmelden';
  const next = safeNext(returnTo, '/');
  return next === '/' ? base : `${base}?next=${encodeURIComponent(next)}`;
}

export const workspacePath = (id: string) => `/w/${encodeURIComponent(id)}`;
export const documentPath = (id: string) => `/d/${encodeURIComponent(id)}`;
export const sessionPath = (id: string) => `/sessie/${encodeURIComponent(id)}`;
export const threadsPagePath = (workspaceId: string) => `${workspacePath(workspaceId)}/opmerkingen`;
export const registerPagePath = (workspaceId: string, register: RegisterName) =>
  `${workspacePath(workspaceId)}/${registerSlugs[register]}`;
/** A document opened at one block (the document page scrolls to it once synced). */
export const blockPath = (documentId: string, blockId: string) =>
  `${documentPath(documentId)}#block-${encodeURIComponent(blockId)}`;
export const contributionsPath = (documentId: string) => `${documentPath(documentId)}/bijdragen`;
export const versionPagePath = (documentId: string, versionId: string) =>
  `${documentPath(documentId)}/versies/${encodeURIComponent(versionId)}`;
/** A comparison of a version with another one, or with 'current' (the document now). */
export const versionDiffPath = (documentId: string, versionId: string, against: string) =>
  `${versionPagePath(documentId, versionId)}/vergelijken/${against === 'current' ? currentSlug : encodeURIComponent(against)}`;
