import { Hono } from 'hono';
import { loginReq, passwordResetReq, passwordResetRequestReq, signupReq } from '../../shared/api/schemas';
import { hashPassword, hasPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { invalidateSession } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { ConflictError, GoneError, TooManyRequestsError, UnauthorizedError } from '../errors';
import { mailPasswordResetLink, mailVerificationLink, takeMailedLink } from '../auth/mailedLinks';
import { mailLanguage } from '../mail/messages';
import { clientAddress } from '../http/clientAddress';
import { clearSessionCookie, startSession } from '../http/session';
import { parseBody } from '../http/validate';
import { authorizeSignup, describeSignup } from '../policies/signup';
import { presentUser } from '../presenters';
import { usableInvite } from './loaders';
import { recordInviteAccepted } from '../auth/redeemInvite';
import { turnGuestIntoAccount } from '../auth/guestSignUp';
import { InviteUsedUpError } from '../storage/ports';
import type { UserRow } from '../storage/rows';
import type { AuthOptions } from '../../shared/api/accounts';
import { CloseCode } from '../../shared/collab/protocol';
import type { VerifiedEmail } from '../../shared/api/accounts';

export function authRoutes(services: Services) {
  const { repos, throttle } = services;

  return new Hono<AppEnv>()
    .get('/options', (c) => {
      const { oidc, signup } = services.config;
      return c.json({ oidc: oidc ? { name: oidc.name } : null, ...describeSignup(signup) } satisfies AuthOptions);
    })
    .post('/signup', async (c) => {
      const body = await parseBody(c, signupReq);
      const invite = await usableInvite(repos, body.inviteToken);
      authorizeSignup(services.config.signup, { email: body.email, hasUsableInvite: invite !== null, via: 'password' });
      // Counted before the hash, which is the cost the limit is there for.
      const wait = services.signUps.take(clientAddress(c, services.config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait, 'error.tooManySignups');
      // Hash first, whatever happens next, so the response time does not tell whether the
      // email was known. A taken email must still be refused: that much is unavoidable.
      const passwordHash = await hashPassword(body.password);
      const newUser = { email: body.email, name: body.name, passwordHash, language: body.language ?? mailLanguage(c.req.header('accept-language')) };
      // The invite that let the person in is used in the same transaction that makes the account:
      // a link for one person opens one account, however many sign-ups race for it.
      let user: UserRow | null;
      let joinedThrough = invite;
      const guest = c.get('user');
      try {
        user =
          guest?.guest === 1
            ? await turnGuestIntoAccount(services, guest, newUser)
            : await repos.users.create(invite ? { ...newUser, invite } : newUser);
        // The guest's invite, if any, is accepted the ordinary way once they have an account.
        if (guest?.guest === 1) joinedThrough = null;
      } catch (error) {
        if (!(error instanceof InviteUsedUpError)) throw error;
        // Used up since the check: refused where only the invite let the person in.
        authorizeSignup(services.config.signup, { email: body.email, hasUsableInvite: false, via: 'password' });
        joinedThrough = null;
        user = await repos.users.create(newUser);
      }
      if (!user) {
        throw new ConflictError('email_taken', 'error.emailTakenSignup', {
          email: 'error.emailTakenField',
        });
      }
      await startSession(c, services, user.id);
      if (joinedThrough) await recordInviteAccepted(services, joinedThrough, user.id);
      await mailVerificationLink(services, user);
      return c.json(presentUser(user), 201);
    })
    .post('/login', async (c) => {
      const body = await parseBody(c, loginReq);
      const address = clientAddress(c, services.config.trustProxy);
      const wait = throttle.retryAfterMs(body.email, address);
      if (wait > 0) throw new TooManyRequestsError(wait);

      const found = await repos.users.findByEmail(body.email);
      // A deleted account signs in as no account.
      const user = found && found.deleted_at === null ? found : undefined;
      // An account made through single sign-on has no password: it takes as long as a wrong one.
      const ok = user && hasPassword(user.password_hash) ? await verifyPassword(user.password_hash, body.password) : await verifyAgainstDummy(body.password);
      if (!user || !ok) {
        throttle.recordFailure(body.email, address);
        services.metrics.signInFailed();
        throw new UnauthorizedError('error.invalidCredentials', 'invalid_credentials');
      }
      throttle.recordSuccess(body.email, address);
      await startSession(c, services, user.id);
      return c.json(presentUser(user));
    })
    .post('/logout', async (c) => {
      const session = c.get('session');
      if (session) {
        await invalidateSession(repos.sessions, session.id);
        services.connections.closeForSession(session.id, CloseCode.sessionEnded, 'signed out');
      }
      clearSessionCookie(c, services);
      return c.body(null, 204);
    })
    .post('/password-reset', async (c) => {
      const body = await parseBody(c, passwordResetRequestReq);
      const wait = services.resetRequests.take(clientAddress(c, services.config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait);
      const user = await repos.users.findByEmail(body.email);
      // The same answer whether or not the address has an account; the mail goes out after it.
      if (user && user.deleted_at === null) await mailPasswordResetLink(services, user, mailLanguage(c.req.header('accept-language')));
      return c.json({ ok: true }, 202);
    })
    .post('/password-reset/:token', async (c) => {
      const body = await parseBody(c, passwordResetReq);
      const taken = await takeMailedLink(services, 'password_reset', c.req.param('token'));
      if (!taken) throw new GoneError('reset_link_invalid', 'error.resetLinkInvalid');
      const userId = taken.user_id;
      await repos.users.setPasswordHash(userId, await hashPassword(body.password));
      await repos.singleUseLinks.dropForUser(userId, 'password_reset');
      // The link reached the person at this address: that verifies it as well.
      await repos.users.markEmailVerified(userId, taken.email, Date.now());
      // Whoever had the old password is signed out everywhere; the person signs in anew.
      const ended = await repos.sessions.deleteAllForUserExcept(userId, null);
      for (const id of ended) services.connections.closeForSession(id, CloseCode.sessionEnded, 'password reset');
      return c.body(null, 204);
    })
    .post('/verify-email/:token', async (c) => {
      // No session needed: the link is often opened on another device than the one signed in.
      const taken = await takeMailedLink(services, 'email_verification', c.req.param('token'));
      if (!taken || !(await repos.users.markEmailVerified(taken.user_id, taken.email, Date.now()))) {
        throw new GoneError('verify_link_invalid', 'error.verifyLinkInvalid');
      }
      return c.json({ email: taken.email, emailVerified: true } satisfies VerifiedEmail);
    });
}
