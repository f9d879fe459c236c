/**
 * `/api/me`: the signed-in person's own account (issue 17, accounts for life): name and address,
 * password, where they are signed in, their data to take along, and deleting the account.
 */
import { Hono } from 'hono';
import { changePasswordReq, deleteMeReq, updateMeReq } from '../../shared/api/schemas';
import { CloseCode } from '../../shared/collab/protocol';
import { hashPassword, hasPassword, verifyPassword } from '../auth/passwords';
import type { AppEnv, Services } from '../context';
import { ConflictError, ForbiddenError, TooManyRequestsError, ValidationError } from '../errors';
import type { SessionRow, UserRow } from '../storage/rows';
import { mailVerificationLink } from '../auth/mailedLinks';
import { appLink, deliverLater } from '../mail/deliver';
import { mails } from '../mail/messages';
import { clearSessionCookie, requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorizeAccountChange } from '../policies';
import { presentUser } from '../presenters';
import { presentAccountExport, presentSession } from '../presenters/account';

/** How recent a sign-in must be to delete an account that has no password. */
const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

export function meRoutes(services: Services) {
  const { repos, connections } = services;

  /** Ends the given sessions everywhere: their cookies stop working, their sockets and streams close. */
  const endSessions = (ids: string[], reason: string) => {
    for (const id of ids) connections.closeForSession(id, CloseCode.sessionEnded, reason);
  };

  const requireSession = (c: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(c);
    return { user, session: c.get('session')! };
  };

  /** A wrong current password is a field error of the form, not a failed sign-in. */
  const checkPassword = async (passwordHash: string, password: string | undefined, field: string) => {
    if (password === undefined) throw new ValidationError({ [field]: 'validation.currentPasswordRequired' });
    if (!(await verifyPassword(passwordHash, password))) throw new ValidationError({ [field]: 'error.wrongPassword' }, 'error.wrongPassword');
  };

  /**
   * Who deletes an account or moves it to another address proves it is them, not just someone
   * holding their session: with the password, or, for an account that has none (single
   * sign-on), with a sign-in at the provider moments ago.
   */
  const confirmIdentity = async (user: UserRow, session: SessionRow, password: string | undefined, field: string) => {
    if (hasPassword(user.password_hash)) return checkPassword(user.password_hash, password, field);
    if (Date.now() - session.created_at > FRESH_SIGN_IN_MS) {
      throw new ForbiddenError('error.signInAgain', 'sign_in_again');
    }
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(presentUser(requireUser(c))))
    .patch('/', async (c) => {
      const { user, session } = requireSession(c);
      authorizeAccountChange(user);
      const body = await parseBody(c, updateMeReq);
      if (body.email !== undefined && body.email !== user.email) {
        await confirmIdentity(user, session, body.currentPassword, 'currentPassword');
        const wait = services.mailsToOthers.take(user.id);
        if (wait > 0) throw new TooManyRequestsError(wait, 'error.tooManyEmailChanges');
      }
      const { workspaceMails, currentPassword: _password, ...fields } = body;
      if (!(await repos.users.update(user.id, { ...fields, ...(workspaceMails === undefined ? {} : { workspace_mails: workspaceMails ? 1 : 0 }) }))) {
        throw new ConflictError('email_taken', 'error.emailTaken', { email: 'error.emailTaken' });
      }
      const updated = (await repos.users.findById(user.id))!;
      if (updated.email !== user.email) {
        // The new address is verified by a link sent to it; the old one hears of the change, so a
        // stolen session cannot quietly move the account to another address.
        await mailVerificationLink(services, updated);
        const resetLink = appLink(services, '/account');
        deliverLater(services, { to: user.email, ...mails.emailChanged[updated.language](updated.name, updated.email, resetLink) }, 'address change notice');
      }
      return c.json(presentUser(updated));
    })
    .post('/email-verification', async (c) => {
      const user = requireUser(c);
      authorizeAccountChange(user);
      if (user.email_verified_at !== null) throw new ConflictError('already_verified', 'error.alreadyVerified');
      const wait = services.verificationRequests.take(user.id);
      if (wait > 0) throw new TooManyRequestsError(wait, 'error.verificationJustSent');
      await mailVerificationLink(services, user);
      return c.json({ ok: true }, 202);
    })
    .post('/password', async (c) => {
      const { user, session } = requireSession(c);
      const body = await parseBody(c, changePasswordReq);
      if (!hasPassword(user.password_hash)) {
        // No current password to check: a link to the verified address sets the first one.
        throw new ConflictError('no_password', 'error.noPassword');
      }
      await checkPassword(user.password_hash, body.current, 'current');
      await repos.users.setPasswordHash(user.id, await hashPassword(body.password));
      // Whoever knew the old password is signed out everywhere; this browser stays signed in.
      endSessions(await repos.sessions.deleteAllForUserExcept(user.id, session.id), 'password changed');
      return c.body(null, 204);
    })
    .get('/sessions', async (c) => {
      const { user, session } = requireSession(c);
      const sessions = await repos.sessions.listForUser(user.id);
      return c.json(sessions.map((row) => presentSession(row, session.id)));
    })
    .delete('/sessions', async (c) => {
      const { user, session } = requireSession(c);
      endSessions(await repos.sessions.deleteAllForUserExcept(user.id, session.id), 'signed out elsewhere');
      return c.body(null, 204);
    })
    .get('/export', async (c) => {
      const { user, session } = requireSession(c);
      const [sessions, data] = await Promise.all([repos.sessions.listForUser(user.id), repos.personalData.export(user.id)]);
      c.header('Content-Disposition', 'attachment; filename="werktafel-mijn-gegevens.json"');
      c.header('Cache-Control', 'no-store');
      return c.json(presentAccountExport(user, sessions, session.id, data, Date.now()));
    })
    .delete('/', async (c) => {
      const { user, session } = requireSession(c);
      const body = await parseBody(c, deleteMeReq);
      await confirmIdentity(user, session, body.password, 'password');
      // A workspace must keep an owner: the last one hands over first.
      const orphaned = [];
      for (const workspace of await repos.workspaces.listForUser(user.id)) {
        if (workspace.role === 'owner' && (await repos.members.ownerCount(workspace.id)) === 1) orphaned.push(workspace.name);
      }
      if (orphaned.length > 0) {
        throw new ConflictError('last_owner', { key: 'error.lastOwnerOf', params: { workspaces: orphaned.join(', ') } });
      }
      const sessions = await repos.sessions.listForUser(user.id);
      const memberships = await repos.workspaces.listForUser(user.id);
      await repos.personalData.anonymise(user.id, Date.now());
      endSessions(sessions.map((s) => s.id), 'account deleted');
      for (const workspace of memberships) connections.closeForMember(workspace.id, user.id, CloseCode.accessRevoked, 'account deleted');
      clearSessionCookie(c, services);
      return c.body(null, 204);
    });
}
