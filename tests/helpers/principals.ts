/**
 * Principals for authorization tests, made directly in SQLite (no sign-up round trip, no
 * argon2 per person): a user, optionally a membership, and a fresh session whose cookie the
 * test sends. One new principal per matrix cell, so no cell can disturb another.
 */
import type { Role } from '../../shared/api/roles';
import { createSession, generateSessionToken, hashToken } from '../../server/auth/sessionTokens';
import type { Repos } from '../../server/storage/ports';
import { ApiClient } from './apiClient';

export const principalKinds = ['anonymous', 'outsider', 'viewer', 'commenter', 'editor', 'owner', 'foreign'] as const;
export type PrincipalKind = (typeof principalKinds)[number];

export interface Principal {
  kind: PrincipalKind;
  /** Null for the anonymous principal. */
  userId: string | null;
  email: string | null;
  /** `session=<token>` or null. */
  cookie: string | null;
  /** The stored session id (hash of the token), for expiry and sign-out checks. */
  sessionId: string | null;
  client: ApiClient;
}

let counter = 0;

/** A user row with the given password hash (reuse one hash: argon2 takes tens of ms). */
export async function createUserRow(repos: Repos, passwordHash: string, name = 'Persoon'): Promise<{ id: string; email: string }> {
  const email = `p${process.pid}-${Date.now()}-${counter++}@example.nl`;
  const user = await repos.users.create({ email, name, passwordHash });
  if (!user) throw new Error(`user ${email} exists`);
  return { id: user.id, email };
}

/** A new session for the user, as sign-in would create it. */
export async function createSessionFor(repos: Repos, userId: string): Promise<{ cookie: string; sessionId: string }> {
  const token = generateSessionToken();
  const session = await createSession(repos.sessions, token, userId);
  return { cookie: `session=${token}`, sessionId: session.id };
}

export function sessionIdOf(cookie: string): string {
  return hashToken(cookie.replace(/^session=/, ''));
}

export interface PrincipalWorld {
  origin: string;
  repos: Repos;
  passwordHash: string;
  /** The workspace under test and the party its members speak for. */
  workspaceId: string;
  partyId: string;
  /** Another workspace; `foreign` owns it (with its own party). */
  foreignWorkspaceId: string;
  foreignPartyId: string;
}

/** Adds a membership row as an accepted invite would. */
export async function addMembership(repos: Repos, workspaceId: string, userId: string, role: Role, partyId: string | null): Promise<void> {
  await repos.members.insert({ workspace_id: workspaceId, user_id: userId, party_id: partyId, role, created_at: Date.now() });
}

export async function makePrincipal(world: PrincipalWorld, kind: PrincipalKind): Promise<Principal> {
  const client = new ApiClient(world.origin);
  if (kind === 'anonymous') return { kind, userId: null, email: null, cookie: null, sessionId: null, client };
  const user = await createUserRow(world.repos, world.passwordHash, `Persoon ${kind}`);
  if (kind === 'foreign') await addMembership(world.repos, world.foreignWorkspaceId, user.id, 'owner', world.foreignPartyId);
  else if (kind !== 'outsider') await addMembership(world.repos, world.workspaceId, user.id, kind, world.partyId);
  const session = await createSessionFor(world.repos, user.id);
  client.cookie = session.cookie;
  return { kind, userId: user.id, email: user.email, cookie: session.cookie, sessionId: session.sessionId, client };
}
